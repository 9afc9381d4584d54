import type { Core } from '@strapi/strapi';
import { commentsRepository, type SortOrder, type ThreadEntry } from '../../repositories/comments';
import { articleVersionKey } from '../../comments/article-version';
import type { CommentTallies } from './tallies';

/**
 * The queries behind a page of an article's approved comments and the replies of its threads,
 * written for articles with hundreds of thousands of comments and threads with tens of thousands of
 * replies. Roots go by the comment's copy of its article's documentId (see article-ref.ts)
 * and locale (`articleVersion`, see comments/article-version.ts) and the (article_version, status,
 * depth, created_at, id) index; replies by threadRoot and the
 * (thread_root, status, created_at, id, depth) index. A page reads its index in order and stops
 * after it (a deep page skips the index entries before it, linear in the page's depth but never
 * reading the table for them: a page reads ids only, which the index holds); a count reads the
 * article's or the thread's approved entries of the index. The SQL is in repositories/comments.ts.
 */
export const createCommentPages = ({ strapi, tallies }: { strapi: Core.Strapi; tallies: CommentTallies }) => {
  const comments = () => commentsRepository(strapi);

  return {
    /**
     * Ids of one page of approved root comments, in order (read from the index alone). `roots` is
     * the article version's count of them (approvedCounts): a page past the middle is read from the
     * other end, in the opposite order, and turned round, so that the last page skips as few index
     * entries as the first one does (an OFFSET walks every entry before the page). A page past the
     * end is asked as it is (and is empty).
     */
    async rootPage(
      articleVersion: string,
      { page, pageSize, order, roots }: { page: number; pageSize: number; order: SortOrder; roots: number }
    ): Promise<number[]> {
      const offset = (page - 1) * pageSize;
      const end = Math.min(offset + pageSize, roots);
      const fromEnd = roots - end;
      if (offset >= roots || fromEnd >= offset) return comments().rootPage(articleVersion, { offset, limit: pageSize, order });
      const reversed = await comments().rootPage(articleVersion, { offset: fromEnd, limit: end - offset, order: order === 'asc' ? 'desc' : 'asc' });
      return reversed.reverse();
    },

    /**
     * The oldest `limit` approved replies of each thread, as [threadRoot, documentId] in thread
     * order: one statement, a UNION ALL of one LIMITed branch per thread, each read in order from the
     * (thread_root, status, created_at, id, depth) index and stopped after `limit` entries, so a
     * thread of 100,000 replies costs what a thread of `limit` does.
     */
    async firstReplies(rootIds: string[], { limit, maxDepth }: { limit: number; maxDepth: number }): Promise<ThreadEntry[]> {
      if (rootIds.length === 0 || limit === 0 || maxDepth === 0) return [];
      return comments().firstReplies(rootIds, { limit, maxDepth });
    },

    /** Ids of one page of a thread's approved replies, oldest first (read from the index alone). */
    async replyPage(rootId: string, { page, pageSize, maxDepth }: { page: number; pageSize: number; maxDepth: number }): Promise<number[]> {
      if (maxDepth === 0) return [];
      return comments().replyPage(rootId, { offset: (page - 1) * pageSize, limit: pageSize, maxDepth });
    },

    /** Approved replies per thread (up to maxDepth), in one grouped count over the same index. */
    async replyCounts(rootIds: string[], { maxDepth }: { maxDepth: number }): Promise<Map<string, number>> {
      const counts = new Map<string, number>(rootIds.map((id) => [id, 0]));
      if (rootIds.length === 0 || maxDepth === 0) return counts;
      for (const row of await comments().replyCounts(rootIds, { maxDepth })) counts.set(row.threadRoot, row.count);
      return counts;
    },

    /**
     * Approved root comments and approved comments of any depth of one article version, as kept
     * (tallies.ts) or counted in one pass over the index. Roots are entries of the list (a
     * placeholder kept for its replies is one); the total counts comments readers can read, so a
     * comment its author deleted is not among them.
     */
    async approvedCounts(documentId: string, locale: string): Promise<{ roots: number; all: number }> {
      const counts = await tallies.approvedCountsOf([{ documentId, locale }]);
      return counts.get(articleVersionKey(documentId, locale)) ?? { roots: 0, all: 0 };
    },
  };
};

export type CommentPages = ReturnType<typeof createCommentPages>;
