import type { RequestAuth } from '../utils/preview-access';

/**
 * Whom an answer is for: anyone (a request without credentials, whose answer any cache may keep and
 * give to anyone), or the holder of the credentials the request carried. A credentialed answer is
 * private in shared caches (respond.ts) and in the in-process response cache (scopedCacheId).
 */

/** The parts of a request read here: Koa's context has them, and so has GraphQL's koaContext. */
export interface Caller {
  get(field: string): string;
  state?: { auth?: RequestAuth | null; user?: { id?: number | string } | null } | null;
}

export type Audience =
  /** No credentials: the anonymous answer, shared by every caller. */
  | { credentialed: false }
  /** Credentials; `scope` names them for the in-process cache, null when they cannot be named. */
  | { credentialed: true; scope: string | null };

/**
 * Credentials are an Authorization header (a reader's JWT, an API token), credentials Strapi's
 * content API authenticated, or any cookie: Strapi's session cookies (`koa.sess`,
 * `strapi_up_refresh`) take configurable names and a host app may add a strategy reading its own,
 * so a cookie counts whatever its name. Caches that drop cookies first (the shipped Varnish
 * configuration does on the content API) get the anonymous, public answer.
 */
export const audienceOf = (caller: Caller): Audience => {
  const auth = caller.state?.auth;
  const authenticated = Boolean(auth?.credentials);
  if (!caller.get('Authorization') && !caller.get('Cookie') && !authenticated) return { credentialed: false };
  const strategy = String(auth?.strategy?.name ?? '');
  const token = auth?.credentials as { id?: number | string } | null | undefined;
  if (strategy.includes('api-token') && token?.id !== undefined) return { credentialed: true, scope: `api-token:${token.id}` };
  const user = caller.state?.user;
  if (strategy === 'users-permissions' && authenticated && user?.id !== undefined) return { credentialed: true, scope: `user:${user.id}` };
  return { credentialed: true, scope: null };
};

/**
 * The in-process response cache's id of an answer for this audience: the anonymous id as it is;
 * for credentials, the id inside a pair naming them, which no anonymous id (a JSON array starting
 * with "article" or "list") can equal. Null: credentials that cannot be named, which bypass the cache.
 */
export const scopedCacheId = (audience: Audience, id: string): string | null => {
  if (!audience.credentialed) return id;
  return audience.scope === null ? null : JSON.stringify([audience.scope, id]);
};
