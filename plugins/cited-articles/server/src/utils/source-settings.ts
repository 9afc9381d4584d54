import type { Core } from '@strapi/strapi';
import { linkCheckOptionsSchema, lookupOptionsSchema, type LinkCheckOptions, type LookupOptions } from '../config/sources-options';
import { PLUGIN_ID } from '../../../shared/uids';

/** The lookup options in force (endpoints, private hosts), read on every use like the others. */
export const lookupSettings = (strapi: Core.Strapi): LookupOptions =>
  lookupOptionsSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}.lookup`) ?? {});

export const linkCheckSettings = (strapi: Core.Strapi): LinkCheckOptions =>
  linkCheckOptionsSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}.linkCheck`) ?? {});
