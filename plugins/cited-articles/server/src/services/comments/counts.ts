import type { Core } from '@strapi/strapi';
import { articleVersionKey } from '../../comments/article-version';
import { commentsRepository } from '../../repositories/comments';

/**
 * Approved-comment counts for many articles of one locale in one query, by article documentId (an
 * article's draft and published versions share it; each locale has its own thread and count). They
 * come from the comment's copy of that documentId and locale, `articleVersion` (see
 * article-ref.ts), and the index that starts with it, not from the link table. A
 * placeholder kept for its replies (its author deleted it) is not a comment to count.
 */
export const createCommentCounts = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Approved comments per article documentId in one locale (0 for articles with none). */
  async approvedCountByArticle(documentIds: string[], locale: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>(documentIds.map((id) => [id, 0]));
    if (documentIds.length === 0) return counts;

    const byVersion = new Map(documentIds.map((id) => [articleVersionKey(id, locale), id]));
    const rows = await commentsRepository(strapi).approvedByVersion([...byVersion.keys()]);
    for (const row of rows) counts.set(byVersion.get(row.version)!, row.count);
    return counts;
  },
});
