import type { Core } from '@strapi/strapi';
import { articleVersionKey } from '../comments/article-version';
import { COMMENT_UID } from '../utils/uids';

/**
 * Approved-comment counts for many articles of one locale in one query, by article documentId (an
 * article's draft and published versions share it; each locale has its own thread and count). They
 * come from the comment's copy of that documentId and locale, `articleVersion` (see
 * comment-article-ref.ts), and the index that starts with it, not from the link table.
 */
const commentCounts = ({ strapi }: { strapi: Core.Strapi }) => ({
  async approvedByArticle(documentIds: string[], locale: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>(documentIds.map((id) => [id, 0]));
    if (documentIds.length === 0) return counts;

    const byVersion = new Map(documentIds.map((id) => [articleVersionKey(id, locale), id]));
    const rows: Array<{ version: string; count: string | number }> = await strapi.db
      .connection(strapi.db.metadata.get(COMMENT_UID).tableName)
      .where('status', 'approved')
      .whereIn('article_version', [...byVersion.keys()])
      .groupBy('article_version')
      .select('article_version as version')
      .count({ count: '*' });

    for (const row of rows) counts.set(byVersion.get(row.version)!, Number(row.count));
    return counts;
  },
});

export default commentCounts;
