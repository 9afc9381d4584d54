/**
 * GraphQL reads over GET with automatic persisted queries get the caching headers of their REST
 * twins: a strong ETag and 304s, public Cache-Control, Surrogate-Key / Cache-Tag from the same keys;
 * private for a credentialed caller; nothing public for POSTs, mutations, errors or queries reaching
 * beyond the plugin's reads.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';
import { graphql, persistedGet, persistedQueryUrl, queryHash } from '../helpers/graphql';
import { authenticatedReaderJwt } from '../helpers/readers';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let article: any;
let source: any;

const ARTICLE = `query Article($slug: String!) { citedArticle(slug: $slug) { documentId title references { source { key title } } } }`;
const LIST = `query List { citedArticles { data { slug } pagination { total } } }`;
const SOURCE = `query Source($key: String!) { citedSource(key: $key) { key title citedBy { slug } } }`;
const COMMENTS = `query Comments($slug: String!) { articleComments(slug: $slug) { commentCount data { content } } }`;

const keysOf = (res: request.Response) => String(res.headers['surrogate-key'] ?? '').split(' ');

beforeAll(async () => {
  admin = await createAdmin(app);
  source = await createSource(admin, { key: 'get-source', title: 'GET source', url: 'https://example.org/get' });
  article = await createArticle(admin, {
    title: 'Read over GET',
    slug: 'read-over-get',
    body: 'A claim [@get-source].',
    citations: [source.documentId],
  });
});

describe('persisted queries over GET', () => {
  it('answers a hash it does not know with PERSISTED_QUERY_NOT_FOUND, uncached, then from the hash once registered', async () => {
    const variables = { slug: 'read-over-get' };
    const unknown = await persistedGet(app.server, ARTICLE, variables);
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers['cache-control']).not.toMatch(/public/);
    expect(unknown.headers.etag).toBeUndefined();
    expect(unknown.headers['surrogate-key']).toBeUndefined();

    const registered = await persistedGet(app.server, ARTICLE, variables, { register: true });
    expect(registered.status).toBe(200);
    expect(registered.body.data.citedArticle.title).toBe('Read over GET');

    const byHash = await persistedGet(app.server, ARTICLE, variables);
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(registered.body);
  });

  it('registers a hash sent with its query in a POST too', async () => {
    const query = `query Registered { citedArticles(pageSize: 3) { pagination { pageSize } } }`;
    expect((await persistedGet(app.server, query)).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const posted = await request(app.server)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({ query, extensions: { persistedQuery: { version: 1, sha256Hash: queryHash(query) } } });
    expect(posted.body.data.citedArticles.pagination.pageSize).toBe(3);
    expect(posted.headers['cache-control']).toBe('no-store');
    const byHash = await persistedGet(app.server, query);
    expect(byHash.body.data.citedArticles.pagination.pageSize).toBe(3);
    expect(byHash.headers['cache-control']).toMatch(/^public, /);
  });

  it("gives an article the REST route's caching headers, its keys, and 304 on If-None-Match", async () => {
    const variables = { slug: 'read-over-get' };
    await persistedGet(app.server, ARTICLE, variables, { register: true });
    const res = await persistedGet(app.server, ARTICLE, variables);
    expect(res.status).toBe(200);
    expect(res.body.data.citedArticle.references[0].source.title).toBe('GET source');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/);
    // The REST route's keys, computed by the same code.
    const rest = await request(app.server).get('/api/cited-articles/articles/read-over-get');
    expect(new Set(keysOf(res))).toEqual(new Set(keysOf(rest)));
    expect(keysOf(res)).toEqual(
      expect.arrayContaining([
        'cited-articles',
        `cited-article-${article.documentId}`,
        `cited-comments-${article.documentId}`,
        `cited-source-${source.documentId}`,
      ])
    );
    expect(res.headers['cache-tag']).toBe(keysOf(res).join(','));
    expect(res.headers.vary).toMatch(/Origin/);

    const again = await persistedGet(app.server, ARTICLE, variables).set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(res.headers.etag);
    // Other variables are another answer, with another tag.
    const other = await persistedGet(app.server, ARTICLE, { slug: 'no-such-article' }).set('If-None-Match', res.headers.etag);
    expect(other.status).toBe(200);
  });

  it('gives the list, a source and a comment page the keys of their REST routes', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [LIST, {}, '/api/cited-articles/articles'],
      [SOURCE, { key: 'get-source' }, '/api/cited-articles/sources/get-source'],
      [COMMENTS, { slug: 'read-over-get' }, '/api/cited-articles/articles/read-over-get/comments'],
    ];
    for (const [query, variables, restUrl] of cases) {
      const res = await persistedGet(app.server, query, variables, { register: true });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.headers['cache-control']).toMatch(/^public, /);
      expect(res.headers.etag).toBeDefined();
      const rest = await request(app.server).get(restUrl);
      expect(rest.status).toBe(200);
      expect(new Set(keysOf(res))).toEqual(new Set(keysOf(rest)));
    }
  });

  it('gives a query of several read fields the keys of all of them', async () => {
    const res = await persistedGet(
      app.server,
      `query { citedArticles { data { slug } } citedSource(key: "get-source") { title } }`,
      {},
      { register: true }
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.headers['cache-control']).toMatch(/^public, /);
    expect(keysOf(res)).toEqual(expect.arrayContaining(['cited-articles-list', `cited-source-${source.documentId}`, 'cited-key-get-source']));
  });

  it('accepts a GET with Content-Type: application/json instead of the preflight header', async () => {
    const res = await request(app.server)
      .get(persistedQueryUrl(LIST, {}, true))
      .set('Content-Type', 'application/json');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^public, /);
  });

  it('answers a credentialed GET privately, without surrogate keys, still with a tag', async () => {
    const jwt = await authenticatedReaderJwt(app, 'get-reader');
    const variables = { slug: 'read-over-get' };
    await persistedGet(app.server, ARTICLE, variables, { register: true });
    const res = await persistedGet(app.server, ARTICLE, variables, { token: jwt });
    expect(res.status).toBe(200);
    expect(res.body.data.citedArticle.title).toBe('Read over GET');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers['surrogate-key']).toBeUndefined();
    expect(res.headers['cache-tag']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Authorization/);
    expect((await persistedGet(app.server, ARTICLE, variables, { token: jwt }).set('If-None-Match', res.headers.etag)).status).toBe(304);
    // A cookie counts as credentials, as on REST.
    const withCookie = await persistedGet(app.server, ARTICLE, variables).set('Cookie', 'session=x');
    expect(withCookie.headers['cache-control']).toBe('private, no-cache');
    expect(withCookie.headers['surrogate-key']).toBeUndefined();
  });

  it('keeps a POST uncacheable, even of a cacheable query', async () => {
    const res = await graphql(app, ARTICLE, { slug: 'read-over-get' });
    expect(res.status).toBe(200);
    expect(res.body.data.citedArticle.title).toBe('Read over GET');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['surrogate-key']).toBeUndefined();
  });

  it('caches no answer holding an error, nor a query reaching beyond the plugin’s reads', async () => {
    const missing = await persistedGet(app.server, ARTICLE, { slug: 'no-such-article' }, { register: true });
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.headers.etag).toBeUndefined();
    expect(missing.headers['surrogate-key']).toBeUndefined();

    // One good field beside a failing one: the answer holds an error.
    const mixed = await persistedGet(
      app.server,
      `query { a: citedArticle(slug: "read-over-get") { title } b: citedSource(key: "no-such-key") { title } }`,
      {},
      { register: true }
    );
    expect(mixed.body.data.a.title).toBe('Read over GET');
    expect(mixed.body.errors).toHaveLength(1);
    expect(mixed.headers['cache-control']).toBe('no-store');
    expect(mixed.headers['surrogate-key']).toBeUndefined();

    // Introspection, a field the plugin does not answer, a root fragment, a skipped field: nothing
    // names what would purge it.
    for (const query of [
      `query { __schema { queryType { name } } }`,
      `query { citedArticles { data { slug } } __type(name: "CitedArticle") { name } }`,
      `query { ...Reads } fragment Reads on Query { citedArticles { data { slug } } }`,
      `query { citedArticles { data { slug } } citedSource(key: "get-source") @skip(if: true) { title } }`,
    ]) {
      const res = await persistedGet(app.server, query, {}, { register: true });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['surrogate-key']).toBeUndefined();
    }
  });

  it('refuses a mutation over GET, and a GET without a preflight header (Apollo’s CSRF prevention)', async () => {
    const mutation = `mutation { reportComment(documentId: "x", reason: "spam") { counted } }`;
    const res = await persistedGet(app.server, mutation, {}, { register: true });
    expect(res.status).toBe(405);
    expect(res.headers['surrogate-key']).toBeUndefined();

    const bare = await request(app.server).get(persistedQueryUrl(LIST, {}, true));
    expect(bare.status).toBe(400);
    expect(bare.text).toContain('Cross-Site Request Forgery');
    expect(bare.headers['surrogate-key']).toBeUndefined();
  });
});
