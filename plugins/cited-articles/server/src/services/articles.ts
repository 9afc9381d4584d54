import type { Core } from '@strapi/strapi';
import { articlesRepository } from '../repositories/articles';
import type { ArticlesService } from './contracts';

export type { ArticleStatus } from './contracts';

/** Reads of articles for the content API: published ones, or a draft for an authorised preview. */
const articles = ({ strapi }: { strapi: Core.Strapi }): ArticlesService => ({
  /**
   * A page of published articles, newest first, with what their reference counts are made from:
   * the cited keys and positions stored with each row (not the body: parsing every body of the page
   * on every request is what made the list slow) and the keys of their citations in order.
   */
  async listPublished({ page, pageSize, locale }) {
    const { rows, total } = await articlesRepository(strapi).publishedPage(locale, { offset: (page - 1) * pageSize, limit: pageSize });
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
   * Sources have no draft and publish, so their links need no status filter. Each locale is its own
   * row (a slug is unique per locale, and may be the same in several).
   */
  async findBySlug(slug, status, locale) {
    return articlesRepository(strapi).bySlug(slug, status, locale);
  },
});

export default articles;
