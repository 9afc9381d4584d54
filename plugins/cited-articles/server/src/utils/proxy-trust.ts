/**
 * What koa makes of X-Forwarded-For. With `proxy` on and `maxIpsCount` 0, `ctx.request.ip` is the
 * header's leftmost entry, which the client writes itself: any client could then pick the address
 * that flood control and report counting go by. With `maxIpsCount` N (the number of proxies in
 * front), it is the entry the outermost trusted proxy appended.
 */
export const untrustedProxyWarning = (app: { proxy?: boolean; maxIpsCount?: number }): string | null => {
  if (!app.proxy) return null;
  const hops = Number(app.maxIpsCount);
  if (Number.isInteger(hops) && hops > 0) return null;
  return (
    '[cited-articles] server.proxy.koa is on without server.proxy.maxIpsCount: the client address is ' +
    'the leftmost X-Forwarded-For entry, which any client can invent to escape comment flood control ' +
    'and report limits. Set server.proxy.maxIpsCount to the number of proxies in front of Strapi ' +
    '(this app: PROXY_HOPS).'
  );
};
