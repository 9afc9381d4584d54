import type { Core } from '@strapi/strapi';
import {
  bodyLimitsOptionsSchema,
  commentsOptionsSchema,
  notificationsOptionsSchema,
  publicationOptionsSchema,
  type BodyLimitsOptions,
  type CommentsOptions,
  type NotificationsOptions,
  type PublicationOptions,
} from '../config';
import { cacheOptionsSchema, type CacheOptions } from '../config/cache-options';
import { workersOptionsSchema, type WorkersOptions } from '../config/workers-options';
import { permissionsOptionsSchema, type PermissionsOptions } from '../config/permissions-options';
import { PLUGIN_ID } from '../../../shared/uids';

/**
 * The comment options in force, read on every use so that a change through strapi.config.set (as
 * the tests do) applies at once. Parsing fills defaults; the validator already refused bad values.
 */
export const commentSettings = (strapi: Core.Strapi): CommentsOptions =>
  commentsOptionsSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}.comments`) ?? {});

/** The publication options (name, article URL template) in force. */
export const publicationSettings = (strapi: Core.Strapi): PublicationOptions =>
  publicationOptionsSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}.publication`) ?? {});

/** The body size limits in force, in bytes (read on every request, like the comment options). */
export const bodyLimitSettings = (strapi: Core.Strapi): BodyLimitsOptions =>
  bodyLimitsOptionsSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}.bodyLimits`) ?? {});

/** The worker pool's options in force (the budget is read per job; threads and queue at start). */
export const workerSettings = (strapi: Core.Strapi): WorkersOptions =>
  workersOptionsSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}.workers`) ?? {});

/** Whether publishing an article with citation errors is refused (plugin option, default false). */
export const blocksPublishOnCitationErrors = (strapi: Core.Strapi): boolean =>
  strapi.config.get(`plugin::${PLUGIN_ID}.blockPublishOnCitationErrors`) === true;

/** The notification options in force (read on every use, like the comment options). */
export const notificationSettings = (strapi: Core.Strapi): NotificationsOptions =>
  notificationsOptionsSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}.notifications`) ?? {});

/** What the plugin grants in Users & Permissions (read at bootstrap). */
export const permissionSettings = (strapi: Core.Strapi): PermissionsOptions =>
  permissionsOptionsSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}.permissions`) ?? {});

// Parsed once per configuration: the cache options are read on every public GET. Compared as JSON,
// since strapi.config.set on one option changes the object in place.
let cacheParsedFrom = '';
let cacheParsed: CacheOptions | null = null;

/** The HTTP cache options in force (a change through strapi.config.set applies at once). */
export const cacheSettings = (strapi: Core.Strapi): CacheOptions => {
  const raw = strapi.config.get(`plugin::${PLUGIN_ID}.cache`) ?? {};
  const seen = JSON.stringify(raw);
  if (!cacheParsed || seen !== cacheParsedFrom) {
    cacheParsed = cacheOptionsSchema.parse(raw);
    cacheParsedFrom = seen;
  }
  return cacheParsed;
};
