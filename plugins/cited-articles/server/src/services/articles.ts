import type { Core } from '@strapi/strapi';
import { PUBLIC_ARTICLE_FIELDS, PUBLIC_SOURCE_FIELDS } from '../utils/public-shape';
import { ARTICLE_UID } from '../utils/uids';

const SOURCE_FIELDS = PUBLIC_SOURCE_FIELDS.filter((field) => field !== 'documentId');
const ARTICLE_FIELDS = PUBLIC_ARTICLE_FIELDS.filter((field) => field !== 'documentId');

export type ArticleStatus = 'published' | 'draft';

/** Reads of articles for the content API: published ones, or a draft for an authorised preview. */
const articles = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * A page of published articles, newest first, with body and citation keys so that their
   * reference counts can be resolved without further queries per article.
   */
  async listPublished({ page, pageSize }: { page: number; pageSize: number }) {
    const documents = strapi.documents(ARTICLE_UID);
    const [rows, total] = await Promise.all([
      documents.findMany({
        status: 'published',
        fields: [...ARTICLE_FIELDS, 'body'] as any,
        sort: [{ publishedAt: 'desc' }, { id: 'desc' }] as any,
        start: (page - 1) * pageSize,
        limit: pageSize,
        populate: { citations: { fields: ['key', 'url', 'title'] } } as any,
      }),
      documents.count({ status: 'published' }),
    ]);
    return {
      rows: rows as any[],
      pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
    };
  },

  /** The article with this slug in the given status, its citations in the editor's order. */
  async findBySlug(slug: string, status: ArticleStatus = 'published') {
    return strapi.documents(ARTICLE_UID).findFirst({
      status,
      filters: { slug },
      fields: [...ARTICLE_FIELDS, 'body', 'commentsEnabled'] as any,
      populate: { citations: { fields: [...SOURCE_FIELDS] } } as any,
    }) as Promise<any>;
  },
});

export default articles;
