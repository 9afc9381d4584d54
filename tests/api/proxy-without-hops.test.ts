/**
 * A trusted proxy without a hop count (IS_PROXIED=true, PROXY_HOPS=0 leaves koa's maxIpsCount at 0):
 * koa then takes the leftmost X-Forwarded-For entry, which the client writes itself, so the plugin
 * warns at startup.
 */
import { setupStrapi } from '../helpers/strapi';

let warn: jest.SpyInstance;
const app = setupStrapi({
  env: { IS_PROXIED: 'true', PROXY_HOPS: '0' },
  beforeLoad: (strapi) => {
    warn = jest.spyOn(strapi.log, 'warn');
  },
});

it('warns at startup that the proxy is trusted without a hop count', () => {
  expect(app.strapi.server.app.proxy).toBe(true);
  const messages = warn.mock.calls.map((call) => String(call[0]));
  expect(messages).toContainEqual(expect.stringMatching(/server\.proxy\.maxIpsCount.*X-Forwarded-For/s));
});
