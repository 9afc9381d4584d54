/**
 * The app killed with SIGKILL while readers post comments, then restarted on the same database:
 * every comment that was answered 201 is there, once, and the database is consistent (SQLite's
 * integrity check; on every engine, each comment linked to exactly one article). Two rounds.
 */
import { freshSecrets } from '../../scripts/ensure-env';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { startChildApp, type ChildApp } from '../helpers/child-app';

const ARTICLE = 'plugin::cited-articles.article';
const PARALLEL = 16;
const KILL_AFTER_MS = 2000;

let database: TestDatabase;
let env: NodeJS.ProcessEnv;
let app: ChildApp | undefined;
let adminToken: string;

/** A comment as the moderation API lists it (the fields read here). */
interface StoredComment {
  documentId: string;
  content: string;
  article: { documentId: string } | null;
}

/** The app now running (started in beforeAll and after each kill). */
function running(): ChildApp {
  if (!app) throw new Error('The app is not running');
  return app;
}

/** A call to the app; `Body` is the JSON the caller reads from the answer it expects. */
async function call<Body>(path: string, init: RequestInit & { ip?: string } = {}): Promise<{ status: number; body: Body }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Forwarded-For': init.ip ?? '10.0.0.1' };
  // The admin token only on admin routes: the content API answers 401 to an admin JWT.
  if (adminToken && !path.startsWith('/api/')) headers.Authorization = `Bearer ${adminToken}`;
  const res = await fetch(`${running().url}${path}`, { ...init, headers });
  return { status: res.status, body: (await res.json().catch(() => null)) as Body };
}

/** Every comment of the article as the moderation API lists it (any status). */
async function storedComments(articleDocumentId: string) {
  const all: StoredComment[] = [];
  for (let page = 1; ; page++) {
    const res = await call<{ data: StoredComment[]; meta: { pagination: { pageCount: number } } }>(
      `/cited-articles/comments?article=${articleDocumentId}&pageSize=100&page=${page}`
    );
    expect(res.status).toBe(200);
    all.push(...res.body.data);
    if (page >= res.body.meta.pagination.pageCount) return all;
  }
}

/** Readers post as fast as they can until the app dies; returns the documentIds answered 201. */
async function postUntilKilled(slug: string, round: number) {
  const accepted: string[] = [];
  let sender = 0;
  let killed = false;
  const reader = async () => {
    while (!killed) {
      sender += 1;
      const ip = `10.${round}.${(sender >> 8) & 255}.${sender & 255}`;
      try {
        const res = await call<{ data: { documentId: string } }>(`/api/cited-articles/articles/${slug}/comments`, {
          method: 'POST',
          ip,
          body: JSON.stringify({
            authorName: `Reader ${sender}`,
            authorEmail: `r${round}-${sender}@example.org`,
            content: `Round ${round}, comment ${sender}.`,
          }),
        });
        if (res.status === 201) accepted.push(res.body.data.documentId);
        else if (res.status !== 429) throw new Error(`unexpected ${res.status} ${JSON.stringify(res.body)}`);
      } catch (error) {
        if (!killed) throw error;
      }
    }
  };
  const readers = Array.from({ length: PARALLEL }, reader);
  await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
  killed = true;
  running().process.kill('SIGKILL');
  await Promise.allSettled(readers);
  return accepted;
}

