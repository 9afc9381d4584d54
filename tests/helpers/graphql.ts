import crypto from 'crypto';
import request from 'supertest';
import type { TestApp } from './strapi';
import { nextIp } from './comments';

export interface GraphQLOptions {
  /** A Users & Permissions JWT or an API token, sent as a Bearer token. */
  token?: string | null;
  /** The client address (the test app trusts X-Forwarded-For with IS_PROXIED=true). */
  ip?: string;
}

/** POSTs one operation to the app's /graphql endpoint, as a frontend's GraphQL client does. */
export function graphql(app: TestApp, query: string, variables: Record<string, unknown> = {}, options: GraphQLOptions = {}) {
  let test = request(app.server)
    .post('/graphql')
    .set('Content-Type', 'application/json')
    .set('X-Forwarded-For', options.ip ?? nextIp());
  if (options.token) test = test.set('Authorization', `Bearer ${options.token}`);
  return test.send({ query, variables });
}

/** The first error's message and extensions.code (Apollo answers errors in `errors`, data null). */
export const firstError = (res: { body: any }) => {
  const error = res.body.errors?.[0];
  return error ? { message: error.message as string, code: error.extensions?.code as string, extensions: error.extensions } : null;
};

/** The SHA-256 (hex) of a query's text: its automatic persisted query id. */
export const queryHash = (query: string) => crypto.createHash('sha256').update(query).digest('hex');

/**
 * The URL of a persisted-query GET, as Apollo clients build it: the hash in `extensions`, the
 * variables as JSON, and the query's text too when `register` (the first request, or the retry
 * after PERSISTED_QUERY_NOT_FOUND).
 */
export function persistedQueryUrl(query: string, variables: Record<string, unknown> = {}, register = false) {
  const params = new URLSearchParams();
  if (register) params.set('query', query);
  params.set('variables', JSON.stringify(variables));
  params.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: queryHash(query) } }));
  return `/graphql?${params}`;
}

/**
 * GETs a persisted query from `target` (the app's server, or a cache's URL). Apollo Server's CSRF
 * prevention refuses a GET without a non-simple header: Apollo clients send this one.
 */
export function persistedGet(
  target: Parameters<typeof request>[0],
  query: string,
  variables: Record<string, unknown> = {},
  options: { register?: boolean; token?: string | null } = {}
) {
  let test = request(target)
    .get(persistedQueryUrl(query, variables, options.register))
    .set('apollo-require-preflight', 'true');
  if (options.token) test = test.set('Authorization', `Bearer ${options.token}`);
  return test;
}
