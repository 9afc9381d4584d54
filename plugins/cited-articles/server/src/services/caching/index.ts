import type { Core } from '@strapi/strapi';
import { joinParts } from '../../utils/join-parts';
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

  return joinParts(invalidation, purges, responses);
};

export type CachingService = ReturnType<typeof createCachingService>;
