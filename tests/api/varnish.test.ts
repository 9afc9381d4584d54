/**
 * The shipped Varnish configuration (varnish/default.vcl) in front of the app, for real: Debian's
 * varnishd on a free port, the app as its backend, the plugin purging it. Cached reads are hits, a
 * publish is served through the cache within a second, and a source edit leaves nothing stale.
 * GraphQL reads sent as persisted-query GETs are cached and purged by the same keys.
 */
import request from 'supertest';
import type { AddressInfo } from 'net';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { SOURCE_UID, createArticle, createSource, publishArticle, updateArticle } from '../helpers/content';
import { startVarnish, type Varnish } from '../helpers/varnish';
import { authenticatedReaderJwt } from '../helpers/readers';
import { setCommentOptions } from '../helpers/comments';
import { persistedGet } from '../helpers/graphql';

const app = setupStrapi();
let admin: AdminSession;
let varnish: Varnish;
let article: any;
let source: any;
const ARTICLE = '/api/cited-articles/articles/through-varnish';
const viaVarnish = (url: string) => request(varnish.url).get(url);
const settled = () => app.strapi.plugin('cited-articles').service('caching').settled();

beforeAll(async () => {
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  varnish = await startVarnish((app.server.address() as AddressInfo).port);
  app.strapi.config.set('plugin::cited-articles.cache.purgeUrls', [varnish.url]);
  app.strapi.config.set('plugin::cited-articles.cache.purgeToken', varnish.purgeToken);
  admin = await createAdmin(app);
  source = await createSource(admin, { key: 'varnish-source', title: 'Original source title', url: 'https://example.org/v' });
  article = await createArticle(admin, {
    title: 'Through Varnish',
    slug: 'through-varnish',
    body: 'A claim [@varnish-source].',
    citations: [source.documentId],
  });
  await settled();
}, 60_000);

afterAll(async () => {
  await varnish?.stop();
});

