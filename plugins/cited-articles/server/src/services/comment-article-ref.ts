import type { Core } from '@strapi/strapi';
import { COMMENT_UID } from '../utils/uids';

/**
 * Keeps each comment's `articleDocumentId` equal to the documentId of the article it is linked to.
 *
 * The relation lives in a link table that joins a comment to every version (draft and published
 * row) of its article, so counting or paging an article's comments through it means a join and a
 * DISTINCT over all of the article's comments: on an article with 100,000 comments that is hundreds
 * of milliseconds per request, and on PostgreSQL the planner may walk every approved comment of
 * every article even for an article with none. A copy of the documentId on the comment row (an
 * article's documentId never changes) lets one composite index answer both the count and the page.
 *
 * The link table stays the source of truth. The plugin's own writes set the copy directly; any other
 * create or update that sets `article` (Document Service, Query Engine) is caught by a database
 * lifecycle, and rows written before the column existed are filled once at startup.
 */
const commentArticleRef = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Re-reads the comment's article through the relation and stores its documentId. */
  const sync = async (id: number) => {
    // db.query runs inside the caller's transaction, so it sees the link rows just written.
    const row: any = await strapi.db.query(COMMENT_UID).findOne({
      where: { id },
      select: ['id', 'articleDocumentId'],
      populate: { article: { select: ['documentId'] } },
    });
    if (!row) return;
    const articleDocumentId = row.article?.documentId ?? null;
    if (row.articleDocumentId !== articleDocumentId) {
      await strapi.db.query(COMMENT_UID).update({ where: { id }, data: { articleDocumentId } });
    }
  };

  return {
    subscribe() {
      // A write that sets `article` without the copy (anything but the plugin's own posting).
      const resync = async (event: any) => {
        const data = event.params?.data ?? {};
        if (data.article !== undefined && data.articleDocumentId === undefined && event.result?.id) {
          await sync(event.result.id);
        }
      };
      strapi.db.lifecycles.subscribe({ models: [COMMENT_UID], afterCreate: resync, afterUpdate: resync });
    },

    /** Fills the copy on comments that have an article but no copy yet (run at startup). */
    async backfill() {
      const comments = strapi.db.metadata.get(COMMENT_UID);
      const link = (comments.attributes.article as any).joinTable;
      const articleTable = strapi.db.metadata.get((comments.attributes.article as any).target).tableName;
      const knex = strapi.db.connection;
      const documentIdOfArticle = knex(`${link.name} as l`)
        .join(`${articleTable} as a`, 'a.id', `l.${link.inverseJoinColumn.name}`)
        .whereRaw('?? = ??', [`l.${link.joinColumn.name}`, `${comments.tableName}.id`])
        .min('a.document_id');
      const updated = await knex(comments.tableName)
        .whereNull('article_document_id')
        .whereExists(knex(link.name).whereRaw('?? = ??', [`${link.name}.${link.joinColumn.name}`, `${comments.tableName}.id`]))
        .update({ article_document_id: documentIdOfArticle });
      if (updated > 0) strapi.log.info(`[cited-articles] linked ${updated} comments to their article's documentId`);
      return updated;
    },
  };
};

export default commentArticleRef;
