import type { Core } from '@strapi/strapi';
import { cacheSettings, commentSettings } from '../utils/settings';
import { PLUGIN_ID } from '../../../shared/uids';
import { createResolversConfig } from './access';
import { directFieldsPlugin } from './direct-fields';
import { graphqlCachePlugin, graphqlGetCache } from './get-cache';
import { operationCachePlugin, stringifyKeptResults } from './operation-cache';
import { PERSISTED_QUERY_TTL_SECONDS, persistedQueriesFor } from './persisted-queries';
import { createResolvers } from './resolvers';
import { typeDefs } from './type-defs';

/**
 * Adds the plugin's Cited* queries and mutations to Strapi's GraphQL schema. Called from register
 * only when @strapi/plugin-graphql is installed; without it the plugin never loads this code's
 * dependency on `graphql`.
 *
 * Strapi's generated CRUD ("shadow CRUD") is off for all the plugin's content types. The plugin's REST API
 * has no generic CRUD routes either, and the generated queries would be authorised by the same
 * action names as the plugin's routes (`article.find` is the public list route), opening filters
 * on every field and `status: DRAFT` to every role that may read the list. Comments and reports
 * hold private data and must not be reachable at all.
 */
export const registerGraphQL = (strapi: Core.Strapi) => {
  const extension = strapi.plugin('graphql').service('extension');
  // Every content type of the plugin, those added later included (task locks are internal too).
  for (const uid of Object.keys(strapi.contentTypes)) {
    if (uid.startsWith(`plugin::${PLUGIN_ID}.`)) extension.shadowCRUD(uid).disable();
  }

  const resolvers = createResolvers(strapi);
  // A function: evaluated when the schema is built, after the plugin's configuration is loaded.
  extension.use(() => ({
    typeDefs: typeDefs(commentSettings(strapi).honeypotField),
    resolvers,
    resolversConfig: createResolversConfig(strapi),
  }));

  // Apollo plugins in the graphql plugin's apolloServer config are added to Strapi's own.
  const apolloServer = (strapi.config.get('plugin::graphql.apolloServer') ?? {}) as {
    plugins?: unknown[];
    stringifyResult?: unknown;
    persistedQueries?: unknown;
  };
  // With Redis (the cache's or the comments' redisUrl), persisted queries are shared by every
  // instance (persisted-queries.ts), unless the app configures persistedQueries itself.
  const redisUrl = cacheSettings(strapi).redisUrl ?? commentSettings(strapi).redisUrl;
  const persistedQueries =
    apolloServer.persistedQueries === undefined && redisUrl
      ? {
          cache: persistedQueriesFor(strapi, redisUrl, `${commentSettings(strapi).redisKeyPrefix}:graphql-query:`, strapi.log),
          ttl: PERSISTED_QUERY_TTL_SECONDS,
        }
      : apolloServer.persistedQueries;
  strapi.config.set('plugin::graphql.apolloServer', {
    ...apolloServer,
    ...(persistedQueries === undefined ? {} : { persistedQueries }),
    // Kept answers are sent as the JSON they were kept as (operation-cache.ts), unless the app
    // serialises answers its own way.
    stringifyResult: apolloServer.stringifyResult ?? stringifyKeptResults,
    plugins: [...(apolloServer.plugins ?? []), directFieldsPlugin(strapi, resolvers), graphqlCachePlugin(), operationCachePlugin(strapi)],
  });

  // GET reads answered with the REST routes' caching headers (get-cache.ts). Added in register, so
  // it runs around every middleware of config/middlewares.ts and sees the answer as sent.
  strapi.server.use(graphqlGetCache(strapi));
};
