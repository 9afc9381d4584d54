import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../utils/request-context';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { canPreviewDrafts } from '../utils/preview-access';
import { answerIfFresh, noStore, withdrawPublicHeaders } from '../http-cache/respond';
import { answeredFromCache, cachedPublicAnswer } from '../http-cache/cached-answer';
import { articleListKeys } from '../http-cache/keys';
import { audienceOf, scopedCacheId } from '../http-cache/audience';
import { articleQuery, localeQuery, paginationQuery, readPagination, slugParams } from '../validation/content-api';

const article = ({ strapi }: { strapi: Core.Strapi }) => {
  /** One article with its citations resolved; `forced` is the status the route itself implies. */
  const respondWithArticle = async (ctx: RequestContext, forced?: 'draft') => {
    const { slug } = parseOrThrow(slugParams, ctx.params, 'article slug');
    const query = parseOrThrow(articleQuery, ctx.query, 'query');
    const status = forced ?? query.status ?? 'published';
    if (status === 'draft' && !canPreviewDrafts(ctx.state.auth)) {
      throw new errors.ForbiddenError('Draft preview needs an API token that is full-access or has the "preview" permission of Cited-articles.');
    }
    const request = {
      slug,
      status,
      style: query.style,
      locale: query.locale,
      referenceLocale: query.referenceLocale,
      html: query.format === 'html',
      jsonld: query.format === 'jsonld',
    };
    const pages = getService('articles', { strapi });
    if (status === 'draft') {
      noStore(ctx);
      ctx.body = await pages.presentBySlug(request);
      return;
    }
    // Served from memory when nothing it depends on changed since (services/caching/response-cache.ts).
    const cache = getService('caching', { strapi });
    // An answer asked with credentials is kept apart from the anonymous one (http-cache/audience.ts).
    const id = scopedCacheId(
      audienceOf(ctx),
      pages.publishedCacheId({
        slug,
        locale: query.locale,
        style: query.style,
        referenceLocale: query.referenceLocale,
        format: query.format,
      })
    );
    if (answeredFromCache(ctx, strapi, id)) return;
    const ticket = cache.begin();
    // The tag is known before resolving: a client holding this version costs no formatting.
    const prepared = await pages.prepareBySlug(request);
    if (answerIfFresh(ctx, strapi, prepared.etag, prepared.keys)) return;
    let body: Awaited<ReturnType<typeof prepared.present>>;
    try {
      body = await prepared.present();
    } catch (error) {
      withdrawPublicHeaders(ctx);
      throw error;
    }
    if (id !== null) cache.set(id, ticket, { etag: prepared.etag, keys: prepared.keys, body });
    ctx.body = body;
  };

  return {
    /** GET /articles: published articles of one locale, newest first, with reference and comment counts. */
    async find(ctx: RequestContext) {
      const { page, pageSize } = parseOrThrow(paginationQuery, readPagination(ctx.query), 'pagination');
      const { locale } = parseOrThrow(localeQuery, { locale: ctx.query.locale }, 'query');
      const id = scopedCacheId(audienceOf(ctx), JSON.stringify(['list', locale ?? null, page, pageSize]));
      await cachedPublicAnswer(ctx, strapi, id, async () => {
        const { data, pagination } = await getService('articles', { strapi }).listPublished({ page, pageSize, locale });
        return { body: { data, meta: { pagination } }, keys: articleListKeys() };
      });
    },

    /** GET /articles/:slug: one published article (or, for authorised tokens, ?status=draft). */
    findOne: (ctx: RequestContext) => respondWithArticle(ctx),

    /** GET /preview/articles/:slug: the draft, for API tokens granted this action. */
    preview: (ctx: RequestContext) => respondWithArticle(ctx, 'draft'),
  };
};

export default article;
