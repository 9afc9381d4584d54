import type { Core } from '@strapi/strapi';
import { COMMENT_UID } from '../utils/uids';

/**
 * The queries behind a page of an article's approved comments and the replies of its threads,
 * written for articles with hundreds of thousands of comments and threads with tens of thousands of
 * replies. Roots go by the comment's copy of its article's documentId (see comment-article-ref.ts)
 * and locale (`articleVersion`, see comments/article-version.ts) and the (article_version, status,
 * depth, created_at, id) index; replies by threadRoot and the
 * (thread_root, status, created_at, id, depth) index. A page reads its index in order and stops
 * after it (a deep page skips the rows before it, linear in the page's depth); a count reads the
 * article's or the thread's approved entries of the index.
 */
const commentPages = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(COMMENT_UID).tableName;
  // A thread's approved replies that the public may see at the configured depth (roots have no
  // thread_root, so they are never among them).
  const repliesOf = (rootId: string, maxDepth: number) =>
    strapi.db.connection(table()).where({ thread_root: rootId, status: 'approved' }).whereBetween('depth', [1, maxDepth]);

  return {
    /** documentIds of one page of approved root comments, in order. */
    async rootPage(articleVersion: string, { page, pageSize, order }: { page: number; pageSize: number; order: 'asc' | 'desc' }) {
      const rows = await strapi.db
        .connection(table())
        .where({ article_version: articleVersion, status: 'approved', depth: 0 })
        .orderBy([
          { column: 'created_at', order },
          { column: 'id', order },
        ])
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .select('document_id as documentId');
      return rows.map((row: { documentId: string }) => row.documentId);
    },

    /**
     * The oldest `limit` approved replies of each thread, as [threadRoot, documentId] in thread
     * order: one statement, a UNION ALL of one LIMITed branch per thread, each read in order from the
     * (thread_root, status, created_at, id, depth) index and stopped after `limit` entries, so a
     * thread of 100,000 replies costs what a thread of `limit` does.
     */
    async firstReplies(rootIds: string[], { limit, maxDepth }: { limit: number; maxDepth: number }) {
      if (rootIds.length === 0 || limit === 0 || maxDepth === 0) return [];
      const knex = strapi.db.connection;
      const branch = (rootId: string, index: number) =>
        knex.select('*').from(
          repliesOf(rootId, maxDepth)
            .orderBy([{ column: 'created_at' }, { column: 'id' }])
            .limit(limit)
            .select('thread_root as threadRoot', 'document_id as documentId', 'created_at as createdAt', 'id')
            .as(`t${index}`)
        );
      const [first, ...rest] = rootIds.map(branch);
      const rows: Array<{ threadRoot: string; documentId: string }> = await (rest.length > 0 ? first.unionAll(rest) : first);
      return rows.map((row) => ({ threadRoot: row.threadRoot, documentId: row.documentId }));
    },

    /** documentIds of one page of a thread's approved replies, oldest first. */
    async replyPage(rootId: string, { page, pageSize, maxDepth }: { page: number; pageSize: number; maxDepth: number }) {
      if (maxDepth === 0) return [];
      const rows = await repliesOf(rootId, maxDepth)
        .orderBy([{ column: 'created_at' }, { column: 'id' }])
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .select('document_id as documentId');
      return rows.map((row: { documentId: string }) => row.documentId);
    },

    /** Approved replies per thread (up to maxDepth), in one grouped count over the same index. */
    async replyCounts(rootIds: string[], { maxDepth }: { maxDepth: number }): Promise<Map<string, number>> {
      const counts = new Map<string, number>(rootIds.map((id) => [id, 0]));
      if (rootIds.length === 0 || maxDepth === 0) return counts;
      const rows: Array<{ threadRoot: string; count: string | number }> = await strapi.db
        .connection(table())
        .whereIn('thread_root', rootIds)
        .where('status', 'approved')
        .whereBetween('depth', [1, maxDepth])
        .groupBy('thread_root')
        .select('thread_root as threadRoot')
        .count({ count: '*' });
      for (const row of rows) counts.set(row.threadRoot, Number(row.count));
      return counts;
    },

    /** Approved root comments and approved comments of any depth, in one pass over the index. */
    async approvedCounts(articleVersion: string): Promise<{ roots: number; all: number }> {
      const knex = strapi.db.connection;
      const [row]: any[] = await knex(table())
        .where({ article_version: articleVersion, status: 'approved' })
        .select(knex.raw('COUNT(*) as ??', ['total']), knex.raw('COALESCE(SUM(CASE WHEN ?? = 0 THEN 1 ELSE 0 END), 0) as ??', ['depth', 'roots']));
      return { roots: Number(row?.roots ?? 0), all: Number(row?.total ?? 0) };
    },
  };
};

export default commentPages;
