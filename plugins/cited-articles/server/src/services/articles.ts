import type { Core } from '@strapi/strapi';
import type { ArticleRecord } from '../content-types/records';
import { PUBLIC_ARTICLE_FIELDS, PUBLIC_SOURCE_FIELDS, SOURCE_HEALTH_FIELDS } from '../utils/public-shape';
import { ARTICLE_UID } from '../utils/uids';
import type { ArticleListRow, ArticlesService } from './contracts';

export type { ArticleStatus } from './contracts';

const SOURCE_FIELDS = PUBLIC_SOURCE_FIELDS.filter((field) => field !== 'documentId');
const ARTICLE_FIELDS = PUBLIC_ARTICLE_FIELDS.filter((field) => field !== 'documentId');

/** Reads of articles for the content API: published ones, or a draft for an authorised preview. */
const articles = ({ strapi }: { strapi: Core.Strapi }): ArticlesService => ({
  /**
   * A page of published articles, newest first, with what their reference counts are made from:
   * the cited keys and positions stored with each row (not the body: parsing every body of the page
   * on every request is what made the list slow) and the keys of their citations in order.
   */
  async listPublished({ page, pageSize, locale }) {
    // Query Engine, as findBySlug below: a published article is the row with publishedAt set.
    const published = strapi.db.query(ARTICLE_UID);
    const where = { publishedAt: { $notNull: true }, locale };
    const [rows, total]: [ArticleListRow[], number] = await Promise.all([
      published.findMany({
        where,
        select: ['id', 'documentId', ...ARTICLE_FIELDS, 'referenceTargets'],
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
        populate: { citations: { select: ['id', 'documentId', 'key'] } },
      }),
      published.count({ where }),
    ]);
    return {
      rows,
      pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
    };
  },

  /**
   * The article with this slug in the given status, its citations in the editor's order (the
   * relation's order column). This is the content API's hot read, so it goes through the Query
   * Engine: the same two queries as the Document Service's findFirst, without its parameter
   * transforms and middlewares, which on a busy server cost more than the queries (npm run bench).
   * A published article is the row with publishedAt set, a draft the row without; sources have no
   * draft and publish, so their links need no status filter. Each locale is its own row (a slug is
   * unique per locale, and may be the same in several).
   */
  async findBySlug(slug, status, locale): Promise<ArticleRecord | null> {
    return strapi.db.query(ARTICLE_UID).findOne({
      where: { slug, locale, publishedAt: status === 'published' ? { $notNull: true } : { $null: true } },
      select: ['id', 'documentId', ...ARTICLE_FIELDS, 'body', 'commentsEnabled'],
      populate: { citations: { select: ['id', 'documentId', ...SOURCE_FIELDS, ...SOURCE_HEALTH_FIELDS] } },
    });
  },
});

export default articles;
