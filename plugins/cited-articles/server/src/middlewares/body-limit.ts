import type { Core } from '@strapi/strapi';
import type { BodyLimitsOptions } from '../config';
import { bodyLimitSettings } from '../utils/settings';
import { PLUGIN_ID } from '../../../shared/uids';
import type { RequestContext } from '../utils/request-context';
import { lingerAfterRefusal } from './lingering-close';

/**
 * Refuses an oversized body on the plugin's body-taking routes before anything reads it.
 *
 * Strapi's `strapi::body` middleware (koa-body) parses every request body, up to 1 MB of JSON,
 * before the router picks a route, so a route middleware or a validator would only see bodies that
 * were already read and parsed. This middleware is added with `strapi.server.use` in the plugin's
 * `register`, which runs before Strapi adds the middlewares of config/middlewares.ts (in
 * `bootstrap`, `server.initMiddlewares`), so it runs before all of them. It decides from the
 * headers alone and answers itself, in Strapi's error shape, because `strapi::errors` is not
 * around it yet. Every refusal below closes the connection the same lingering way:
 *
 * - Content-Length above the route's limit: 413, without parsing the body. The answer goes out at
 *   once with `Connection: close`; the rest of the upload is then read and thrown away, within
 *   bounds, before the connection closes, so that the client reads the 413 instead of a reset
 *   (lingering-close.ts).
 * - No Content-Length (a chunked body): 411. Its size is known only once it has been read, and a
 *   browser or a proxy that buffers (nginx by default) always sends Content-Length.
 * - A compressed body (Content-Encoding other than identity): 415. koa-body unpacks it, and a
 *   kilobyte of gzip can unpack to the parser's whole megabyte, so Content-Length bounds nothing.
 *
 * Not exported in middlewares/index.ts: as a named Strapi middleware it could be listed in
 * config/middlewares.ts as well, and it must run exactly once, first.
 */

type LimitedRoute = { option: keyof BodyLimitsOptions; what: string; path: RegExp };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The limited routes. Strapi's router (path-to-regexp) matches paths case-insensitively and with
 * or without a trailing slash, so these do too; a route parameter is one path segment.
 */
const limitedRoutes = (apiPrefix: string, graphqlEndpoint: string | null): LimitedRoute[] => {
  const route = (prefix: string, path: string) => new RegExp(`^${escapeRegExp(`${prefix}/${PLUGIN_ID}`)}${path}/?$`, 'i');
  // Strapi's body parser skips the GraphQL endpoint only when the URL is exactly the endpoint, so
  // `/graphql?x` would be parsed up to its 1 MB and Apollo's own smaller limit skipped: the
  // endpoint is limited here, whatever the query string (ctx.path has none).
  const graphql: LimitedRoute[] =
    graphqlEndpoint === null
      ? []
      : [{ option: 'graphql', what: 'a GraphQL request', path: new RegExp(`^${escapeRegExp(graphqlEndpoint.replace(/\/$/, ''))}/?$`, 'i') }];
  return [
    ...graphql,
    { option: 'comment', what: 'a comment', path: route(apiPrefix, '/articles/[^/]+/comments') },
    { option: 'report', what: 'a report', path: route(apiPrefix, '/comments/[^/]+/report') },
    { option: 'edit', what: 'an edit', path: route(apiPrefix, '/comments/[^/]+') },
    { option: 'edit', what: 'a reply', path: route('', '/comments/[^/]+/reply') },
    // Admin routes have no prefix of their own: /<plugin>/… (Strapi's createAdminAPI).
    { option: 'preview', what: 'a preview', path: route('', '/preview') },
    { option: 'import', what: 'an import', path: route('', '/sources/import') },
  ];
};

const refuse = (ctx: RequestContext, status: number, name: string, message: string, limit: number) => {
  ctx.status = status;
  ctx.set('Connection', 'close');
  lingerAfterRefusal(ctx.req);
  ctx.body = { data: null, error: { status, name, message, details: { limit } } };
};

/** Where Strapi's GraphQL plugin listens, or null without it. */
const graphqlEndpoint = (strapi: Core.Strapi): string | null => {
  const graphql = strapi.plugin('graphql');
  return graphql ? ((graphql.config('endpoint') as string | undefined) ?? '/graphql') : null;
};

const bodyLimit = ({ strapi }: { strapi: Core.Strapi }) => {
  let routes: LimitedRoute[] | null = null;

  return async (ctx: RequestContext, next: () => Promise<unknown>) => {
    const hasBody = ctx.get('Content-Length') !== '' || ctx.get('Transfer-Encoding') !== '';
    if (!hasBody) return next();
    routes ??= limitedRoutes(strapi.config.get('api.rest.prefix', '/api') as string, graphqlEndpoint(strapi));
    const route = routes.find((candidate) => candidate.path.test(ctx.path));
    if (!route) return next();

    const limit = bodyLimitSettings(strapi)[route.option];
    const encoding = ctx.get('Content-Encoding').trim().toLowerCase();
    if (encoding !== '' && encoding !== 'identity') {
      return refuse(
        ctx,
        415,
        'UnsupportedMediaTypeError',
        `Send ${route.what} uncompressed (no Content-Encoding); it is at most ${limit} bytes.`,
        limit
      );
    }
    // Koa types it as a number, but it is undefined when the request has no Content-Length.
    const length: number | undefined = ctx.request.length;
    if (length === undefined) {
      return refuse(
        ctx,
        411,
        'LengthRequiredError',
        `Send ${route.what} with a Content-Length header (not chunked); it is at most ${limit} bytes.`,
        limit
      );
    }
    if (length > limit) {
      return refuse(ctx, 413, 'PayloadTooLargeError', `The request body is ${length} bytes; ${route.what} is at most ${limit} bytes.`, limit);
    }
    return next();
  };
};

export default bodyLimit;
