import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import type { RequestContext } from '../utils/request-context';
import { strongEtag } from './etag';
import { answerIfFresh, sendPublic } from './respond';

/** A body serialised once, when it was cached: sent as it is. */
export const sendJson = (ctx: RequestContext, json: string) => {
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = json;
};

/**
 * Answers from the in-process response cache (services/caching/response-cache.ts) when it holds this id:
 * a 304 for a client holding the tag, else the body serialised once. False on a miss. `id` is
 * already scoped to the caller's audience (http-cache/audience.ts); null (credentials that cannot
 * be named) is a miss. Says HIT or MISS in X-Origin-Cache.
 */
export const answeredFromCache = (ctx: RequestContext, strapi: Core.Strapi, id: string | null): boolean => {
  const cached = id === null ? undefined : getService('caching', { strapi }).get(id);
  ctx.set('X-Origin-Cache', cached ? 'HIT' : 'MISS');
  if (!cached) return false;
  if (!answerIfFresh(ctx, strapi, cached.etag, cached.keys)) sendJson(ctx, cached.json);
  return true;
};

/**
 * A public answer served from the response cache when it holds `id`, else built by `build`, kept
 * under its surrogate keys (purged with them, services/caching/invalidation.ts) and sent with its
 * ETag. The ticket taken before the read keeps an answer read across a change from being stored.
 */
export const cachedPublicAnswer = async (
  ctx: RequestContext,
  strapi: Core.Strapi,
  id: string | null,
  build: () => Promise<{ body: unknown; keys: string[] }>
) => {
  if (answeredFromCache(ctx, strapi, id)) return;
  const cache = getService('caching', { strapi });
  const ticket = cache.begin();
  const { body, keys } = await build();
  const etag = strongEtag(JSON.stringify(body));
  if (id !== null) cache.set(id, ticket, { etag, keys, body });
  sendPublic(ctx, strapi, body, keys, etag);
};
