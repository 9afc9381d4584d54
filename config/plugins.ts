export default ({ env }) => ({
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
