import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { canPreviewDrafts } from '../utils/preview-access';
import { articleQuery, localeQuery, paginationQuery, readPagination, slugParams } from '../validation/content-api';

const article = ({ strapi }: { strapi: Core.Strapi }) => {
  /** One article with its citations resolved; `forced` is the status the route itself implies. */
  const respondWithArticle = async (ctx, forced?: 'draft') => {
    const { slug } = parseOrThrow(slugParams, ctx.params, 'article slug');
    const query = parseOrThrow(articleQuery, ctx.query, 'query');
    const status = forced ?? query.status ?? 'published';
    if (status === 'draft' && !canPreviewDrafts(ctx.state.auth)) {
      throw new errors.ForbiddenError('Draft preview needs an API token that is full-access or has the "preview" permission of Cited-articles.');
    }
    ctx.body = await getService('article-pages', { strapi }).presentBySlug({
      slug,
      status,
      style: query.style,
      locale: query.locale,
      referenceLocale: query.referenceLocale,
      html: query.format === 'html',
      jsonld: query.format === 'jsonld',
    });
  };

  return {
    /** GET /articles: published articles of one locale, newest first, with reference and comment counts. */
    async find(ctx) {
      const { page, pageSize } = parseOrThrow(paginationQuery, readPagination(ctx.query), 'pagination');
      const { locale } = parseOrThrow(localeQuery, { locale: ctx.query.locale }, 'query');
      const { data, pagination } = await getService('article-pages', { strapi }).listPublished({ page, pageSize, locale });
      ctx.body = { data, meta: { pagination } };
    },

    /** GET /articles/:slug: one published article (or, for authorised tokens, ?status=draft). */
    findOne: (ctx) => respondWithArticle(ctx),

    /** GET /preview/articles/:slug: the draft, for API tokens granted this action. */
    preview: (ctx) => respondWithArticle(ctx, 'draft'),
  };
};

export default article;
