import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { canPreviewDrafts } from '../utils/preview-access';
import { answerIfFresh, noStore, sendPublic } from '../http-cache/respond';
import { LIST_KEY } from '../http-cache/keys';
import { articleQuery, paginationQuery, readPagination, slugParams } from '../validation/content-api';

const article = ({ strapi }: { strapi: Core.Strapi }) => {
  /** One article with its citations resolved; `forced` is the status the route itself implies. */
  const respondWithArticle = async (ctx, forced?: 'draft') => {
    const { slug } = parseOrThrow(slugParams, ctx.params, 'article slug');
    const query = parseOrThrow(articleQuery, ctx.query, 'query');
    const status = forced ?? query.status ?? 'published';
    if (status === 'draft' && !canPreviewDrafts(ctx.state.auth)) {
      throw new errors.ForbiddenError('Draft preview needs an API token that is full-access or has the "preview" permission of Cited-articles.');
    }
    const request = { slug, status, style: query.style, locale: query.locale, html: query.format === 'html', jsonld: query.format === 'jsonld' };
    const pages = getService('article-pages', { strapi });
    if (status === 'draft') {
      noStore(ctx);
      ctx.body = await pages.presentBySlug(request);
      return;
    }
    // The tag is known before resolving: a client holding this version costs no formatting.
    const prepared = await pages.prepareBySlug(request);
    if (answerIfFresh(ctx, strapi, prepared.etag, prepared.keys)) return;
    ctx.body = await prepared.present();
  };

  return {
    /** GET /articles: published articles, newest first, with reference and comment counts. */
    async find(ctx) {
      const { page, pageSize } = parseOrThrow(paginationQuery, readPagination(ctx.query), 'pagination');
      const { data, pagination } = await getService('article-pages', { strapi }).listPublished({ page, pageSize });
      sendPublic(ctx, strapi, { data, meta: { pagination } }, [LIST_KEY]);
    },

    /** GET /articles/:slug: one published article (or, for authorised tokens, ?status=draft). */
    findOne: (ctx) => respondWithArticle(ctx),

    /** GET /preview/articles/:slug: the draft, for API tokens granted this action. */
    preview: (ctx) => respondWithArticle(ctx, 'draft'),
  };
};

export default article;
