import type { Core } from '@strapi/strapi';
import { COMMENT_UID } from '../utils/uids';

/**
 * The two queries behind a page of an article's approved comments, written for articles with
 * hundreds of thousands of comments. Both go by the comment's copy of its article's documentId
 * (see comment-article-ref.ts) and are answered from the (article_document_id, status, depth,
 * created_at, id) index: the page reads the index in order and stops after it (a deep page skips
 * the rows before it, linear in the page's depth), the counts read the article's approved entries.
 */
const commentPages = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(COMMENT_UID).tableName;

  return {
    /** documentIds of one page of approved root comments, in order. */
    async rootPage(articleDocumentId: string, { page, pageSize, order }: { page: number; pageSize: number; order: 'asc' | 'desc' }) {
      const rows = await strapi.db
        .connection(table())
        .where({ article_document_id: articleDocumentId, status: 'approved', depth: 0 })
        .orderBy([{ column: 'created_at', order }, { column: 'id', order }])
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .select('document_id as documentId');
      return rows.map((row: { documentId: string }) => row.documentId);
    },

    /** Approved root comments and approved comments of any depth, in one pass over the index. */
    async approvedCounts(articleDocumentId: string): Promise<{ roots: number; all: number }> {
      const knex = strapi.db.connection;
      const [row]: any[] = await knex(table())
        .where({ article_document_id: articleDocumentId, status: 'approved' })
        .select(
          knex.raw('COUNT(*) as ??', ['total']),
          knex.raw('COALESCE(SUM(CASE WHEN ?? = 0 THEN 1 ELSE 0 END), 0) as ??', ['depth', 'roots'])
        );
      return { roots: Number(row?.roots ?? 0), all: Number(row?.total ?? 0) };
    },
  };
};

export default commentPages;
