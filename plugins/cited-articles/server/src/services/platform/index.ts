import type { Core } from '@strapi/strapi';
import { joinParts } from '../../utils/join-parts';
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
export const createPlatformService = ({ strapi }: { strapi: Core.Strapi }) =>
  joinParts(createWorkPool({ strapi }), createTaskLock({ strapi }), createOutbound({ strapi }), createContentLocales({ strapi }));

export type PlatformService = ReturnType<typeof createPlatformService>;
