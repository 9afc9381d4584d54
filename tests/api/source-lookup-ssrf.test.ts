import dns from 'dns';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { fixtureEnv, startFixtureServer, type FixtureServer } from '../helpers/source-fixtures';
import { forbiddenAddressReason } from '@cited-articles/server/src/outbound/address-policy';

// The outbound rules of POST /cited-articles/sources/lookup, with `lookup.allowPrivateHosts` OFF
// (the production default). What each test proves is said above it.
let fixtures: FixtureServer;
const env: Record<string, string> = {};
beforeAll(async () => {
  fixtures = await startFixtureServer();
  Object.assign(env, fixtureEnv(fixtures, false));
});
afterAll(() => fixtures?.close());

const app = setupStrapi({ env });
let admin: AdminSession;
beforeAll(async () => {
  admin = await createAdmin(app);
});
const outbound = () => app.strapi.plugin('cited-articles').service('platform') as any;
afterEach(() => outbound().useTestNetwork({}));

const lookup = (identifier: string) => admin.post('/cited-articles/sources/lookup').send({ identifier });

describe('without allowPrivateHosts', () => {
  // The real rules, real DNS: a loopback address, given as an IP or as a name that resolves to
  // one, is refused before any connection (the fixture server, on 127.0.0.1, sees no request).
  it.each(['127.0.0.1', 'localhost'])('refuses a page on %s with a 400 and sends nothing', async (host) => {
    const before = fixtures.requests.length;
    const res = await lookup(`http://${host}:${fixtures.port}/pages/opengraph`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/is not a public address \(.* is a loopback address\)/),
    });
    expect(fixtures.requests.length).toBe(before);
  });

  // Only local targets here, so that even a broken check would send nothing off this machine; the
  // classification of private, link-local and metadata ranges is unit-tested (address-policy.test.ts).
  it.each([
    ['http://[::1]:{port}/pages/opengraph', /loopback address/],
    ['http://[::ffff:127.0.0.1]:{port}/pages/opengraph', /loopback address \(inside an IPv6 address\)/],
    ['http://0.0.0.0:{port}/pages/opengraph', /unspecified address/],
  ])('refuses %s (IPv6 loopback, IPv4 inside IPv6, unspecified) before connecting', async (url, reason) => {
    const before = fixtures.requests.length;
    const res = await lookup(url.replace('{port}', String(fixtures.port)));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(reason);
    expect(fixtures.requests.length).toBe(before);
  });

  it.each(['ftp://example.org/file', 'file:///etc/passwd', 'gopher://example.org/', 'javascript:alert(1)'])(
    'refuses the non-http scheme of %s',
    async (url) => {
      const res = await lookup(url);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/only http and https/);
    }
  );

  // A fixture server cannot have a public address, so these tests stand one in: the address rule
  // treats exactly 127.0.0.1 (the fixture server) as public and everything else by the real rule.
  // The first test shows the stand-in lets the fixture through; the next ones that the fetcher
  // checks the address again at the redirect and refuses it, without connecting to it.
  const fixtureIsPublic = (address: string) => (address === '127.0.0.1' ? null : forbiddenAddressReason(address));

  it('(stand-in check) fetches the "public" fixture server', async () => {
    outbound().useTestNetwork({ isForbidden: fixtureIsPublic });
    const res = await lookup(`${fixtures.url}/pages/opengraph`);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Budget vote delayed & debated');
  });

  it('refuses a redirect from a public page to a loopback address', async () => {
    outbound().useTestNetwork({ isForbidden: fixtureIsPublic });
    const before = fixtures.requests.length;
    const res = await lookup(`${fixtures.url}/pages/to-other-loopback`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/127\.0\.0\.2:\d+ is not a public address \(127\.0\.0\.2 is a loopback address\)/);
    expect(fixtures.requests.slice(before).map((request) => request.path)).toEqual(['/pages/to-other-loopback']);
  });

  it('refuses a redirect to a host name that resolves to a private address among public ones (checked after DNS)', async () => {
    outbound().useTestNetwork({
      isForbidden: fixtureIsPublic,
      lookup: async (hostname: string) =>
        hostname === 'private.fixture.test'
          ? [
              { address: '127.0.0.1', family: 4 },
              { address: '127.0.0.2', family: 4 },
            ]
          : dns.promises.lookup(hostname, { all: true }),
    });
    const before = fixtures.requests.length;
    const res = await lookup(`${fixtures.url}/pages/to-private-name`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/private\.fixture\.test:\d+ is not a public address \(127\.0\.0\.2 is a loopback address\)/);
    expect(fixtures.requests.slice(before).map((request) => request.path)).toEqual(['/pages/to-private-name']);
  });
});
