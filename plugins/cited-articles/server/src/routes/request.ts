import type { Core } from '@strapi/strapi';
import type { z } from '@strapi/utils';

type Route = Core.RouteInput;

/** A route's `request.body`: the JSON body's schema, keyed by its media type as Strapi's Route type has it. */
export const jsonBody = (schema: z.ZodType) => ({ 'application/json': schema });

/**
 * A route from its method, path and handler, its `config` (policies, auth, middlewares) and its
 * input (`request`: params, query, body), so that a table of routes reads one line per route.
 */
export const route = (
  method: Route['method'],
  path: string,
  handler: string,
  config: NonNullable<Route['config']>,
  request?: Route['request']
): Route => (request ? { method, path, handler, config, request } : { method, path, handler, config });
