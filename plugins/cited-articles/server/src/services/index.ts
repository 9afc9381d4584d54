import type { Core } from '@strapi/strapi';
import { createArticlesService } from './articles';
import { createCachingService } from './caching';
import { createCommentsService } from './comments';
import { createModerationService } from './moderation';
import { createNotificationsService } from './notifications';
import { createPlatformService } from './platform';
import { createReferencesService } from './references';
import { createSourcesService } from './sources';

/**
 * The plugin's services. A domain (articles, caching, comments, moderation, notifications,
 * platform, references, sources) is one factory `({ strapi }) => ({ ...methods })` that builds its
 * parts (the modules of its folder) once. Every type is derived from its factory (PluginServices below), as
 * content-releases derives `ReturnType<typeof createReleaseService>`.
 */
const services = {
  articles: createArticlesService,
  caching: createCachingService,
  comments: createCommentsService,
  moderation: createModerationService,
  notifications: createNotificationsService,
  platform: createPlatformService,
  references: createReferencesService,
  sources: createSourcesService,
} satisfies Record<string, (deps: { strapi: Core.Strapi }) => object>;

export default services;

/** Each service's type, derived from its factory; getService (utils/get-service.ts) answers by it. */
export type PluginServices = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };

export type ServiceName = keyof PluginServices;
