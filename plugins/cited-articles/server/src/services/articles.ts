import type { Core } from '@strapi/strapi';
import { PUBLIC_ARTICLE_FIELDS, PUBLIC_SOURCE_FIELDS } from '../utils/public-shape';
import { ARTICLE_UID } from '../utils/uids';

const SOURCE_FIELDS = PUBLIC_SOURCE_FIELDS.filter((field) => field !== 'documentId');
const ARTICLE_FIELDS = PUBLIC_ARTICLE_FIELDS.filter((field) => field !== 'documentId');

/** Reads of published articles for the content API. */
const articles = ({ strapi }: { strapi: Core.Strapi }) => ({
  async listPublished({ page, pageSize }: { page: number; pageSize: number }) {
    const documents = strapi.documents(ARTICLE_UID);
    const [rows, total] = await Promise.all([
      documents.findMany({
        status: 'published',
        fields: [...ARTICLE_FIELDS] as any,
        sort: [{ publishedAt: 'desc' }, { id: 'desc' }] as any,
        start: (page - 1) * pageSize,
        limit: pageSize,
        populate: { citations: { count: true } } as any,
      }),
      documents.count({ status: 'published' }),
    ]);
    return {
      rows: rows as any[],
      pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
    };
  },

  /** The published version of the article with this slug, its citations in the editor's order. */
  async findPublishedBySlug(slug: string) {
    return strapi.documents(ARTICLE_UID).findFirst({
      status: 'published',
      filters: { slug },
      fields: [...ARTICLE_FIELDS, 'body', 'commentsEnabled'] as any,
      populate: { citations: { fields: [...SOURCE_FIELDS] } } as any,
    }) as Promise<any>;
  },
});

export default articles;
