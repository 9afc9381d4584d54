import type { Core } from '@strapi/strapi';
import type { ArticleBySlug, ArticleRecord, SourceRecord } from '../../content-types/records';
import type { Pagination } from '../../../../shared/contracts';
import { articlesRepository } from '../../repositories/articles';

export type ArticleStatus = 'published' | 'draft';

/** A citation of a listed article: enough to count references. */
export type ListedCitation = Pick<SourceRecord, 'id' | 'documentId' | 'key'>;

/** A row of the article list: summary fields, `referenceTargets` and its citations' keys. */
export type ArticleListRow = Omit<ArticleRecord, 'citations'> & { citations?: ListedCitation[] };

/** Reads of articles for the content API: published ones, or a draft for an authorised preview. */
export const createArticleReads = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * A page of published articles, newest first, with what their reference counts are made from:
   * the cited keys and positions stored with each row (not the body: parsing every body of the page
   * on every request is what made the list slow) and the keys of their citations in order.
   */
  async listPublishedRows({ page, pageSize, locale }: { page: number; pageSize: number; locale: string }): Promise<{
    rows: ArticleListRow[];
    pagination: Pagination;
  }> {
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
  async findBySlug(slug: string, status: ArticleStatus, locale: string): Promise<ArticleBySlug | null> {
    return articlesRepository(strapi).bySlug(slug, status, locale);
  },
});

export type ArticleReads = ReturnType<typeof createArticleReads>;
