import type { Core } from '@strapi/strapi';
import { createCacheInvalidation } from './invalidation';
import { createCachePurge } from './purge';
import { createResponseCache } from './response-cache';

export type { CachedResponse } from './response-cache';

/**
 * HTTP caching: what a change makes stale (invalidation.ts), purges of shared caches (purge.ts) and
 * the answers kept in this process's memory (response-cache.ts), built once and wired to each
 * other: every purge drops the in-process answers holding its keys.
 */
export const createCachingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const purges = createCachePurge({ strapi });
  const responses = createResponseCache({ strapi, purges });
  const invalidation = createCacheInvalidation({ strapi, purges });

  return {
    /** Subscribes to the database lifecycles of articles, sources and comments (bootstrap). */
    subscribe: invalidation.subscribe,

    /** Purges these keys everywhere, in the background. */
    purge: purges.purge,
    /** Calls `listener` with the keys of every purge; the returned function unsubscribes it. */
    onPurge: purges.onPurge,
    /** Resolves once every purge asked for so far has been sent (or given up). */
    settled: purges.settled,

    /** Starts listening to the other instances' invalidations (Redis), and to this one's purges. */
    connect: responses.connect,
    begin: responses.begin,
    get: responses.get,
    set: responses.set,
    invalidate: responses.invalidate,
    clear: responses.clear,
    /** The number of answers held in memory. */
    get size() {
      return responses.size;
    },
    destroy: responses.destroy,
  };
};

export type CachingService = ReturnType<typeof createCachingService>;
