/**
 * The plugin's migrations (server/src/migrations/) run on start through Strapi's internal migration
 * provider: once per database, recorded by name, before the schema sync, in a transaction that a
 * failure rolls back (and stops the start, so the sync never runs on half-moved data).
 */
import type { Core } from '@strapi/strapi';
import { MIGRATION_PREFIX, PLUGIN_MIGRATIONS, registerMigrations } from '@cited-articles/server/src/migrations';
import type { PluginMigration } from '@cited-articles/server/src/migrations/types';
import { ARTICLE_UID } from '../helpers/content';
import { bootOnDatabase, stopKeepingDatabase } from '../helpers/kept-content';
import { stopStrapi, type TestApp } from '../helpers/strapi';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

jest.setTimeout(120_000);

const ARTICLES_TABLE = 'cited_articles_articles';
const recorded = async (strapi: Core.Strapi) =>
  (await strapi.db.connection('strapi_migrations_internal').select('name').where('name', 'like', `${MIGRATION_PREFIX}%`).orderBy('id')).map(
    (row: { name: string }) => row.name
  );

/** A migration that notes what it saw when it ran: whether the articles table existed, and its rows. */
const probe = (name: string, seen: Array<{ table: boolean; rows: number }>): PluginMigration => ({
  name,
  async up(trx) {
    const table = await trx.schema.hasTable(ARTICLES_TABLE);
    const rows = table ? Number((await trx(ARTICLES_TABLE).count({ n: '*' }))[0].n) : 0;
    seen.push({ table, rows });
  },
});

let database: TestDatabase;
let app: TestApp | undefined;
const firstSeen: Array<{ table: boolean; rows: number }> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await bootOnDatabase(database, { beforeLoad: (strapi) => registerMigrations(strapi, [probe('test-00-first', firstSeen)]) });
});

afterAll(async () => {
  if (app) await stopStrapi(app);
  await database.drop();
});

describe(`plugin migrations (${process.env.DATABASE_CLIENT || 'sqlite'})`, () => {
  it('runs on a fresh database before the schema sync creates the plugin tables, and records each once', async () => {
    expect(firstSeen).toEqual([{ table: false, rows: 0 }]);
    expect(await recorded(app!.strapi)).toEqual([
      `${MIGRATION_PREFIX}test-00-first`,
      ...PLUGIN_MIGRATIONS.map((m) => `${MIGRATION_PREFIX}${m.name}`),
    ]);
  });

  it('on the next start, runs only the new migrations, on the tables as the previous start left them', async () => {
    await app!.strapi.documents(ARTICLE_UID).create({ data: { title: 'Before the migration', slug: 'before-migration' } });
    await stopKeepingDatabase(app!);
    app = undefined;

    const again: Array<{ table: boolean; rows: number }> = [];
    const added: Array<{ table: boolean; rows: number }> = [];
    app = await bootOnDatabase(database, {
      beforeLoad: (strapi) => registerMigrations(strapi, [probe('test-00-first', again), probe('test-01-second', added)]),
    });
    expect(again).toEqual([]);
    expect(added).toEqual([{ table: true, rows: 1 }]);
    expect(await recorded(app.strapi)).toEqual([
      `${MIGRATION_PREFIX}test-00-first`,
      ...PLUGIN_MIGRATIONS.map((m) => `${MIGRATION_PREFIX}${m.name}`),
      `${MIGRATION_PREFIX}test-01-second`,
    ]);
  });

  it('stops the start when a migration fails, rolls its writes back and does not record it', async () => {
    await stopKeepingDatabase(app!);
    app = undefined;
    const failing: PluginMigration = {
      name: 'test-02-failing',
      async up(trx) {
        await trx(ARTICLES_TABLE).update({ title: 'half-moved' });
        throw new Error('the migration failed');
      },
    };
    let failed: Core.Strapi | undefined;
    const start = bootOnDatabase(database, {
      beforeLoad: (strapi) => {
        failed = strapi;
        registerMigrations(strapi, [failing]);
      },
    });
    await expect(start).rejects.toThrow('the migration failed');
    await failed?.db.destroy();

    app = await bootOnDatabase(database);
    const titles = (await app.strapi.db.connection(ARTICLES_TABLE).select('title')).map((row: { title: string }) => row.title);
    expect(titles).toEqual(['Before the migration']);
    expect(await recorded(app.strapi)).not.toContain(`${MIGRATION_PREFIX}test-02-failing`);
  });
});
