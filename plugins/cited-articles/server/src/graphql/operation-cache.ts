import type { Core } from '@strapi/strapi';
import type { OperationDefinitionNode } from 'graphql';
import { audienceOf, scopedCacheId, type Caller } from '../http-cache/audience';
import { getService } from '../utils/get-service';
import { cacheableAnswerKeys, readRootFields, recordCachedAnswer } from './get-cache';

/**
 * Whole answers of the plugin's GraphQL reads, kept in the in-process response cache that holds
 * the REST routes' answers (services/caching/response-cache.ts): same size bound and lifetime, dropped by
 * the same surrogate keys when an article, source or comment changes, here and on the other
 * instances.
 *
 * The REST route answers a repeated read from that cache; a GraphQL read of the same article used
 * to pay for executing its selection field by field (a full article is over a thousand fields),
 * which made it cost twice a `{ __typename }` query (docs/benchmarks.md). An operation whose root
 * fields are all plugin reads (get-cache.ts) is kept under the query's hash, its operation name,
 * its variables and the caller's audience (http-cache/audience.ts), and served again without
 * executing it: Apollo's parsing and validation (cached by Apollo) and Strapi's authentication
 * still run.
 *
 * Authorisation is not skipped: before serving a kept answer, each root field's Users &
 * Permissions scope is verified as Strapi's GraphQL plugin verifies it before a resolver runs. A
 * root field some extension gives policies or middlewares is never served from here (they run on
 * every request). A caller refused, or an answer with errors, goes through execution, which
 * answers as before.
 */

/** Strapi's resolversConfig entry for a root field: the auth scope, and what else an extension adds. */
type FieldConfig = { auth?: unknown; policies?: unknown[]; middlewares?: unknown[] } & Record<string, unknown>;

interface OperationContext {
  queryHash?: string;
  operation?: OperationDefinitionNode;
  request: { operationName?: string | null; variables?: Record<string, unknown> };
  contextValue: { koaContext?: Caller & object; state?: { auth?: unknown } };
  response?: { body: { kind: string; singleResult?: { data?: unknown; errors?: unknown } } };
}

/** The merged resolversConfig of Query fields (ours and the host app's extensions), or null if unreadable. */
const queryFieldConfigs = (strapi: Core.Strapi): Map<string, FieldConfig> | null => {
  try {
    const graphql = strapi.plugin('graphql');
    const { resolversConfig = {} } = graphql.service('extension').generate({ typeRegistry: graphql.service('type-registry').new() }) as {
      resolversConfig?: Record<string, FieldConfig>;
    };
    if (resolversConfig.Query) return null; // configured for every Query field at once: not looked into
    const configs = new Map<string, FieldConfig>();
    for (const [path, config] of Object.entries(resolversConfig)) {
      if (path.startsWith('Query.')) configs.set(path.slice('Query.'.length), config);
    }
    return configs;
  } catch {
    return null;
  }
};

/** Only an auth scope: nothing that must run per request besides the verification done here. */
const onlyAuth = (config: FieldConfig | undefined): boolean =>
  Boolean(config?.auth) && Object.entries(config ?? {}).every(([key, value]) => key === 'auth' || (Array.isArray(value) && value.length === 0));

type VerifyArgs = Parameters<Core.Strapi['auth']['verify']>;

/** What Apollo hands its `stringifyResult` option: the answer's fields, in this order. */
interface ResultToSend {
  errors?: unknown;
  data?: unknown;
  extensions?: unknown;
}

// Each kept entry's data, parsed once, and each parsed copy's JSON: Apollo only serialises the
// data it is given, so a kept answer is sent as the JSON it was kept as. An entry replaced or
// dropped takes both with it.
const parsed = new WeakMap<object, object>();
const keptJson = new WeakMap<object, string>();
const dataOf = (entry: { json: string }) => {
  let data = parsed.get(entry);
  if (!data) {
    data = JSON.parse(entry.json) as object;
    parsed.set(entry, data);
    keptJson.set(data, entry.json);
  }
  return data;
};

/**
 * Apollo's `stringifyResult` for the app (used only when the app sets none): a kept answer's JSON
 * as it was kept, the bytes `JSON.stringify` would write; any other answer as Apollo writes it.
 */
export const stringifyKeptResults = (result: ResultToSend): string => {
  const json = typeof result.data === 'object' && result.data !== null ? keptJson.get(result.data) : undefined;
  if (json !== undefined && result.errors === undefined && result.extensions === undefined) return `{"data":${json}}\n`;
  return `${JSON.stringify(result)}\n`;
};

export const operationCachePlugin = (strapi: Core.Strapi) => {
  let configs: Map<string, FieldConfig> | null = null;

  return {
    async serverWillStart() {
      configs = queryFieldConfigs(strapi);
    },

    async requestDidStart() {
      let id: string | null = null;
      let ticket = 0;
      let served = false;

      return {
        async responseForOperation({ queryHash, operation, request, contextValue }: OperationContext) {
          const koaContext = contextValue.koaContext;
          const fields = operation && readRootFields(operation);
          if (!koaContext || !queryHash || !fields || !configs) return null;
          for (const field of fields) {
            const config = configs.get(field);
            if (!config || !onlyAuth(config)) return null;
            try {
              await strapi.auth.verify(contextValue.state?.auth as VerifyArgs[0], config.auth as VerifyArgs[1]);
            } catch {
              return null; // executed, and refused there with Strapi's own error
            }
          }
          id = scopedCacheId(audienceOf(koaContext), JSON.stringify(['graphql', queryHash, request.operationName ?? null, request.variables ?? {}]));
          if (id === null) return null;
          const cache = getService('caching', { strapi });
          const kept = cache.get(id);
          if (!kept) {
            ticket = cache.begin();
            return null;
          }
          served = true;
          recordCachedAnswer(koaContext, kept.keys);
          return { http: { headers: new Map<string, string>() }, body: { kind: 'single', singleResult: { data: dataOf(kept) } } };
        },

        async willSendResponse({ response, contextValue }: OperationContext) {
          if (served || id === null || !response) return;
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const keys = cacheableAnswerKeys(contextValue.koaContext);
          if (!single || single.errors || !single.data || !keys) return;
          getService('caching', { strapi }).set(id, ticket, { etag: '', keys, body: single.data });
        },
      };
    },
  };
};
