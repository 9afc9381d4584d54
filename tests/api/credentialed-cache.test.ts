/**
 * Answers to requests carrying credentials (a reader's JWT, an API token, a cookie) are private:
 * `Cache-Control: private`, no surrogate keys, still revalidated with their ETag; and the
 * in-process response cache keeps them apart from the anonymous entries, over REST and GraphQL.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { createArticle, createComment, createSource } from '../helpers/content';
import { authenticatedReaderJwt } from '../helpers/readers';
import { graphql } from '../helpers/graphql';

const app = setupStrapi();
let admin: AdminSession;
let comment: any;
let readerJwt: string;
let otherReaderJwt: string;
let apiToken: string;
const ARTICLE = '/api/cited-articles/articles/private-article';
const api = (url: string) => request(app.server).get(`/api/cited-articles${url}`);
const responseCache = () => app.strapi.plugin('cited-articles').service('caching');

const PUBLIC_GETS = [
  '/articles',
  '/articles/private-article',
  '/articles/private-article?style=apa&format=html',
  '/articles/private-article/comments',
  '/comments/:root/replies',
  '/sources/private-source',
  '/styles',
  '/articles/private-article/references?format=bibtex',
  '/sources/private-source/cite?format=csl-json',
];

beforeAll(async () => {
  admin = await createAdmin(app);
  const source = await createSource(admin, { key: 'private-source', title: 'Private source', url: 'https://example.org/p' });
  const article = await createArticle(admin, {
    title: 'Private article',
    slug: 'private-article',
    body: 'A claim [@private-source].',
    citations: [source.documentId],
  });
  comment = await createComment(app.strapi, {
    content: 'Approved words',
    authorName: 'Reader',
    authorEmail: 'r@example.org',
    status: 'approved',
    article: article.documentId,
  });
  readerJwt = await authenticatedReaderJwt(app, 'private-reader');
  otherReaderJwt = await authenticatedReaderJwt(app, 'other-reader');
  const token = await (app.strapi as any).service('admin::api-token').create({ name: 'frontend', type: 'full-access', lifespan: null });
  apiToken = token.accessKey;
});

describe('answers to requests with credentials are private', () => {
  const credentials: Array<[string, () => [string, string]]> = [
    ["a reader's JWT", () => ['Authorization', `Bearer ${readerJwt}`]],
    ['an API token', () => ['Authorization', `Bearer ${apiToken}`]],
    ['a session cookie', () => ['Cookie', 'koa.sess=abc; koa.sess.sig=def']],
  ];

  it.each(credentials)('with %s: private, no surrogate keys, and 304 on revalidation', async (_name, header) => {
    for (const template of PUBLIC_GETS) {
      const url = template.replace(':root', comment.documentId);
      const [field, value] = header();
      const res = await api(url).set(field, value);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-cache');
      expect(res.headers['surrogate-key']).toBeUndefined();
      expect(res.headers['cache-tag']).toBeUndefined();
      const vary = res.headers.vary.toLowerCase();
      for (const name of ['origin', 'accept-encoding', 'authorization', 'cookie']) expect(vary).toContain(name);
      // Conditional requests still work, and the 304 is private too.
      const revalidated = await api(url).set(field, value).set('If-None-Match', res.headers.etag);
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers['cache-control']).toBe('private, no-cache');
      // The same URL without credentials is public, with the same representation.
      const anonymous = await api(url);
      expect(anonymous.headers['cache-control']).toMatch(/^public, /);
      expect(anonymous.headers.etag).toBe(res.headers.etag);
    }
  });
});

describe('the in-process response cache keeps credentialed answers apart', () => {
  it('never serves an anonymous caller what a reader or a token filled, nor the reverse', async () => {
    for (const url of [ARTICLE, '/api/cited-articles/articles']) {
      responseCache().clear();
      const reader = await request(app.server).get(url).set('Authorization', `Bearer ${readerJwt}`);
      expect(reader.headers['x-origin-cache']).toBe('MISS');
      // Not filled by the reader's request: the anonymous caller misses, then hits its own entry.
      expect((await request(app.server).get(url)).headers['x-origin-cache']).toBe('MISS');
      const anonymous = await request(app.server).get(url);
      expect(anonymous.headers['x-origin-cache']).toBe('HIT');
      expect(anonymous.headers['cache-control']).toMatch(/^public, /);
      // Another reader, a token: their own entries, not the anonymous one nor each other's.
      expect((await request(app.server).get(url).set('Authorization', `Bearer ${otherReaderJwt}`)).headers['x-origin-cache']).toBe('MISS');
      expect((await request(app.server).get(url).set('Authorization', `Bearer ${apiToken}`)).headers['x-origin-cache']).toBe('MISS');
      const tokenAgain = await request(app.server).get(url).set('Authorization', `Bearer ${apiToken}`);
      expect(tokenAgain.headers['x-origin-cache']).toBe('HIT');
      expect(tokenAgain.headers['cache-control']).toBe('private, no-cache');
      expect(tokenAgain.body).toEqual(anonymous.body);
      // A cookie cannot be named: never cached.
      for (let i = 0; i < 2; i += 1) {
        expect((await request(app.server).get(url).set('Cookie', 'koa.sess=abc')).headers['x-origin-cache']).toBe('MISS');
      }
    }
  });

  it("over GraphQL too: a reader's query does not fill the entry the REST route serves anonymously", async () => {
    responseCache().clear();
    const res = await graphql(app, 'query { citedArticle(slug: "private-article") { title } }', {}, { token: readerJwt });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.citedArticle.title).toBe('Private article');
    expect((await request(app.server).get(ARTICLE)).headers['x-origin-cache']).toBe('MISS');
    // And an anonymous query shares the REST entry, as before.
    await graphql(app, 'query { citedArticle(slug: "private-article") { title } }');
    responseCache().clear();
    await graphql(app, 'query { citedArticle(slug: "private-article") { title } }');
    expect((await request(app.server).get(ARTICLE)).headers['x-origin-cache']).toBe('HIT');
  });
});
