/**
 * Size limits before parsing: the comment, report, preview and import routes refuse a body larger
 * than their limit (plugin option `bodyLimits`) from its Content-Length, before Strapi's body parser
 * reads it, in Strapi's error shape, and store nothing.
 */
import http from 'http';
import zlib from 'zlib';
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, SOURCE_UID, createArticle } from '../helpers/content';
import { aComment, nextIp, postComment, setCommentOptions } from '../helpers/comments';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let approvedId: string;

const API = '/api/cited-articles';
const LIMITS = 'plugin::cited-articles.bodyLimits';
const DEFAULTS = { comment: 16_384, report: 8_192, preview: 1_048_576, import: 1_048_576, graphql: 102_400 };

/** `value` as JSON, padded with trailing spaces (valid JSON whitespace) to exactly `bytes` bytes. */
const jsonOfSize = (value: unknown, bytes: number) => {
  const json = JSON.stringify(value);
  const length = Buffer.byteLength(json);
  if (length > bytes) throw new Error(`the JSON is already ${length} bytes`);
  return json + ' '.repeat(bytes - length);
};

const countRows = async () => ({
  comments: await app.strapi.db.query(COMMENT_UID as any).count(),
  reports: await app.strapi.db.query('plugin::cited-articles.comment-report' as any).count(),
  sources: await app.strapi.db.query(SOURCE_UID as any).count(),
});

const expectTooLarge = (res: request.Response, limit: number) => {
  expect(res.status).toBe(413);
  expect(res.body).toEqual({
    data: null,
    error: { status: 413, name: 'PayloadTooLargeError', message: expect.stringContaining(`at most ${limit} bytes`), details: { limit } },
  });
};

const sendJson = (test: request.Test, json: string) => test.set('Content-Type', 'application/json').send(json);
const comment = (json: string, slug = 'limits') =>
  sendJson(request(app.server).post(`${API}/articles/${slug}/comments`).set('X-Forwarded-For', nextIp()), json);
const report = (json: string) => sendJson(request(app.server).post(`${API}/comments/${approvedId}/report`).set('X-Forwarded-For', nextIp()), json);
const preview = (json: string) => sendJson(admin.post('/cited-articles/preview'), json);
const importFile = (json: string) => sendJson(admin.post('/cited-articles/sources/import'), json);

/** A raw request on a socket, to send headers the way a client streaming its body would. */
const rawRequest = (path: string, headers: Record<string, string>, write: (req: http.ClientRequest) => void) =>
  new Promise<{ status: number; body: any; elapsedMs: number }>((resolve, reject) => {
    const started = Date.now();
    const { port } = app.server.address();
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, elapsedMs: Date.now() - started });
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => {
      req.destroy();
      reject(new Error('no answer within 10 s: the server waited for the body'));
    });
    write(req);
  });

beforeAll(async () => {
  admin = await createAdmin(app);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  setCommentOptions(app.strapi, { rateLimit: { points: 100000, durationSeconds: 60 }, reportRateLimit: { points: 100000, durationSeconds: 60 } });
  await createArticle(admin, { title: 'Limits', slug: 'limits', body: 'Text.' });
  const posted = await postComment(app, 'limits', aComment());
  approvedId = posted.body.data.documentId;
  await admin
    .post('/cited-articles/comments/actions/moderate')
    .send({ documentIds: [approvedId], status: 'approved' })
    .expect(200);
});

afterEach(() => app.strapi.config.set(LIMITS, {}));

describe('default limits', () => {
  it('refuses a comment of 16385 bytes with 413 and stores nothing', async () => {
    const before = await countRows();
    expectTooLarge(await comment(jsonOfSize(aComment(), DEFAULTS.comment + 1)), DEFAULTS.comment);
    expect(await countRows()).toEqual(before);
  });

  it('refuses a report of 8193 bytes with 413 and stores nothing', async () => {
    const before = await countRows();
    expectTooLarge(await report(jsonOfSize({ reason: 'spam' }, DEFAULTS.report + 1)), DEFAULTS.report);
    expect(await countRows()).toEqual(before);
  });

  it('refuses a preview and an import of 1048577 bytes with 413 and imports nothing', async () => {
    const before = await countRows();
    expectTooLarge(await preview(jsonOfSize({ body: 'Text.' }, DEFAULTS.preview + 1)), DEFAULTS.preview);
    expectTooLarge(
      await importFile(jsonOfSize({ content: '@misc{big, title = {Big}, url = {https://example.org/big}}' }, DEFAULTS.import + 1)),
      DEFAULTS.import
    );
    expect(await countRows()).toEqual(before);
  });

  it('accepts the longest comment the default options allow, in three-byte characters', async () => {
    // 3000 characters of "€" (3 bytes each in UTF-8) and a 100-character name: the default limit holds them.
    const longest = aComment({ content: '€'.repeat(3000), authorName: '€'.repeat(100) });
    expect(Buffer.byteLength(JSON.stringify({ data: longest }))).toBeLessThan(DEFAULTS.comment);
    expect((await comment(JSON.stringify({ data: longest }))).status).toBe(201);
  });

  it('limits the content API under its configured prefix, whatever the case or a trailing slash', async () => {
    // The router matches paths case-insensitively and with or without a trailing slash; so does the limit.
    const upper = sendJson(
      request(app.server).post(`/API/CITED-ARTICLES/ARTICLES/limits/COMMENTS/`).set('X-Forwarded-For', nextIp()),
      jsonOfSize(aComment(), DEFAULTS.comment + 1)
    );
    expectTooLarge(await upper, DEFAULTS.comment);
  });
});

