import { forbiddenAddressReason } from '@cited-articles/server/src/outbound/address-policy';
import { OutboundError } from '@cited-articles/server/src/outbound/errors';
import { safeFetch } from '@cited-articles/server/src/outbound/safe-fetch';
import { startFixtureServer, type FixtureServer } from '../../helpers/source-fixtures';

// The safe fetcher on its own, against the fixture server (real HTTP on 127.0.0.1).
let fixtures: FixtureServer;
beforeAll(async () => {
  fixtures = await startFixtureServer();
});
afterAll(() => fixtures.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error) => (error instanceof OutboundError ? `${error.kind}: ${error.message}` : `unexpected: ${error}`)
  );

// Stands in for "the fixture server is on the public internet" (see source-lookup-ssrf.test.ts).
const fixtureIsPublic = (address: string) => (address === '127.0.0.1' ? null : forbiddenAddressReason(address));

describe('safeFetch', () => {
  it('refuses loopback by default, before connecting', async () => {
    const before = fixtures.requests.length;
    expect(await refusal(safeFetch(`${fixtures.url}/pages/title-only`))).toMatch(/^refused: .* is a loopback address/);
    expect(fixtures.requests.length).toBe(before);
  });

  it('re-checks the address at every redirect hop', async () => {
    const before = fixtures.requests.length;
    expect(await refusal(safeFetch(`${fixtures.url}/pages/to-other-loopback`, { isForbidden: fixtureIsPublic }))).toMatch(
      /^refused: 127\.0\.0\.2:\d+ is not a public address/
    );
    expect(fixtures.requests.slice(before).map((request) => request.path)).toEqual(['/pages/to-other-loopback']);
  });

  it('refuses a redirect to a name with any private address among its DNS answers', async () => {
    const lookup = async () => [
      { address: '127.0.0.1', family: 4 },
      { address: '127.0.0.2', family: 4 },
    ];
    expect(await refusal(safeFetch(`${fixtures.url}/pages/to-private-name`, { isForbidden: fixtureIsPublic, lookup }))).toMatch(
      /^refused: private\.fixture\.test:\d+ is not a public address \(127\.0\.0\.2/
    );
  });

  it('connects to the address it checked (a host name pinned to the checked answer)', async () => {
    const lookup = async () => [{ address: '127.0.0.1', family: 4 }];
    const response = await safeFetch(`http://fixture.test:${fixtures.port}/pages/title-only`, { isForbidden: fixtureIsPublic, lookup });
    expect(response.status).toBe(200);
  });

  it('follows at most maxRedirects redirects', async () => {
    expect(await refusal(safeFetch(`${fixtures.url}/pages/loop`, { allowPrivateHosts: true, maxRedirects: 2 }))).toMatch(/more than 2 redirects/);
  });

  it('reads at most maxBytes and says so', async () => {
    const response = await safeFetch(`${fixtures.url}/pages/huge`, { allowPrivateHosts: true, maxBytes: 100_000 });
    expect(response.body.length).toBe(100_000);
    expect(response.truncated).toBe(true);
  });

  it('gives up after timeoutMs', async () => {
    const started = Date.now();
    expect(await refusal(safeFetch(`${fixtures.url}/pages/slow`, { allowPrivateHosts: true, timeoutMs: 300 }))).toMatch(
      /^failed: .* did not answer within 0.3 s/
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses other schemes and credentials in the URL', async () => {
    expect(await refusal(safeFetch('ftp://example.org/'))).toMatch(/only http and https/);
    expect(await refusal(safeFetch('http://user:pw@example.org/'))).toMatch(/user name or password/);
  });
});