describe('behind Varnish with the shipped configuration', () => {
  it('serves repeated reads from the cache', async () => {
    for (const url of [ARTICLE, `${ARTICLE}?style=apa`, '/api/cited-articles/articles', '/api/cited-articles/styles']) {
      const first = await viaVarnish(url);
      expect(first.status).toBe(200);
      const second = await viaVarnish(url);
      expect(second.status).toBe(200);
      expect(second.headers['x-cache']).toBe('HIT');
      expect(second.body).toEqual(first.body);
      // Varnish answers If-None-Match from its copy too.
      expect((await viaVarnish(url).set('If-None-Match', first.headers.etag)).status).toBe(304);
    }
  });

  it('never gives one origin the CORS headers of another, or of a request without Origin', async () => {
    const allowOrigin = (res: request.Response) => res.headers['access-control-allow-origin'];
    // Every public route, each first asked by an attacker's page, then by the news site's.
    for (const url of [
      `${ARTICLE}?style=mla`,
      '/api/cited-articles/articles?pageSize=3',
      `${ARTICLE}/comments`,
      '/api/cited-articles/sources/varnish-source',
      `${ARTICLE}/references?format=bibtex`,
    ]) {
      const attacker = await viaVarnish(url).set('Origin', 'https://attacker.example');
      expect(attacker.status).toBe(200);
      expect(allowOrigin(attacker)).toBe('https://attacker.example');
      const news = await viaVarnish(url).set('Origin', 'https://news.example');
      expect(allowOrigin(news)).toBe('https://news.example');
      // Each origin's copy is still cached and served to that origin.
      const newsAgain = await viaVarnish(url).set('Origin', 'https://news.example');
      expect(newsAgain.headers['x-cache']).toBe('HIT');
      expect(allowOrigin(newsAgain)).toBe('https://news.example');
      expect(allowOrigin(await viaVarnish(url).set('Origin', 'https://attacker.example'))).toBe('https://attacker.example');
    }
    // A request without Origin (a crawler, curl) first: a browser's request then gets its own.
    const url = `${ARTICLE}?style=chicago`;
    const bare = await viaVarnish(url);
    expect(bare.status).toBe(200);
    expect(allowOrigin(bare) ?? '').not.toContain('news.example');
    const browser = await viaVarnish(url).set('Origin', 'https://news.example');
    expect(allowOrigin(browser)).toBe('https://news.example');
    expect(allowOrigin(await viaVarnish(url)) ?? '').toBe(allowOrigin(bare) ?? '');
  });

  it('never keeps an answer asked with credentials, nor gives it to anyone else', async () => {
    const jwt = await authenticatedReaderJwt(app, 'varnish-reader');
    const url = `${ARTICLE}?format=html`;
    const reader = await viaVarnish(url).set('Authorization', `Bearer ${jwt}`);
    expect(reader.status).toBe(200);
    expect(reader.headers['cache-control']).toBe('private, no-cache');
    const anonymous = await viaVarnish(url);
    expect(anonymous.headers['x-cache']).toBe('MISS');
    expect(anonymous.headers['cache-control']).toMatch(/^public, /);
    expect((await viaVarnish(url)).headers['x-cache']).toBe('HIT');
    // The reader is passed to Strapi again, not served the shared copy.
    const readerAgain = await viaVarnish(url).set('Authorization', `Bearer ${jwt}`);
    expect(readerAgain.headers['x-cache']).toBe('MISS');
    expect(readerAgain.headers['cache-control']).toBe('private, no-cache');
  });

  it('refuses a purge that names no key', async () => {
    const res = await request(varnish.url).purge('/').set('Surrogate-Key', '').set('X-Purge-Token', varnish.purgeToken);
    expect(res.status).toBe(400);
  });

  it('refuses, and logs, a purge without the secret or with a wrong one, even from an allowed address', async () => {
    await viaVarnish(ARTICLE);
    expect((await viaVarnish(ARTICLE)).headers['x-cache']).toBe('HIT');
    for (const token of [undefined, '', 'wrong-token', `${varnish.purgeToken}x`, varnish.purgeToken.slice(1)]) {
      let purge = request(varnish.url).purge('/').set('Surrogate-Key', `cited-articles cited-article-${article.documentId}`);
      if (token !== undefined) purge = purge.set('X-Purge-Token', token);
      expect((await purge).status).toBe(403);
      // Nothing was banned.
      expect((await viaVarnish(ARTICLE)).headers['x-cache']).toBe('HIT');
    }
    const refusals = varnish.vclLog().filter((line) => line.includes('cited-articles purge refused: missing or wrong X-Purge-Token'));
    expect(refusals.length).toBeGreaterThanOrEqual(5);
    // A client cannot supply the expected value itself.
    const forged = await request(varnish.url)
      .purge('/')
      .set('Surrogate-Key', 'cited-articles')
      .set('X-Cited-Purge-Secret', 'forged-secret')
      .set('X-Purge-Token', 'forged-secret');
    expect(forged.status).toBe(403);
    // With it, the purge is done.
    const purged = await request(varnish.url).purge('/').set('Surrogate-Key', 'cited-articles').set('X-Purge-Token', varnish.purgeToken);
    expect(purged.status).toBe(200);
    expect((await viaVarnish(ARTICLE)).headers['x-cache']).toBe('MISS');
  });

  it('refuses every purge while purge-secret.vcl still holds the example value', async () => {
    const example = await startVarnish((app.server.address() as AddressInfo).port, 'replace-with-the-value-of-CITED_ARTICLES_PURGE_TOKEN');
    try {
      const res = await request(example.url)
        .purge('/')
        .set('Surrogate-Key', 'cited-articles')
        .set('X-Purge-Token', 'replace-with-the-value-of-CITED_ARTICLES_PURGE_TOKEN');
      expect(res.status).toBe(403);
      expect(example.vclLog().some((line) => line.includes('no purge secret configured'))).toBe(true);
    } finally {
      await example.stop();
    }
  });

  it('serves a publish within a second, every time', async () => {
    for (let i = 1; i <= 5; i += 1) {
      // Cached first.
      await viaVarnish(ARTICLE);
      expect((await viaVarnish(ARTICLE)).headers['x-cache']).toBe('HIT');
      await updateArticle(admin, article.documentId, { title: `Through Varnish, edition ${i}` });
      await publishArticle(admin, article.documentId);
      const published = Date.now();
      let title = '';
      while (Date.now() - published < 1000) {
        title = (await viaVarnish(ARTICLE)).body.data.title;
        if (title === `Through Varnish, edition ${i}`) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(title).toBe(`Through Varnish, edition ${i}`);
    }
  });

  it('serves nothing stale once a source edit is purged', async () => {
    expect((await viaVarnish(ARTICLE)).body.data.references[0].source.title).toBe('Original source title');
    expect((await viaVarnish('/api/cited-articles/sources/varnish-source')).status).toBe(200);
    const res = await admin.put(`/content-manager/collection-types/${SOURCE_UID}/${source.documentId}`).send({ title: 'Edited source title' });
    expect(res.status).toBe(200);
    await settled();
    for (const url of [
      ARTICLE,
      `${ARTICLE}?style=apa`,
      '/api/cited-articles/sources/varnish-source',
      '/api/cited-articles/articles/through-varnish/references?format=csl-json',
    ]) {
      const after = await viaVarnish(url);
      expect(after.status).toBe(200);
      expect(after.text).toContain('Edited source title');
      expect(after.text).not.toContain('Original source title');
    }
  });

  it('stops serving a comment its author edited after approval under pre-moderation, until it is approved again', async () => {
    setCommentOptions(app.strapi, { moderation: 'pre' });
    const jwt = await authenticatedReaderJwt(app, 'varnish-commenter');
    const comments = `${ARTICLE}/comments`;
    const posted = await request(app.server)
      .post(comments)
      .set('Authorization', `Bearer ${jwt}`)
      .send({ content: 'Approved words through Varnish.' });
    expect(posted.status).toBe(201);
    const { documentId } = posted.body.data;
    await admin.post('/cited-articles/comments/actions/moderate').send({ documentIds: [documentId], status: 'approved' });
    await settled();
    await viaVarnish(comments);
    const cached = await viaVarnish(comments);
    expect(cached.headers['x-cache']).toBe('HIT');
    expect(cached.text).toContain('Approved words through Varnish.');

    const edited = await request(app.server)
      .patch(`/api/cited-articles/comments/${documentId}`)
      .set('Authorization', `Bearer ${jwt}`)
      .send({ content: 'Rewritten words after approval.' });
    expect(edited.body.data.status).toBe('pending');
    await settled();
    const hidden = await viaVarnish(comments);
    expect(hidden.text).not.toContain('Approved words through Varnish.');
    expect(hidden.text).not.toContain('Rewritten words after approval.');

    await admin.post('/cited-articles/comments/actions/moderate').send({ documentIds: [documentId], status: 'approved' });
    await settled();
    expect((await viaVarnish(comments)).text).toContain('Rewritten words after approval.');
  });

  it('caches a persisted GraphQL query read over GET, and purges it when the article is edited', async () => {
    const query = `query Article($slug: String!) { citedArticle(slug: $slug) { title references { source { title } } } }`;
    const variables = { slug: 'graphql-through-varnish' };
    const gql = await createArticle(admin, {
      title: 'GraphQL through Varnish',
      slug: 'graphql-through-varnish',
      body: 'Cited [@varnish-source].',
      citations: [source.documentId],
    });
    await settled();
    // Registered by the first GET, which carries the query's text (as Apollo clients retry).
    const registered = await persistedGet(varnish.url, query, variables, { register: true });
    expect(registered.status).toBe(200);
    expect(registered.body.data.citedArticle.title).toBe('GraphQL through Varnish');
    const first = await persistedGet(varnish.url, query, variables);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.headers['cache-control']).toMatch(/^public, /);
    const second = await persistedGet(varnish.url, query, variables);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toEqual(first.body);
    expect((await persistedGet(varnish.url, query, variables).set('If-None-Match', first.headers.etag)).status).toBe(304);

    await updateArticle(admin, gql.documentId, { title: 'GraphQL through Varnish, edited' });
    await publishArticle(admin, gql.documentId);
    await settled();
    const after = await persistedGet(varnish.url, query, variables);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.citedArticle.title).toBe('GraphQL through Varnish, edited');
    expect((await persistedGet(varnish.url, query, variables)).headers['x-cache']).toBe('HIT');

    // POSTs, and GETs with credentials, are passed to Strapi every time.
    const post = await request(varnish.url).post('/graphql').set('Content-Type', 'application/json').send({ query, variables });
    expect(post.body.data.citedArticle.title).toBe('GraphQL through Varnish, edited');
    expect(post.headers['x-cache']).toBe('MISS');
    const jwt = await authenticatedReaderJwt(app, 'varnish-graphql-reader');
    for (let i = 0; i < 2; i += 1) {
      const reader = await persistedGet(varnish.url, query, variables, { token: jwt });
      expect(reader.headers['x-cache']).toBe('MISS');
      expect(reader.headers['cache-control']).toBe('private, no-cache');
    }
  });

  it('does not cache a 404: an article published later is served at once', async () => {
    const url = '/api/cited-articles/articles/later-article';
    expect((await viaVarnish(url)).status).toBe(404);
    expect((await viaVarnish(url)).status).toBe(404);
    await createArticle(admin, { title: 'Later', slug: 'later-article', body: 'Now.' });
    await settled();
    expect((await viaVarnish(url)).status).toBe(200);
  });
});
