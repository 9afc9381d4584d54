/**
 * Upgrades keep data: a database written by the previous release (0.2.0, built from git history by
 * tests/helpers/previous-release.ts, running in a child process) is started by this release, which
 * must show every article, citation order, comment thread, moderation state and report as the old
 * release did, every source moved to this release's model (names as CSL names, outlets as
 * containerTitle, dates as text), and record the plugin's migrations as run; running the
 * migrations again changes nothing.
 */
import request from 'supertest';
import { freshSecrets } from '../../scripts/ensure-env';
import type { ChildApp } from '../helpers/child-app';
import {
  CITED_KEYS,
  PREVIOUS_RELEASE_SOURCES,
  UPGRADED_SOURCES,
  adminSession,
  bootOnDatabase,
  snapshotContent,
  writeKeptContent,
} from '../helpers/kept-content';
import { PREVIOUS_RELEASE, previousRelease, startPreviousRelease } from '../helpers/previous-release';
import { stopStrapi, type TestApp } from '../helpers/strapi';
import { connectKnex, createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { MIGRATION_PREFIX, PLUGIN_MIGRATIONS } from '@cited-articles/server/src/migrations';
import { structuredSources } from '@cited-articles/server/src/migrations/0.3.0-01-structured-sources';

// The first run on a checkout builds the previous release (its plugin and app), about 1.5 min.
jest.setTimeout(600_000);

type Snapshot = Awaited<ReturnType<typeof snapshotContent>>;

let database: TestDatabase;
let old: ChildApp | undefined;
let app: TestApp | undefined;
let before: Snapshot;

/**
 * Shows which release answers: 0.2.0 names a source's authors as strings in its public answers,
 * this release as CSL name objects.
 */
const firstAuthor = async (target: Parameters<typeof request>[0]) =>
  (await request(target).get('/api/cited-articles/articles/kept-through-upgrades')).body.data.references.find(
    (reference: any) => reference.source.key === 'alpha-study'
  ).source.authors[0];
let oldAuthor: unknown;
let newAuthor: unknown;
let after: Snapshot;

/** The public answers without the sources and their formatted references, which the upgrade changes on purpose. */
const withoutSources = (answers: Snapshot['public']) =>
  answers.map(({ article, comments }: any) => ({
    article: {
      ...article,
      data: {
        ...article.data,
        jsonLd: undefined,
        references: article.data.references.map(({ source, formatted, ...rest }: any) => rest),
        // 0.3.0 adds each citation's in-text form (null in the default style, checked below).
        citations: article.data.citations.map(({ formatted, ...rest }: any) => rest),
      },
    },
    comments,
  }));

const sourceNamed = (snapshot: Snapshot, key: string) => snapshot.sources.find((source: any) => source.key === key) as Record<string, unknown>;

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
  await writeKeptContent(old.url, oldAdmin, PREVIOUS_RELEASE_SOURCES);
  before = await snapshotContent(old.url, oldAdmin);
  oldAuthor = await firstAuthor(old.url);
  await old.stop();
  old = undefined;
  // A source without a type, as rows saved before the type had a default may be: read as news.
  const knex = await connectKnex(database);
  await knex('cited_articles_sources').where('title', 'Mine rescue ends').update({ type: null });
  await knex.destroy();

  app = await bootOnDatabase(database, { env });
  after = await snapshotContent(app.server, await adminSession(app.server));
  newAuthor = await firstAuthor(app.server);
});

afterAll(async () => {
  await old?.stop();
  if (app) await stopStrapi(app);
  await database?.drop();
});

