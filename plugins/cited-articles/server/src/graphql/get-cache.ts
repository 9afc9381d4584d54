import type { Core } from '@strapi/strapi';
import type { OperationDefinitionNode } from 'graphql';
import { sendPublic } from '../http-cache/respond';
import type { RequestContext } from '../utils/request-context';

/**
 * HTTP caching of GraphQL reads, the REST routes' rules (http-cache/) applied to GET /graphql.
 *
 * A POST cannot be kept by any cache. A GET can: Apollo Server answers `GET /graphql?query=…` and,
 * with automatic persisted queries, `GET /graphql?extensions={"persistedQuery":…}` from the hash
 * alone once the query is registered (docs/graphql.md). Such an answer gets the headers its REST
 * equivalent gets (http-cache/respond.ts: ETag and 304, Cache-Control, Surrogate-Key and Cache-Tag,
 * private for a credentialed caller) when three things hold:
 *
 * - the operation is a query whose root fields are all the plugin's reads (READ_FIELDS), each of
 *   which named the surrogate keys of what it read (recordAnswerKeys): anything else (Strapi's
 *   generated queries, introspection, a field left out by @skip) says nothing about what would
 *   purge it, and keeps Apollo's `no-store`;
 * - the answer holds no error (an error is not kept, as the REST routes' 4xx and 5xx are not);
 * - the request is a GET answered 200.
 *
 * The Apollo plugin below learns the first two while the operation runs; the koa middleware sets
 * the headers once Apollo's koa integration has put the answer in ctx.body, so that a 304 can
 * replace it. Everything else (POST, mutations) keeps what Apollo says: `no-store`.
 */

/** The plugin's Query fields that read public data: the GraphQL twins of the public GET routes. */
export const READ_FIELDS = new Set(['citedArticle', 'citedArticles', 'citedSource', 'articleComments']);

interface Verdict {
  /** Root fields of the operation, when they are all READ_FIELDS (or __typename); else null. */
  rootFields: number | null;
  /** Root fields that named their keys. */
  answered: number;
  keys: Set<string>;
  errors: boolean;
}

/** One per request, keyed by the koa context that Strapi puts in Apollo's context (koaContext). */
const verdicts = new WeakMap<object, Verdict>();

const verdictOf = (koaContext: object): Verdict => {
  let verdict = verdicts.get(koaContext);
  if (!verdict) {
    verdict = { rootFields: null, answered: 0, keys: new Set(), errors: false };
    verdicts.set(koaContext, verdict);
  }
  return verdict;
};

/** Called by a read field's resolver with the surrogate keys of what it answered. */
export const recordAnswerKeys = (koaContext: object | undefined, keys: Iterable<string>) => {
  if (!koaContext) return;
  const verdict = verdictOf(koaContext);
  verdict.answered += 1;
  for (const key of keys) verdict.keys.add(key);
};

/**
 * The names of the root fields when every one is a plugin read (`__typename` aside); null otherwise.
 * A fragment at the root is not looked into: such a query is simply not cached.
 */
export const readRootFields = (operation: OperationDefinitionNode): string[] | null => {
  if (operation.operation !== 'query') return null;
  const fields: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== 'Field') return null;
    if (selection.name.value === '__typename') continue;
    if (!READ_FIELDS.has(selection.name.value)) return null;
    fields.push(selection.name.value);
  }
  return fields.length > 0 ? fields : null;
};

/**
 * The surrogate keys of an answer every root field of which was a plugin read that named its keys
 * (what makes it cacheable, see the header); null if it is not such an answer, or holds errors.
 */
export const cacheableAnswerKeys = (koaContext: object | undefined): Set<string> | null => {
  const verdict = koaContext ? verdicts.get(koaContext) : undefined;
  if (!verdict || verdict.errors || verdict.rootFields === null || verdict.answered !== verdict.rootFields) return null;
  return verdict.keys;
};

/** An answer served whole from the in-process cache (operation-cache.ts): every root field answered, with these keys. */
export const recordCachedAnswer = (koaContext: object, keys: Iterable<string>) => {
  const verdict = verdictOf(koaContext);
  verdict.answered = verdict.rootFields ?? 0;
  for (const key of keys) verdict.keys.add(key);
};

type ApolloContext = { koaContext?: object };

/** Apollo Server plugin: which operation ran, and whether its answer holds errors. */
export const graphqlCachePlugin = () => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }: { operation: OperationDefinitionNode; contextValue: ApolloContext }) {
        if (contextValue.koaContext) verdictOf(contextValue.koaContext).rootFields = readRootFields(operation)?.length ?? null;
      },
      async willSendResponse({
        response,
        contextValue,
      }: {
        response: { body: { kind: string; singleResult?: { errors?: unknown } } };
        contextValue: ApolloContext;
      }) {
        if (!contextValue.koaContext) return;
        const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
        if (!single || single.errors) verdictOf(contextValue.koaContext).errors = true;
      },
    };
  },
});

const endpointPattern = (endpoint: string) => new RegExp(`^${endpoint.replace(/\/$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/?$`, 'i');

/**
 * Koa middleware around the GraphQL endpoint (added first, in register): gives a cacheable GET
 * answer the public (or, with credentials, private) headers and answers 304 when the client holds
 * it. The ETag is a hash of the answer's JSON, as for REST answers built per request.
 */
export const graphqlGetCache = (strapi: Core.Strapi) => {
  let path: RegExp | null = null;
  return async (ctx: RequestContext, next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET') return next();
    path ??= endpointPattern((strapi.plugin('graphql').config('endpoint') as string | undefined) ?? '/graphql');
    if (!path.test(ctx.path)) return next();
    await next();
    const keys = cacheableAnswerKeys(ctx);
    verdicts.delete(ctx);
    if (!keys || ctx.status !== 200 || typeof ctx.body !== 'string') return;
    sendPublic(ctx, strapi, ctx.body, keys);
  };
};
