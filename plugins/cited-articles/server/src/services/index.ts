import type { Core } from '@strapi/strapi';
import { createArticlesService } from './articles';
import { createCachingService } from './caching';
import commentActions from './comment-actions';
import commentAuthors from './comment-authors';
import commentArticleRef from './comment-article-ref';
import commentCounts from './comment-counts';
import commentFingerprint from './comment-fingerprint';
import commentPages from './comment-pages';
import commentReplies from './comment-replies';
import commentEvents from './comment-events';
import commentsPublic from './comments-public';
import { createModerationService } from './moderation';
import { createNotificationsService } from './notifications';
import { createPlatformService } from './platform';
import { createReferencesService } from './references';
import { createSourcesService } from './sources';
import staffReplies from './staff-replies';

/**
 * The plugin's services. A domain (articles, caching, moderation, notifications, platform,
 * references, sources) is one factory `({ strapi }) => ({ ...methods })` that builds its parts (the
 * modules of its folder) once; the comment services are still one file each, typed by
 * services/contracts/. Every type is derived from its factory (PluginServices below), as
 * content-releases derives `ReturnType<typeof createReleaseService>`.
 */
const services = {
  articles: createArticlesService,
  caching: createCachingService,
  'comment-actions': commentActions,
  'comment-article-ref': commentArticleRef,
  'comment-authors': commentAuthors,
  'comment-counts': commentCounts,
  'comment-fingerprint': commentFingerprint,
  'comment-pages': commentPages,
  'comment-replies': commentReplies,
  'comment-events': commentEvents,
  'comments-public': commentsPublic,
  moderation: createModerationService,
  notifications: createNotificationsService,
  platform: createPlatformService,
  references: createReferencesService,
  sources: createSourcesService,
  'staff-replies': staffReplies,
} satisfies Record<string, (deps: { strapi: Core.Strapi }) => object>;

export default services;

/** Each service's type, derived from its factory; getService (utils/get-service.ts) answers by it. */
export type PluginServices = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };

export type ServiceName = keyof PluginServices;