describe(`an upgrade from ${PREVIOUS_RELEASE.version} (${PREVIOUS_RELEASE.commit}) keeps the data (${process.env.DATABASE_CLIENT || 'sqlite'})`, () => {
  it('wrote the database with the old release, and reads it with this one', () => {
    expect(oldAuthor).toBe('Doe, Jane');
    expect(newAuthor).toEqual({ family: 'Doe', given: 'Jane' });
  });

  it('wrote what the comparison relies on with the old release', () => {
    const kept = before.articles.find((versions: any) => versions.published?.slug === 'kept-through-upgrades') as any;
    expect(kept.published.citations).toEqual(CITED_KEYS);
    expect(before.articles).toHaveLength(3);
    expect(before.sources).toHaveLength(Object.keys(PREVIOUS_RELEASE_SOURCES).length);
    expect(sourceNamed(before, 'alpha-study')).toMatchObject(PREVIOUS_RELEASE_SOURCES['alpha-study']!);
    expect(before.counts).toMatchObject({ approved: 4, pending: 1, rejected: 1, spam: 1 });
  });

  it('keeps every article, draft and published, with its citations in order', () => {
    expect(after.articles).toEqual(before.articles);
  });

  it('keeps every source, with names as CSL names, outlets as containerTitle and dates as text', () => {
    expect(after.sources.map((source: any) => source.key)).toEqual(before.sources.map((source: any) => source.key));
    for (const source of before.sources as Array<Record<string, unknown>>) {
      const key = String(source.key);
      // Every field 0.2.0 had is kept, but the two the model changed.
      const { authors, publisher, ...kept } = source;
      expect({ key, ...sourceNamed(after, key) }).toMatchObject({ key, ...kept, ...UPGRADED_SOURCES[key] });
      expect(sourceNamed(after, key)).toMatchObject({ editors: null, translators: null, volume: null, number: null });
    }
  });

  it('stores every date as YYYY-MM-DD text', async () => {
    const rows = await app!.strapi.db.connection('cited_articles_sources').select('published_date', 'accessed_date');
    const dates = rows.flatMap((row: Record<string, unknown>) => [row.published_date, row.accessed_date]).filter((date) => date !== null);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dates).toEqual(expect.arrayContaining(['2023-02-22', '2024-02-29', '1999-12-31']));
    const column = (await app!.strapi.db.connection('cited_articles_sources').columnInfo('published_date')) as unknown as { type: string };
    expect(column.type).not.toBe('date');
  });

  it('keeps every comment: thread, moderation state, reports', () => {
    expect(after.comments).toEqual(before.comments);
    expect(after.counts).toEqual(before.counts);
  });

  it('answers the same resolved articles and public threads', () => {
    expect(withoutSources(after.public)).toEqual(withoutSources(before.public));
    for (const { article } of after.public as any[]) {
      for (const citation of article.data.citations) expect(citation.formatted).toBeNull();
    }
    const kept = after.public.find((entry: any) => entry.article.data.slug === 'kept-through-upgrades') as any;
    const cited = kept.article.data.references.map((reference: any) => reference.source);
    expect(cited.find((source: any) => source.key === 'alpha-study')).toMatchObject({
      authors: UPGRADED_SOURCES['alpha-study']!.authors,
      containerTitle: 'Alpha Journal',
      publisher: null,
    });
    expect(after.publicList).toEqual(before.publicList);
  });

  it("records this release's plugin migrations as run", async () => {
    const names = (await app!.strapi.db.connection('strapi_migrations_internal').select('name').where('name', 'like', `${MIGRATION_PREFIX}%`)).map(
      (row: { name: string }) => row.name
    );
    expect(names).toEqual(PLUGIN_MIGRATIONS.map((migration) => `${MIGRATION_PREFIX}${migration.name}`));
  });

  it('changes nothing when the migration runs again', async () => {
    const rows = async () => app!.strapi.db.connection('cited_articles_sources').select('*').orderBy('id');
    const first = await rows();
    await app!.strapi.db.connection.transaction((trx) => structuredSources.up(trx));
    expect(await rows()).toEqual(first);
    expect(await snapshotContent(app!.server, await adminSession(app!.server))).toEqual(after);
  });
});
