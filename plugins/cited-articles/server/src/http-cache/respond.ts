import type { Core } from '@strapi/strapi';
import { cacheSettings } from '../utils/settings';
import { ifNoneMatchHits, strongEtag } from './etag';
import { audienceOf } from './audience';
import { keyList } from './keys';
import type { RequestContext } from '../utils/request-context';

/**
 * Headers of the public GET routes (README "Caching and CDNs"): a strong ETag, Cache-Control from
 * the `cache` options, and Surrogate-Key / Cache-Tag naming what the answer depends on, so that a
 * shared cache can keep it and the plugin can purge exactly what a change affects. An answer to a
 * request carrying credentials (audience.ts) keeps its ETag but is private.
 */

/** Drafts and previews: no cache, shared or private, may keep them. */
export const noStore = (ctx: RequestContext) => {
  ctx.set('Cache-Control', 'no-store');
};

const setPublicHeaders = (ctx: RequestContext, strapi: Core.Strapi, etag: string, keys: Iterable<string>) => {
  ctx.set('ETag', etag);
  // Added to, never replaced: Strapi's CORS middleware has already said `Vary: Origin`, because it
  // answers with the caller's own origin in Access-Control-Allow-Origin; a shared cache that lost
  // it would hand one site's CORS headers to another. Origin is named here too, so the answer stays
  // keyed by it even if that middleware is configured differently.
  ctx.vary('Origin');
  ctx.vary('Accept-Encoding');
  if (audienceOf(ctx).credentialed) {
    // Asked with credentials: only the caller's own browser may keep it, and must ask again (a
    // 304 when unchanged) before reusing it. No surrogate keys: no shared cache holds it.
    ctx.set('Cache-Control', 'private, no-cache');
    ctx.vary('Authorization');
    ctx.vary('Cookie');
    return;
  }
  const { maxAge, sMaxAge, staleWhileRevalidate } = cacheSettings(strapi);
  const names = keyList(keys);
  ctx.set('Cache-Control', `public, max-age=${maxAge}, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`);
  // Fastly and Varnish read space-separated keys; Cloudflare's Cache-Tag takes commas.
  ctx.set('Surrogate-Key', names.join(' '));
  ctx.set('Cache-Tag', names.join(','));
};

/**
 * Takes back what setPublicHeaders said, for a request whose answer failed after its headers were
 * set (the work refused with 422 or 503): an error must not be kept by a cache, nor later turned
 * into a 304 under the article's tag.
 */
export const withdrawPublicHeaders = (ctx: RequestContext) => {
  for (const name of ['ETag', 'Surrogate-Key', 'Cache-Tag']) ctx.remove(name);
  noStore(ctx);
};

/**
 * For an answer whose tag is known before it is built: sets the headers and, when the client
 * already holds this version, answers 304 and returns true (the caller then builds nothing).
 */
export const answerIfFresh = (ctx: RequestContext, strapi: Core.Strapi, etag: string, keys: Iterable<string>) => {
  setPublicHeaders(ctx, strapi, etag, keys);
  if (!ifNoneMatchHits(ctx.get('If-None-Match'), etag)) return false;
  ctx.body = null;
  ctx.status = 304;
  return true;
};

/** A public answer: tagged with a hash of its serialised body; 304 when the client holds it. */
export const sendPublic = (ctx: RequestContext, strapi: Core.Strapi, body: unknown, keys: Iterable<string>, etag?: string) => {
  const tag = etag ?? strongEtag(typeof body === 'string' ? body : JSON.stringify(body));
  if (answerIfFresh(ctx, strapi, tag, keys)) return;
  ctx.body = body;
};
