import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, COMMENT_UID } from '../utils/uids';

/**
 * The two queries behind a page of an article's approved comments, written for articles with
 * hundreds of thousands of comments. The Document Service's version filters through a join on the
 * article's documentId with `select distinct` and sorts every matching row. Here the page walks the
 * comments in the order of the (depth, status, created_at, id) index and keeps those linked to the
 * article (an EXISTS test, so the walk stops after the page), and both counts come from one pass over the article's links. A comment is linked to each
 * version of its article (draft and published share the documentId), hence the DISTINCTs.
 * Counting visits every comment of the article once: it is linear in their number.
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

  /** Ids of the comments linked to the article with this documentId (any version). */
  const linkedTo = (articleDocumentId: string) => {
    const n = names();
    return strapi.db
      .connection(`${n.link} as l`)
      .join(`${n.articles} as a`, 'a.id', `l.${n.linkArticle}`)
      .where('a.document_id', articleDocumentId)
      .select(`l.${n.linkComment}`);
  };

  return {
    /** documentIds of one page of approved root comments, in order. */
    async rootPage(articleDocumentId: string, { page, pageSize, order }: { page: number; pageSize: number; order: 'asc' | 'desc' }) {
      const rows = await strapi.db
        .connection(`${names().comments} as c`)
        .where('c.depth', 0)
        .where('c.status', 'approved')
        .whereExists(linkedTo(articleDocumentId).whereRaw('?? = ??', [`l.${names().linkComment}`, 'c.id']))
        .orderBy([{ column: 'c.created_at', order }, { column: 'c.id', order }])
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .select('c.document_id as documentId');
      return rows.map((row: { documentId: string }) => row.documentId);
    },

    /** Approved root comments and approved comments of any depth, in one pass. */
    async approvedCounts(articleDocumentId: string): Promise<{ roots: number; all: number }> {
      const n = names();
      const knex = strapi.db.connection;
      const [row]: any[] = await knex(`${n.link} as l`)
        .join(`${n.articles} as a`, 'a.id', `l.${n.linkArticle}`)
        .join(`${n.comments} as c`, 'c.id', `l.${n.linkComment}`)
        .where('a.document_id', articleDocumentId)
        .where('c.status', 'approved')
        .select(
          knex.raw('COUNT(DISTINCT ??) as ??', ['c.id', 'total']),
          knex.raw('COUNT(DISTINCT CASE WHEN ?? = 0 THEN ?? END) as ??', ['c.depth', 'c.id', 'roots'])
        );
      return { roots: Number(row?.roots ?? 0), all: Number(row?.total ?? 0) };
    },
  };
};

export default commentPages;
