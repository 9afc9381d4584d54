/**
 * Upgrades keep data: a database written by the previous release (0.1.0, built from git history by
 * tests/helpers/previous-release.ts, running in a child process) is started by this release, which
 * must show every article, source, citation order, comment thread, moderation state and report as
 * the old release did, and record the plugin's migrations as run.
 */
import request from 'supertest';
import { freshSecrets } from '../../scripts/ensure-env';
import type { ChildApp } from '../helpers/child-app';
import { CITED_KEYS, adminSession, bootOnDatabase, snapshotContent, writeKeptContent } from '../helpers/kept-content';
import { PREVIOUS_RELEASE, previousRelease, startPreviousRelease } from '../helpers/previous-release';
import { stopStrapi, type TestApp } from '../helpers/strapi';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { MIGRATION_PREFIX, PLUGIN_MIGRATIONS } from '@cited-articles/server/src/migrations';

// The first run on a checkout builds the previous release (its plugin and app), about 1.5 min.
jest.setTimeout(600_000);

type Snapshot = Awaited<ReturnType<typeof snapshotContent>>;

let database: TestDatabase;
let old: ChildApp | undefined;
let app: TestApp | undefined;
let before: Snapshot;
let oldCacheControl: string;
let newCacheControl: string;

/**
 * Shows which release answers: since 0.1.0 an answer to a request carrying a cookie is private in
 * shared caches (http-cache/audience.ts); 0.1.0 answered it public.
 */
const cacheControlWithCookie = async (target: Parameters<typeof request>[0]) =>
  String((await request(target).get('/api/cited-articles/articles/kept-through-upgrades').set('Cookie', 'session=x')).headers['cache-control']);
let after: Snapshot;

beforeAll(async () => {
  const dir = await previousRelease();
  database = await createTestDatabase();
  // The same secrets for both releases, as an upgrade keeps the app's .env.
  const env = {
    ...freshSecrets(),
    STRAPI_LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    CITED_ARTICLES_SEED: 'false',
    CITED_ARTICLES_LINK_CHECK_CRON: 'off',
    CITED_ARTICLES_WARM_UP_STYLES: 'false',
    IS_PROXIED: 'true',
  };
  old = await startPreviousRelease(dir, { ...process.env, ...env, ...database.env });
  const oldAdmin = await adminSession(old.url);
  await writeKeptContent(old.url, oldAdmin);
  before = await snapshotContent(old.url, oldAdmin);
  oldCacheControl = await cacheControlWithCookie(old.url);
  await old.stop();
  old = undefined;

  app = await bootOnDatabase(database, { env });
  after = await snapshotContent(app.server, await adminSession(app.server));
  newCacheControl = await cacheControlWithCookie(app.server);
});

afterAll(async () => {
  await old?.stop();
  if (app) await stopStrapi(app);
  await database?.drop();
});

describe(`an upgrade from ${PREVIOUS_RELEASE.version} (${PREVIOUS_RELEASE.commit}) keeps the data (${process.env.DATABASE_CLIENT || 'sqlite'})`, () => {
  it('wrote the database with the old release, and reads it with this one', () => {
    expect(oldCacheControl).toMatch(/public/);
    expect(newCacheControl).toMatch(/private/);
  });

  it('wrote what the comparison relies on with the old release', () => {
    const kept = before.articles.find((versions: any) => versions.published?.slug === 'kept-through-upgrades') as any;
    expect(kept.published.citations).toEqual(CITED_KEYS);
    expect(before.articles).toHaveLength(3);
    expect(before.sources).toHaveLength(4);
    expect(before.counts).toMatchObject({ approved: 4, pending: 1, rejected: 1, spam: 1 });
  });

  it('keeps every article, draft and published, with its citations in order', () => {
    expect(after.articles).toEqual(before.articles);
  });

  it('keeps every source', () => {
    expect(after.sources).toEqual(before.sources);
  });

  it('keeps every comment: thread, moderation state, reports', () => {
    expect(after.comments).toEqual(before.comments);
    expect(after.counts).toEqual(before.counts);
  });

  it('answers the same resolved articles and public threads', () => {
    expect(after.public).toEqual(before.public);
    expect(after.publicList).toEqual(before.publicList);
  });

  it("records this release's plugin migrations as run", async () => {
    const names = (await app!.strapi.db.connection('strapi_migrations_internal').select('name').where('name', 'like', `${MIGRATION_PREFIX}%`)).map(
      (row: { name: string }) => row.name
    );
    expect(names).toEqual(PLUGIN_MIGRATIONS.map((migration) => `${MIGRATION_PREFIX}${migration.name}`));
  });
});
