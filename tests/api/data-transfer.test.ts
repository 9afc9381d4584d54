/**
 * Strapi's own data transfer carries the plugin's content: `strapi export` of an app with articles,
 * sources and moderated comment threads, then `strapi import` into an empty app, gives back the
 * same content as the admin and the public see it.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import {
  CITED_KEYS,
  adminSession,
  bootOnDatabase,
  runStrapiCli,
  snapshotContent,
  stopKeepingDatabase,
  writeKeptContent,
} from '../helpers/kept-content';

// Two CLI runs and two boots.
jest.setTimeout(240_000);

type Snapshot = Awaited<ReturnType<typeof snapshotContent>>;

let exported: TestApp;
let imported: TestApp;
let importDatabase: TestDatabase;
let exportedRunning = true;
let before: Snapshot;
let after: Snapshot;
const archive = path.join(os.tmpdir(), `ca-transfer-${process.pid}-${Date.now()}`);

beforeAll(async () => {
  exported = await bootStrapi({ env: { IS_PROXIED: 'true' } });
  const admin = await adminSession(exported.server);
  await writeKeptContent(exported.server, admin);
  before = await snapshotContent(exported.server, admin);
  // Stopped before the export, as an operator would (one process on the database), database kept.
  await stopKeepingDatabase(exported);
  exportedRunning = false;

  await runStrapiCli(['export', '--no-encrypt', '--no-compress', '-f', archive], { ...process.env, ...exported.database.env });
  importDatabase = await createTestDatabase();
  await runStrapiCli(['import', '--force', '-f', `${archive}.tar`], { ...process.env, ...importDatabase.env });

  imported = await bootOnDatabase(importDatabase, { env: { IS_PROXIED: 'true' } });
  after = await snapshotContent(imported.server, await adminSession(imported.server));
});

afterAll(async () => {
  await stopStrapi(imported);
  await importDatabase?.drop();
  if (exportedRunning) await stopStrapi(exported);
  else await exported.database.drop();
  fs.rmSync(`${archive}.tar`, { force: true });
});

describe(`strapi export, then strapi import into an empty app (${process.env.DATABASE_CLIENT || 'sqlite'})`, () => {
  it('wrote what the comparison relies on', () => {
    const kept = before.articles.find((versions: any) => versions.published?.slug === 'kept-through-upgrades') as any;
    expect(kept.published.citations).toEqual(CITED_KEYS);
    expect(before.articles).toHaveLength(3);
    expect(before.sources).toHaveLength(4);
    expect(before.comments.length).toBeGreaterThanOrEqual(7);
  });

  it('gives back the same articles, draft and published versions, with their citations in order', () => {
    expect(after.articles).toEqual(before.articles);
  });

  it('gives back the same sources', () => {
    expect(after.sources).toEqual(before.sources);
  });

  it('gives back the same comments: threads (parent, depth, thread root), moderation state, reports', () => {
    expect(after.comments).toEqual(before.comments);
    expect(after.counts).toEqual(before.counts);
    const deep = after.comments.find((comment: any) => comment.content === 'A reply to the reply, two deep.') as any;
    const root = after.comments.find((comment: any) => comment.content === 'The zeta report is the one that matters.') as any;
    expect(deep).toMatchObject({ depth: 2, threadRoot: root.documentId, status: 'approved' });
  });

  it('answers the same resolved articles and public threads', () => {
    expect(after.public).toEqual(before.public);
    expect(after.publicList).toEqual(before.publicList);
    expect(after.public.length).toBe(2);
  });
});