describe('configured limits', () => {
  it('accepts a comment of exactly the limit and refuses one byte more', async () => {
    app.strapi.config.set(`${LIMITS}.comment`, 2000);
    const before = await countRows();
    expect((await comment(jsonOfSize(aComment(), 2000))).status).toBe(201);
    expectTooLarge(await comment(jsonOfSize(aComment(), 2001)), 2000);
    expect((await countRows()).comments).toBe(before.comments + 1);
  });

  it('accepts a report of exactly the limit and refuses one byte more', async () => {
    app.strapi.config.set(`${LIMITS}.report`, 1500);
    const before = await countRows();
    expectTooLarge(await report(jsonOfSize({ reason: 'spam' }, 1501)), 1500);
    expect(await countRows()).toEqual(before);
    expect((await report(jsonOfSize({ reason: 'spam' }, 1500))).status).toBe(201);
    expect((await countRows()).reports).toBe(before.reports + 1);
  });

  it('accepts a preview and an import of exactly the limit and refuses one byte more', async () => {
    app.strapi.config.set(`${LIMITS}.preview`, 4096);
    app.strapi.config.set(`${LIMITS}.import`, 4096);
    expect((await preview(jsonOfSize({ body: 'A claim.' }, 4096))).status).toBe(200);
    expectTooLarge(await preview(jsonOfSize({ body: 'A claim.' }, 4097)), 4096);

    const file = (key: string) => ({ content: `@misc{${key}, title = {Sized ${key}}, url = {https://example.org/${key}}}` });
    const before = await countRows();
    expectTooLarge(await importFile(jsonOfSize(file('too-big'), 4097)), 4096);
    expect(await countRows()).toEqual(before);
    const fits = await importFile(jsonOfSize(file('fits'), 4096));
    expect(fits.status).toBe(200);
    expect(fits.body.data.created.map((entry: any) => entry.key)).toEqual(['fits']);
  });

  it('limits the GraphQL endpoint with or without a query string (Strapi parses /graphql?x itself)', async () => {
    const query = (path: string, bytes: number) =>
      sendJson(request(app.server).post(path), jsonOfSize({ query: '{ citedArticles { pagination { total } } }' }, bytes));
    for (const path of ['/graphql', '/graphql?a', '/GraphQL/?a=1']) {
      expectTooLarge(await query(path, DEFAULTS.graphql + 1), DEFAULTS.graphql);
    }
    const fits = await query('/graphql?a', DEFAULTS.graphql);
    expect(fits.status).toBe(200);
    expect(fits.body.data.citedArticles.pagination.total).toEqual(expect.any(Number));
  });

  it('leaves other routes to Strapi (its own 1 MB limit)', async () => {
    app.strapi.config.set(`${LIMITS}.comment`, 1024);
    app.strapi.config.set(`${LIMITS}.preview`, 1024);
    // Moderation is an admin POST with a body, not a limited route.
    const moderate = await sendJson(
      admin.post('/cited-articles/comments/actions/moderate'),
      jsonOfSize({ documentIds: [approvedId], status: 'approved' }, 5000)
    );
    expect(moderate.status).toBe(200);
  });
});

describe('bodies the limit cannot measure up front', () => {
  it('answers 413 from the Content-Length header without waiting for the body', async () => {
    // The client announces 500 kB (under Strapi's own 1 MB limit) and sends none of it: the answer
    // must not wait for the body.
    const res = await rawRequest(
      `${API}/articles/limits/comments`,
      { 'Content-Type': 'application/json', 'Content-Length': String(500_000), 'X-Forwarded-For': nextIp() },
      (req) => req.flushHeaders()
    );
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ status: 413, name: 'PayloadTooLargeError', details: { limit: DEFAULTS.comment } });
    expect(res.elapsedMs).toBeLessThan(10_000);
  });

  it('refuses a chunked body (no Content-Length) with 411 and stores nothing', async () => {
    const before = await countRows();
    const res = await rawRequest(
      `${API}/articles/limits/comments`,
      { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'X-Forwarded-For': nextIp() },
      (req) => {
        const json = JSON.stringify(aComment());
        req.write(json.slice(0, 10));
        req.end(json.slice(10));
      }
    );
    expect(res.status).toBe(411);
    expect(res.body).toEqual({
      data: null,
      error: { status: 411, name: 'LengthRequiredError', message: expect.stringContaining('Content-Length'), details: { limit: DEFAULTS.comment } },
    });
    expect(await countRows()).toEqual(before);
  });

  it('refuses a compressed body, whose Content-Length does not bound what it unpacks to, with 415', async () => {
    const before = await countRows();
    // 1 MB of JSON that gzip packs into about a kilobyte.
    const packed = zlib.gzipSync(JSON.stringify(aComment({ content: 'x'.repeat(1_000_000) })));
    expect(packed.length).toBeLessThan(DEFAULTS.comment);
    const res = await request(app.server)
      .post(`${API}/articles/limits/comments`)
      .set('X-Forwarded-For', nextIp())
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(packed);
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ status: 415, name: 'UnsupportedMediaTypeError', message: expect.stringContaining('uncompressed') });
    expect(await countRows()).toEqual(before);
  });
});
