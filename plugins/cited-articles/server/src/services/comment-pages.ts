import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, COMMENT_UID } from '../utils/uids';

/**
 * The two queries behind a page of an article's approved comments, written for articles with
 * hundreds of thousands of comments. The Document Service's version filters through a join on the
 * article's documentId with `select distinct` and sorts every matching row; here the article's row
 * ids are read first (its draft and published versions share the documentId), the page is read in
 * the order of the (status, depth, created_at, id) index and both counts come from one pass.
 * Counting still visits every approved comment of the article once: it is linear in their number.
 */
const commentPages = ({ strapi }: { strapi: Core.Strapi }) => {
  const names = () => {
    const comments = strapi.db.metadata.get(COMMENT_UID);
    const articles = strapi.db.metadata.get(ARTICLE_UID);
    const link = (comments.attributes.article as any).joinTable;
    return {
      comments: comments.tableName,
      articles: articles.tableName,
      link: link.name,
      linkComment: link.joinColumn.name,
      linkArticle: link.inverseJoinColumn.name,
    };
  };

  /**
   * Approved comments of these article rows. A comment is linked to each version of its article
   * (draft and published), so the link is tested with EXISTS: each comment counts once, and rows
   * come in the order of the comments' own index.
   */
  const approvedOf = (articleDocumentId: string) => {
    const n = names();
    const knex = strapi.db.connection;
    return knex(`${n.comments} as c`)
      .where('c.status', 'approved')
      .whereExists(
        knex(`${n.link} as l`)
          .join(`${n.articles} as a`, 'a.id', `l.${n.linkArticle}`)
          .select(knex.raw('1'))
          .whereRaw('?? = ??', [`l.${n.linkComment}`, 'c.id'])
          .where('a.document_id', articleDocumentId)
      );
  };

  return {
    /** documentIds of one page of approved root comments, in order. */
    async rootPage(articleDocumentId: string, { page, pageSize, order }: { page: number; pageSize: number; order: 'asc' | 'desc' }) {
      const rows = await approvedOf(articleDocumentId)
        .where('c.depth', 0)
        .orderBy([{ column: 'c.created_at', order }, { column: 'c.id', order }])
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .select('c.document_id as documentId');
      return rows.map((row: { documentId: string }) => row.documentId);
    },

    /** Approved root comments and approved comments of any depth, in one pass. */
    async approvedCounts(articleDocumentId: string): Promise<{ roots: number; all: number }> {
      const knex = strapi.db.connection;
      const [row]: any[] = await approvedOf(articleDocumentId).select(
        knex.raw('COUNT(*) as ??', ['total']),
        knex.raw('SUM(CASE WHEN ?? = 0 THEN 1 ELSE 0 END) as ??', ['c.depth', 'roots'])
      );
      return { roots: Number(row?.roots ?? 0), all: Number(row?.total ?? 0) };
    },
  };
};

export default commentPages;
