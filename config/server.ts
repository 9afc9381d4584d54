import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const proxied = env.bool('IS_PROXIED', false);
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    app: {
      keys: env.array('APP_KEYS'),
    },
    // Scheduled tasks (the plugin's daily link and retraction check); CRON_ENABLED=false turns them off.
    cron: {
      enabled: env.bool('CRON_ENABLED', true),
    },
    // Behind a reverse proxy or load balancer, set IS_PROXIED=true so that ctx.request.ip is the
    // reader's address from X-Forwarded-For, not the proxy's: comment flood control counts by it.
    // PROXY_HOPS is the number of proxies in front of Strapi (default 1): koa then takes the entry
    // the outermost of them appended, counted from the right, and ignores the entries to its left,
    // which the client writes itself.
    proxy: {
      koa: proxied,
      maxIpsCount: proxied ? env.int('PROXY_HOPS', 1) : 0,
    },
  };
};
