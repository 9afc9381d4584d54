export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  'cited-articles': {
    enabled: true,
    resolve: './plugins/cited-articles',
    config: {},
  },
});
