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
