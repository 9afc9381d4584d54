import type { Core } from '@strapi/strapi';
import { COMMENT_UID } from '../utils/uids';

/**
 * Approved-comment counts for many articles of one locale in one query, by article documentId (an
 * article's draft and published versions share it; each locale has its own thread and count). They come from the comment's copy of that documentId
 * (see comment-article-ref.ts) and the index that starts with it, not from the link table.
 */
const commentCounts = ({ strapi }: { strapi: Core.Strapi }) => ({
  async approvedByArticle(documentIds: string[], locale: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>(documentIds.map((id) => [id, 0]));
    if (documentIds.length === 0) return counts;

    const rows: Array<{ documentId: string; count: string | number }> = await strapi.db
      .connection(strapi.db.metadata.get(COMMENT_UID).tableName)
      .where({ article_locale: locale, status: 'approved' })
      .whereIn('article_document_id', documentIds)
      .groupBy('article_document_id')
      .select('article_document_id as documentId')
      .count({ count: '*' });

    for (const row of rows) counts.set(row.documentId, Number(row.count));
    return counts;
  },
});

export default commentCounts;