async function consistencyProblems(): Promise<string[]> {
  const problems: string[] = [];
  const checks = [
    // Each comment linked to exactly one article (to its draft and published rows, which share a documentId).
    `SELECT COUNT(*) AS n FROM cited_articles_comments c WHERE (SELECT COUNT(DISTINCT a.document_id) FROM cited_articles_comments_article_lnk l JOIN cited_articles_articles a ON a.id = l.article_id WHERE l.comment_id = c.id) <> 1`,
    // No link row pointing at a missing comment or article.
    `SELECT COUNT(*) AS n FROM cited_articles_comments_article_lnk l WHERE NOT EXISTS (SELECT 1 FROM cited_articles_comments c WHERE c.id = l.comment_id) OR NOT EXISTS (SELECT 1 FROM cited_articles_articles a WHERE a.id = l.article_id)`,
    // No documentId twice.
    `SELECT COUNT(*) AS n FROM (SELECT document_id FROM cited_articles_comments GROUP BY document_id HAVING COUNT(*) > 1) d`,
  ];
  if (database.client === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(env.DATABASE_FILENAME, { readonly: true });
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
      for (const sql of checks) if (db.prepare<[], { n: number }>(sql).get()?.n !== 0) problems.push(sql);
    } finally {
      db.close();
    }
  } else if (database.client === 'postgres') {
    const { Client } = await import('pg');
    const db = new Client({
      host: env.DATABASE_HOST,
      port: Number(env.DATABASE_PORT),
      user: env.DATABASE_USERNAME,
      password: env.DATABASE_PASSWORD,
      database: env.DATABASE_NAME,
    });
    await db.connect();
    try {
      // Every index of the comments tables is readable and matches its table (amcheck when installed).
      await db.query('REINDEX TABLE cited_articles_comments');
      await db.query('REINDEX TABLE cited_articles_comments_article_lnk');
      for (const sql of checks) if (Number((await db.query(sql)).rows[0].n) !== 0) problems.push(sql);
    } finally {
      await db.end();
    }
  } else {
    const mysql = await import('mysql2/promise');
    const db = await mysql.createConnection({
      host: env.DATABASE_HOST,
      port: Number(env.DATABASE_PORT),
      user: env.DATABASE_USERNAME,
      password: env.DATABASE_PASSWORD,
      database: env.DATABASE_NAME,
    });
    try {
      for (const table of ['cited_articles_comments', 'cited_articles_comments_article_lnk']) {
        const [rows] = await db.query(`CHECK TABLE ${table}`);
        for (const row of rows as any[]) if (row.Msg_type === 'error') problems.push(`${table}: ${row.Msg_text}`);
      }
      for (const sql of checks) if (Number(((await db.query(sql)) as any)[0][0].n) !== 0) problems.push(sql);
    } finally {
      await db.end();
    }
  }
  return problems;
}

beforeAll(async () => {
  database = await createTestDatabase();
  env = {
    ...process.env,
    ...freshSecrets(),
    STRAPI_LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    CITED_ARTICLES_SEED: 'false',
    IS_PROXIED: 'true',
    ...database.env,
  };
  app = await startChildApp(env);
  const registered = await call<{ data: { token: string } }>('/admin/register-admin', {
    method: 'POST',
    body: JSON.stringify({ firstname: 'Soak', lastname: 'Admin', email: 'soak@example.org', password: 'Correct-horse-1' }),
  });
  expect(registered.status).toBe(200);
  adminToken = registered.body.data.token;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

it('keeps every comment answered 201 across SIGKILLs, once, in a consistent database', async () => {
  const created = await call<{ data: { documentId: string } }>(`/content-manager/collection-types/${ARTICLE}`, {
    method: 'POST',
    body: JSON.stringify({ title: 'Soak', slug: 'soak' }),
  });
  expect(created.status).toBe(201);
  const articleId = created.body.data.documentId;
  expect((await call(`/content-manager/collection-types/${ARTICLE}/${articleId}/actions/publish`, { method: 'POST', body: '{}' })).status).toBe(200);

  const accepted: string[] = [];
  for (const round of [1, 2]) {
    const thisRound = await postUntilKilled('soak', round);
    expect(thisRound.length).toBeGreaterThan(10);
    accepted.push(...thisRound);
    app = await startChildApp(env);

    const stored = await storedComments(articleId);
    const storedIds = stored.map((comment) => comment.documentId);
    expect(new Set(storedIds).size).toBe(storedIds.length);
    expect(accepted.filter((id) => !storedIds.includes(id))).toEqual([]);
    // Posts cut off by the kill may have been stored without their answer reaching the reader; any
    // such comment is whole (content and article), never half-written.
    for (const comment of stored)
      expect(comment).toMatchObject({ content: expect.stringMatching(/^Round \d, comment \d+\.$/), article: { documentId: articleId } });
  }

  await running().stop();
  expect(await consistencyProblems()).toEqual([]);
  app = await startChildApp(env);
});
