export default ({ env }) => ({
  // GraphQL at /graphql; the plugin adds its Cited* queries and mutations (README "GraphQL").
  // Limits stay on: a query nested deeper than depthLimit is refused before it runs, and the
  // collections Strapi generates never return more than maxLimit entries.
  // GRAPHQL_ENABLED=false runs the app without it (the plugin then adds nothing).
  graphql: {
    enabled: env.bool('GRAPHQL_ENABLED', true),
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: 10,
      defaultLimit: 25,
      maxLimit: 100,
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  'cited-articles': {
    enabled: true,
    resolve: './plugins/cited-articles',
    config: {
      // Reader comments; every option and its default is in the README ("Comments").
      comments: {
        moderation: env('CITED_ARTICLES_COMMENTS_MODERATION', 'pre'),
        // Shares flood control between several Strapi instances; unset keeps it in memory.
        redisUrl: env('CITED_ARTICLES_REDIS_URL', '') || null,
      },
    },
  },
});
