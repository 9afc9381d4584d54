import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, COMMENT_UID } from '../utils/uids';

/**
 * Approved-comment counts for many articles in one query. Counts go by article documentId because
 * an article's draft and published versions are two rows that share it; a comment is counted once.
 */
const commentCounts = ({ strapi }: { strapi: Core.Strapi }) => ({
  async approvedByArticle(documentIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>(documentIds.map((id) => [id, 0]));
    if (documentIds.length === 0) return counts;

    const comments = strapi.db.metadata.get(COMMENT_UID);
    const articles = strapi.db.metadata.get(ARTICLE_UID);
    const link = (comments.attributes.article as any).joinTable;
    const statusColumn = (comments.attributes.status as any).columnName ?? 'status';
    const documentIdColumn = (articles.attributes.documentId as any).columnName ?? 'document_id';

    const rows: Array<{ documentId: string; count: string | number }> = await strapi.db
      .connection(`${comments.tableName} as c`)
      .join(`${link.name} as l`, `l.${link.joinColumn.name}`, 'c.id')
      .join(`${articles.tableName} as a`, 'a.id', `l.${link.inverseJoinColumn.name}`)
      .where(`c.${statusColumn}`, 'approved')
      .whereIn(`a.${documentIdColumn}`, documentIds)
      .groupBy(`a.${documentIdColumn}`)
      .select(`a.${documentIdColumn} as documentId`)
      .countDistinct({ count: 'c.id' });

    for (const row of rows) counts.set(row.documentId, Number(row.count));
    return counts;
  },
});

export default commentCounts;
