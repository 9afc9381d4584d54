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
 * A reader of one option group of the plugin's configuration, parsed with its schema (parsing
 * fills the defaults; the config validator already refused bad values at startup).
 *
 * Options are read on every use, so that a change through strapi.config.set (as the tests make)
 * applies at once, and some are read on every request (the body limits on each request with a
 * body, the cache options on each public GET). So the parse is kept for as long as the raw options
 * are the same: compared as JSON, since strapi.config.set on one option changes the object in place.
 * The parsed object is shared by every caller, so it is frozen: a change to it throws.
 */
const frozen = <T>(value: T): T => {
  if (Array.isArray(value) || (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype)) {
    for (const inner of Object.values(value as object)) frozen(inner);
    Object.freeze(value);
  }
  return value;
};

const optionReader = <T>(option: string, schema: { parse: (raw: unknown) => T }) => {
  let parsedFrom: string | null = null;
  let parsed: T | null = null;
  return (strapi: Core.Strapi): T => {
    const raw: unknown = strapi.config.get(`plugin::${PLUGIN_ID}.${option}`) ?? {};
    const seen = JSON.stringify(raw);
    if (parsed === null || seen !== parsedFrom) {
      parsed = frozen(schema.parse(raw));
      parsedFrom = seen;
    }
    return parsed;
  };
};

/** The comment options in force. */
export const commentSettings: (strapi: Core.Strapi) => CommentsOptions = optionReader('comments', commentsOptionsSchema);

/** The publication options (name, article URL template) in force. */
export const publicationSettings: (strapi: Core.Strapi) => PublicationOptions = optionReader('publication', publicationOptionsSchema);

/** The body size limits in force, in bytes (read on every request with a body). */
export const bodyLimitSettings: (strapi: Core.Strapi) => BodyLimitsOptions = optionReader('bodyLimits', bodyLimitsOptionsSchema);

/** The worker pool's options in force (the budget is read per job; threads and queue at start). */
export const workerSettings: (strapi: Core.Strapi) => WorkersOptions = optionReader('workers', workersOptionsSchema);

/** Whether publishing an article with citation errors is refused (plugin option, default false). */
export const blocksPublishOnCitationErrors = (strapi: Core.Strapi): boolean =>
  strapi.config.get(`plugin::${PLUGIN_ID}.blockPublishOnCitationErrors`) === true;

/** The notification options in force. */
export const notificationSettings: (strapi: Core.Strapi) => NotificationsOptions = optionReader('notifications', notificationsOptionsSchema);

/** What the plugin grants in Users & Permissions (read at bootstrap). */
export const permissionSettings: (strapi: Core.Strapi) => PermissionsOptions = optionReader('permissions', permissionsOptionsSchema);

/** The HTTP cache options in force (read on every public GET). */
export const cacheSettings: (strapi: Core.Strapi) => CacheOptions = optionReader('cache', cacheOptionsSchema);
