export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS'),
  },
  // Behind a reverse proxy or load balancer, set IS_PROXIED=true so that ctx.request.ip is the
  // reader's address (from X-Forwarded-For), not the proxy's: comment flood control counts by it.
  // Scheduled tasks (the plugin's daily link and retraction check); CRON_ENABLED=false turns them off.
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
  },
  proxy: {
    koa: env.bool('IS_PROXIED', false),
  },
});
