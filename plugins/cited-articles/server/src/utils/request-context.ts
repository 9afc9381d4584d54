import type { Core } from '@strapi/strapi';

/**
 * Koa's context as Strapi hands it to controllers and middlewares, named through Strapi's own
 * types so the plugin needs no direct dependency on koa's.
 */
export type RequestContext = Parameters<Core.ControllerHandler>[0];
