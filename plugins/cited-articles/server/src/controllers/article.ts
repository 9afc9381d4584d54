import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { canPreviewDrafts } from '../utils/preview-access';
import { answerIfFresh, noStore, sendPublic, withdrawPublicHeaders } from '../http-cache/respond';
import { LIST_KEY } from '../http-cache/keys';
import { strongEtag } from '../http-cache/etag';
import { audienceOf, scopedCacheId } from '../http-cache/audience';
import { articleQuery, localeQuery, paginationQuery, readPagination, slugParams } from '../validation/content-api';

/** A body serialised once, when it was cached: sent as it is. */
const sendJson = (ctx, json: string) => {
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = json;
};

const article = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Answers from the in-process response cache (services/response-cache.ts) when it holds this id:
   * a 304 for a client holding the tag, else the body serialised once. False on a miss. `id` is
   * already scoped to the caller's audience; null (credentials that cannot be named) is a miss.
   */
  const answeredFromCache = (ctx, id: string | null): boolean => {
    const cached = id === null ? undefined : getService('response-cache', { strapi }).get(id);
    ctx.set('X-Origin-Cache', cached ? 'HIT' : 'MISS');
    if (!cached) return false;
    if (!answerIfFresh(ctx, strapi, cached.etag, cached.keys)) sendJson(ctx, cached.json);
    return true;
  };

  /** One article with its citations resolved; `forced` is the status the route itself implies. */
  const respondWithArticle = async (ctx, forced?: 'draft') => {
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
    const pages = getService('article-pages', { strapi });
    if (status === 'draft') {
      noStore(ctx);
      ctx.body = await pages.presentBySlug(request);
      return;
    }
    // Served from memory when nothing it depends on changed since (services/response-cache.ts).
    const cache = getService('response-cache', { strapi });
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
    if (answeredFromCache(ctx, id)) return;
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
    async find(ctx) {
      const { page, pageSize } = parseOrThrow(paginationQuery, readPagination(ctx.query), 'pagination');
      const cache = getService('response-cache', { strapi });
      const { locale } = parseOrThrow(localeQuery, { locale: ctx.query.locale }, 'query');
      const id = scopedCacheId(audienceOf(ctx), JSON.stringify(['list', locale ?? null, page, pageSize]));
      if (answeredFromCache(ctx, id)) return;
      const ticket = cache.begin();
      const { data, pagination } = await getService('article-pages', { strapi }).listPublished({ page, pageSize, locale });
      const body = { data, meta: { pagination } };
      const etag = strongEtag(JSON.stringify(body));
      if (id !== null) cache.set(id, ticket, { etag, keys: [LIST_KEY], body });
      sendPublic(ctx, strapi, body, [LIST_KEY], etag);
    },

    /** GET /articles/:slug: one published article (or, for authorised tokens, ?status=draft). */
    findOne: (ctx) => respondWithArticle(ctx),

    /** GET /preview/articles/:slug: the draft, for API tokens granted this action. */
    preview: (ctx) => respondWithArticle(ctx, 'draft'),
  };
};

export default article;
