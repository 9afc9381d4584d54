/**
 * Hostile input on every route: each case must answer a 4xx in Strapi's error shape with a message,
 * never a 500, and write nothing. Cases are built from three tables: the routes with the places a
 * caller controls (path parameter, query, body), the hostile values, and the hostile bodies. A new
 * route is one line in PATH_ROUTES and, if it takes a body, one in BODY_ROUTES.
 *
 * Free text (a comment's content, an author's name) is not refused for looking like SQL or HTML: it
 * is stored as inert text. The last tests check that such text is stored literally and never comes
 * back as markup.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle, createSource } from '../helpers/content';
import { aComment, nextIp, postComment, setCommentOptions } from '../helpers/comments';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let apiToken: string;

const API = '/api/cited-articles';
const ADMIN = '/cited-articles';

// Values put where a slug, key or documentId goes. Already URL-encoded where the raw character
// cannot travel in a URL.
const HOSTILE_SEGMENTS: Record<string, string> = {
  'SQL injection': encodeURIComponent("x' OR '1'='1' --"),
  'SQL stacked query': encodeURIComponent("x'; DROP TABLE cited_articles_comments; --"),
  'NoSQL operator': encodeURIComponent('{"$gt":""}'),
  'script payload': encodeURIComponent('<script>alert(1)</script>'),
  'path traversal': '..%2F..%2F..%2Fetc%2Fpasswd',
  'double-encoded traversal': '..%252F..%252Fetc%252Fpasswd',
  'NUL byte': 'slug%00.json',
  'control characters': 'a%01%02%1B%7F',
  'invalid UTF-8': '%C3%28%FF%FE',
  'overlong UTF-8 slash': '%C0%AF',
  'very long': 'a'.repeat(5000),
  'only dots': '..',
};

type Who = 'public' | 'apiToken' | 'admin';
interface PathRoute {
  method: 'get' | 'post' | 'delete';
  url: (segment: string) => string;
  as: Who;
  body?: () => unknown;
}

const PATH_ROUTES: Record<string, PathRoute> = {
  'GET /articles/:slug': { method: 'get', url: (s) => `${API}/articles/${s}`, as: 'public' },
  'GET /preview/articles/:slug': { method: 'get', url: (s) => `${API}/preview/articles/${s}`, as: 'apiToken' },
  'GET /sources/:key': { method: 'get', url: (s) => `${API}/sources/${s}`, as: 'public' },
  'GET /articles/:slug/comments': { method: 'get', url: (s) => `${API}/articles/${s}/comments`, as: 'public' },
  'GET /articles/:slug/references': { method: 'get', url: (s) => `${API}/articles/${s}/references`, as: 'public' },
  'GET /articles/:slug/cite': { method: 'get', url: (s) => `${API}/articles/${s}/cite`, as: 'public' },
  'GET /sources/:key/cite': { method: 'get', url: (s) => `${API}/sources/${s}/cite`, as: 'public' },
  'POST /articles/:slug/comments': { method: 'post', url: (s) => `${API}/articles/${s}/comments`, as: 'public', body: () => aComment() },
  'POST /comments/:documentId/report': { method: 'post', url: (s) => `${API}/comments/${s}/report`, as: 'public', body: () => ({ reason: 'spam' }) },
  'ADMIN GET /comments/:documentId': { method: 'get', url: (s) => `${ADMIN}/comments/${s}`, as: 'admin' },
  'ADMIN DELETE /comments/:documentId': { method: 'delete', url: (s) => `${ADMIN}/comments/${s}`, as: 'admin' },
};

// Query strings on the routes that read one.
const QUERY_CASES: Array<[string, string, Who]> = [
  ['operator in page', `${API}/articles?page[$gt]=0`, 'public'],
  ['negative pageSize', `${API}/articles?pageSize=-1`, 'public'],
  ['huge page', `${API}/articles?page=1e99`, 'public'],
  ['page as text', `${API}/articles?pagination[page]=abc`, 'public'],
  ['style given twice', `${API}/articles/hostile-article?style=news&style=news`, 'public'],
  ['style as an object', `${API}/articles/hostile-article?style[$ne]=x`, 'public'],
  ['unknown style with a script', `${API}/articles/hostile-article?style=${encodeURIComponent('<script>')}`, 'public'],
  ['format injection', `${API}/articles/hostile-article?format=${encodeURIComponent("html' OR 1=1")}`, 'public'],
  ['status operator', `${API}/articles/hostile-article?status[$ne]=published`, 'public'],
  ['draft without a token', `${API}/articles/hostile-article?status=draft`, 'public'],
  ['comments sort injection', `${API}/articles/hostile-article/comments?sort=${encodeURIComponent('createdAt; DROP TABLE x')}`, 'public'],
  ['comments page operator', `${API}/articles/hostile-article/comments?page[$or][0]=1`, 'public'],
  ['export format injection', `${API}/articles/hostile-article/references?format=${encodeURIComponent("bibtex' OR 1=1")}`, 'public'],
  ['export format operator', `${API}/sources/hostile-source/cite?format[$ne]=x`, 'public'],
  ['cite format script', `${API}/articles/hostile-article/cite?format=${encodeURIComponent('<script>')}`, 'public'],
  ['styles locale operator', `${API}/articles/hostile-article?locale[$gt]=a`, 'public'],
  ['admin sources search operator', `${ADMIN}/sources?search[$ne]=x`, 'admin'],
  ['admin sources page injection', `${ADMIN}/sources?page=${encodeURIComponent('1; DROP TABLE x')}`, 'admin'],
  ['admin status injection', `${ADMIN}/comments?status=${encodeURIComponent("' OR 1=1 --")}`, 'admin'],
  ['admin article operator', `${ADMIN}/comments?article[$ne]=x`, 'admin'],
  ['admin q too long', `${ADMIN}/comments?q=${'x'.repeat(500)}`, 'admin'],
  ['admin reported as text', `${ADMIN}/comments?reported=${encodeURIComponent('<b>')}`, 'admin'],
];

const deepJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

// Raw bodies sent as they are, with the content type given.
const RAW_BODIES: Record<string, { type: string; body: string | Buffer }> = {
  'malformed JSON': { type: 'application/json', body: '{"authorName": "x",' },
  'deep JSON': { type: 'application/json', body: deepJson(20000) },
  'oversized body (3 MB)': { type: 'application/json', body: JSON.stringify({ content: 'x'.repeat(3_000_000) }) },
  'invalid UTF-8 bytes': { type: 'application/json', body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) },
  'JSON array': { type: 'application/json', body: '[1,2,3]' },
  'JSON string': { type: 'application/json', body: '"just a string"' },
  'JSON null': { type: 'application/json', body: 'null' },
};

// Parsed bodies that are well-formed JSON but wrong, per route that takes a body.
const BODY_ROUTES: Record<string, { url: string; as: Who; bad: Record<string, () => unknown> }> = {
  'POST /articles/:slug/comments': {
    url: `${API}/articles/hostile-article/comments`,
    as: 'public',
    bad: {
      'content as a number': () => aComment({ content: 12345 }),
      'content as an object': () => aComment({ content: { $gt: '' } }),
      'authorName as an array': () => aComment({ authorName: ['a', 'b'] }),
      'email injection': () => aComment({ authorEmail: "a@b.c' OR 1=1 --" }),
      'email with a script': () => aComment({ authorEmail: '<script>@example.org' }),
      'email with control characters': () => aComment({ authorEmail: 'a\u0000b@example.org' }),
      'content missing': () => ({ authorName: 'A', authorEmail: 'a@example.org' }),
      'everything missing': () => ({}),
      'unknown field': () => aComment({ status: 'approved' }),
      'unknown field inside data': () => ({ data: aComment({ ipHash: 'x' }) }),
      'content of only control characters': () => aComment({ content: '\u0000\u0001\u0002\u200B' }),
      'content too long': () => aComment({ content: 'x'.repeat(6000) }),
      'parent injection': () => aComment({ parent: "1' OR '1'='1" }),
      'parent operator': () => aComment({ parent: { $ne: null } }),
      'data as a string': () => ({ data: 'x' }),
    },
  },
  'POST /comments/:documentId/report': {
    url: `${API}/comments/REPORTED/report`,
    as: 'public',
    bad: {
      'reason injection': () => ({ reason: "spam' OR 1=1" }),
      'reason operator': () => ({ reason: { $in: ['spam'] } }),
      'details as an object': () => ({ reason: 'spam', details: { a: 1 } }),
      'details too long': () => ({ reason: 'spam', details: 'x'.repeat(5000) }),
      'reason missing': () => ({}),
      'unknown field': () => ({ reason: 'spam', comment: 'other' }),
    },
  },
  'ADMIN POST /comments/actions/moderate': {
    url: `${ADMIN}/comments/actions/moderate`,
    as: 'admin',
    bad: {
      'documentIds injection': () => ({ documentIds: ["' OR 1=1 --"], status: 'approved' }),
      'documentIds operator': () => ({ documentIds: { $ne: null }, status: 'approved' }),
      'status unknown': () => ({ documentIds: ['abc'], status: 'published' }),
      'documentIds empty': () => ({ documentIds: [], status: 'approved' }),
      'documentIds too many': () => ({ documentIds: Array.from({ length: 500 }, (_, i) => `id${i}`), status: 'approved' }),
    },
  },
  'ADMIN POST /comments/actions/delete': {
    url: `${ADMIN}/comments/actions/delete`,
    as: 'admin',
    bad: {
      'documentIds injection': () => ({ documentIds: ['x; DELETE FROM cited_articles_comments'] }),
      'documentIds as a string': () => ({ documentIds: 'all' }),
      'documentIds missing': () => ({}),
    },
  },
  'ADMIN POST /sources/import': {
    url: `${ADMIN}/sources/import`,
    as: 'admin',
    bad: {
      'content as an object': () => ({ content: { $ne: null } }),
      'content empty': () => ({ content: '' }),
      'format unknown': () => ({ content: '@article{a, title={A}}', format: '../../etc/passwd' }),
      'content too long': () => ({ content: 'x'.repeat(1_000_001) }),
      'content that is not a bibliography': () => ({ content: "'; DROP TABLE cited_articles_sources; --", format: 'bibtex' }),
    },
  },
  'ADMIN POST /preview': {
    url: `${ADMIN}/preview`,
    as: 'admin',
    bad: {
      'body as a number': () => ({ body: 42 }),
      'body too long': () => ({ body: 'x'.repeat(1_000_001) }),
      'citations as an object': () => ({ body: 'x', citations: { $ne: null } }),
      'numberingStart out of range': () => ({ body: 'x', numberingStart: 7 }),
      'style injection': () => ({ body: 'x', style: "news' OR 1=1" }),
    },
  },
};

let reportedId: string;

const send = (method: 'get' | 'post' | 'delete' | 'put', url: string, who: Who) => {
  let test = (request(app.server) as any)[method](url).set('X-Forwarded-For', nextIp());
  if (who === 'admin') test = test.set('Authorization', `Bearer ${admin.token}`);
  if (who === 'apiToken') test = test.set('Authorization', `Bearer ${apiToken}`);
  return test as request.Test;
};

const expectClientError = (res: request.Response) => {
  if (res.status < 400 || res.status >= 500) {
    throw new Error(`expected a 4xx, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  }
  expect(res.body.error).toMatchObject({ status: res.status, message: expect.any(String) });
  expect(res.body.error.message.length).toBeGreaterThan(3);
};

const TABLES = ['cited_articles_comments', 'cited_articles_comment_reports', 'cited_articles_articles', 'cited_articles_sources'];
const rowCounts = async () => {
  const knex = app.strapi.db.connection;
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [{ count }] = await knex(table).count({ count: '*' });
    counts[table] = Number(count);
  }
  return counts;
};
let before: Record<string, number>;

beforeAll(async () => {
  admin = await createAdmin(app);
  const token = await (app.strapi.service('admin::api-token') as any).create({
    name: 'hostile',
    type: 'full-access',
    lifespan: null,
    description: '',
  });
  apiToken = token.accessKey;
  setCommentOptions(app.strapi, { rateLimit: { points: 100000, durationSeconds: 60 } });
  const source = await createSource(admin, { key: 'hostile-source', title: 'Source', url: 'https://example.org/s' });
  await createArticle(admin, { title: 'Hostile', slug: 'hostile-article', body: 'Claim [@hostile-source].', citations: [source.documentId] });
  const posted = await postComment(app, 'hostile-article', aComment());
  expect(posted.status).toBe(201);
  reportedId = posted.body.data.documentId;
  await admin
    .post(`${ADMIN}/comments/actions/moderate`)
    .send({ documentIds: [reportedId], status: 'approved' })
    .expect(200);
  before = await rowCounts();
});

describe('hostile path parameters', () => {
  const cases = Object.entries(PATH_ROUTES).flatMap(([route, spec]) =>
    Object.entries(HOSTILE_SEGMENTS).map(([value, segment]) => [route, value, spec, segment] as const)
  );
  it.each(cases)('%s with %s', async (_route, _value, spec, segment) => {
    let test = send(spec.method, spec.url(segment), spec.as);
    if (spec.body) test = test.send(spec.body() as any);
    expectClientError(await test);
  });
});

describe('hostile queries', () => {
  it.each(QUERY_CASES)('%s', async (_name, url, who) => {
    expectClientError(await send('get', url, who));
  });
});

describe('hostile bodies', () => {
  const raw = Object.entries(BODY_ROUTES).flatMap(([route, spec]) =>
    Object.entries(RAW_BODIES).map(([name, body]) => [route, name, spec, body] as const)
  );
  it.each(raw)('%s with %s', async (_route, _name, spec, { type, body }) => {
    const url = spec.url.replace('REPORTED', reportedId);
    expectClientError(
      await send('post', url, spec.as)
        .set('Content-Type', type)
        .send(body as any)
    );
  });

  const parsed = Object.entries(BODY_ROUTES).flatMap(([route, spec]) =>
    Object.entries(spec.bad).map(([name, body]) => [route, name, spec, body] as const)
  );
  it.each(parsed)('%s with %s', async (_route, _name, spec, body) => {
    const url = spec.url.replace('REPORTED', reportedId);
    expectClientError(await send('post', url, spec.as).send(body() as any));
  });
});

describe('after all of that', () => {
  it('wrote nothing', async () => {
    expect(await rowCounts()).toEqual(before);
  });

  it('stores SQL- and HTML-looking comment text literally and returns it as text', async () => {
    const content = `x'); DROP TABLE cited_articles_comments; -- <script>alert(1)</script> {"$gt":""}`;
    const res = await postComment(app, 'hostile-article', aComment({ content, authorName: '<img src=x onerror=alert(1)>' }));
    expect(res.status).toBe(201);
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId: res.body.data.documentId } as any);
    expect(stored.content).toBe(content);
    const list = await request(app.server).get(`${API}/articles/hostile-article/comments`);
    expect(list.status).toBe(200);
    const shown = list.body.data.find((comment: any) => comment.documentId === res.body.data.documentId) ?? res.body.data;
    expect(shown.content).toBe(content);
    expect(shown.contentHtml).toContain('&lt;script&gt;');
    expect(shown.contentHtml).not.toContain('<script');
  });

  it('strips control and invisible characters from free text instead of storing them', async () => {
    const res = await postComment(app, 'hostile-article', aComment({ content: 'a\u0000b\u0007c\u202Ed\u200Be' }));
    expect(res.status).toBe(201);
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId: res.body.data.documentId } as any);
    expect(stored.content).toBe('abcde');
  });
});
