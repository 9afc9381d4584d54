import { articleVersionKey } from '../../comments/article-version';
import type { CommentTallies } from './tallies';

/**
 * Approved-comment counts for many articles of one locale at once, by article documentId (an
 * article's draft and published versions share it; each locale has its own thread and count), as
 * kept by tallies.ts or counted in one grouped query over the index that starts with the comment's
 * `articleVersion` (see article-ref.ts). A placeholder kept for its replies (its author deleted it)
 * is not a comment to count.
 */
export const createCommentCounts = ({ tallies }: { tallies: CommentTallies }) => ({
  /** Approved comments per article documentId in one locale (0 for articles with none). */
  async approvedCountByArticle(documentIds: string[], locale: string): Promise<Map<string, number>> {
    const kept = await tallies.approvedCountsOf(documentIds.map((documentId) => ({ documentId, locale })));
    return new Map(documentIds.map((documentId) => [documentId, kept.get(articleVersionKey(documentId, locale))?.all ?? 0]));
  },
});
