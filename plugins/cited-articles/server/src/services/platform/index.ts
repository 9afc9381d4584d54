import type { Core } from '@strapi/strapi';
import { createContentLocales } from './content-locales';
import { createOutbound } from './outbound';
import { createTaskLock } from './task-lock';
import { createWorkPool } from './work-pool';

export type { Release } from './task-lock';
export type { TestNetwork } from './outbound';
export type { WorkPoolStats } from './work-pool';

/**
 * What the plugin borrows from its surroundings: worker threads (work-pool.ts), a cluster-wide
 * lock (task-lock.ts), outbound HTTP under the address policy (outbound.ts) and the site's content
 * locales (content-locales.ts). Each part's names say which part they are, since a bare `run`,
 * `acquire` or `resolve` says nothing on a service of this breadth.
 */
export const createPlatformService = ({ strapi }: { strapi: Core.Strapi }) => {
  const pool = createWorkPool({ strapi });
  const lock = createTaskLock({ strapi });
  const outbound = createOutbound({ strapi });
  const locales = createContentLocales({ strapi });

  return {
    /** Runs a job of workers/jobs.ts in a worker thread within the budget (422 past it, 503 when the queue is full). */
    runJob: pool.run,
    /** What a body cites, from memory for a body already seen, else parsed in a worker. */
    bodyIndex: pool.bodyIndex,
    workPoolStats: pool.stats,
    liveThreads: pool.liveThreads,
    /** Ends the worker threads with Strapi (destroy.ts). */
    destroy: pool.destroy,

    /** A function that releases the lock, or null when another holder has it. */
    acquireLock: lock.acquire,
    acquireLockInRedis: lock.acquireInRedis,
    acquireLockInDatabase: lock.acquireInDatabase,

    useTestNetwork: outbound.useTestNetwork,
    fetch: outbound.fetch,
    /** A remote service's parsed JSON answer, or null for a 404 or 410. */
    fetchJson: outbound.json,

    /** The requested content locale, or the default one. */
    resolveLocale: locales.resolve,
    localeCodes: locales.codes,
    assertLocaleKnown: locales.assertKnown,
    articleNotFound: locales.articleNotFound,
  };
};

export type PlatformService = ReturnType<typeof createPlatformService>;
