/**
 * The in-process response cache: resolved articles and list pages served from memory (no SQL from
 * the plugin), dropped by the changes that purge shared caches, on this instance at once and on a
 * second instance (a child process on the same database) through Redis pub/sub.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { SOURCE_UID, createArticle, createComment, createSource, publishArticle, updateArticle } from '../helpers/content';
import { countQueries } from '../helpers/queries';
import { startChildApp, type ChildApp } from '../helpers/child-app';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const app = setupStrapi({
  env: { CITED_ARTICLES_CACHE_REDIS_URL: REDIS_URL, CITED_ARTICLES_CACHE_REDIS_CHANNEL: `origin-cache-${process.pid}-${Date.now()}` },
});
let admin: AdminSession;
let second: ChildApp;
let article: any;
let source: any;
const ARTICLE = '/api/cited-articles/articles/origin-cached';
const LIST = '/api/cited-articles/articles';

/** Asks `server` until `check` holds (a second at most); returns the last answer. */
async function eventually(server: any, url: string, check: (res: request.Response) => boolean) {
  // Generous: it returns as soon as the check holds; a busy machine delays events and Redis messages.
  const deadline = Date.now() + 5000;
  let res = await request(server).get(url);
  while (!check(res) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    res = await request(server).get(url);
  }
  return res;
}

const isHit = (answer: request.Response) => answer.headers['x-origin-cache'] === 'HIT';

beforeAll(async () => {
  admin = await createAdmin(app);
  source = await createSource(admin, { key: 'origin-source', title: 'Origin source', url: 'https://example.org/o' });
  article = await createArticle(admin, {
    title: 'Origin cached',
    slug: 'origin-cached',
    body: 'Claim [@origin-source].',
    citations: [source.documentId],
  });
  second = await startChildApp();
}, 120_000);

afterAll(async () => {
  await second?.stop();
});

describe('on one instance', () => {
  it('serves a repeated read from memory, without plugin queries, with the same body and tag', async () => {
    const first = await request(app.server).get(`${ARTICLE}?style=apa`);
    expect(first.headers['x-origin-cache']).toBe('MISS');
    // Strapi's entry events re-read documents after the setup's writes, unawaited: let them finish.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = await countQueries(app.strapi, () => request(app.server).get(`${ARTICLE}?style=apa`));
    expect(again.result.headers['x-origin-cache']).toBe('HIT');
    expect(again.result.body).toEqual(first.body);
    expect(again.result.headers.etag).toBe(first.headers.etag);
    expect(again.sql.filter((sql) => sql.includes('cited_articles'))).toEqual([]);
    expect(again.count).toBeLessThanOrEqual(1);
    const revalidated = await request(app.server).get(`${ARTICLE}?style=apa`).set('If-None-Match', first.headers.etag);
    expect(revalidated.status).toBe(304);

    // Read until kept: a late invalidation from the setup's writes may drop the first answer.
    const list = await eventually(app.server, LIST, isHit);
    expect(list.headers['x-origin-cache']).toBe('HIT');
  });

  it('drops the article and the list on publish, a source edit and a comment approval', async () => {
    await request(app.server).get(ARTICLE);
    await updateArticle(admin, article.documentId, { title: 'Origin cached, v2' });
    await publishArticle(admin, article.documentId);
    const res = await request(app.server).get(ARTICLE);
    expect(res.headers['x-origin-cache']).toBe('MISS');
    expect(res.body.data.title).toBe('Origin cached, v2');
    expect((await request(app.server).get(LIST)).body.data.map((entry: any) => entry.title)).toContain('Origin cached, v2');

    expect(
      (await admin.put(`/content-manager/collection-types/${SOURCE_UID}/${source.documentId}`).send({ title: 'Origin source, v2' })).status
    ).toBe(200);
    expect((await request(app.server).get(ARTICLE)).body.data.references[0].source.title).toBe('Origin source, v2');

    const before = (await request(app.server).get(LIST)).body.data.find((entry: any) => entry.slug === 'origin-cached').commentCount;
    await createComment(app.strapi, {
      content: 'Yes',
      authorName: 'R',
      authorEmail: 'r@example.org',
      status: 'approved',
      article: article.documentId,
    });
    expect((await request(app.server).get(LIST)).body.data.find((entry: any) => entry.slug === 'origin-cached').commentCount).toBe(before + 1);
    expect((await request(app.server).get(ARTICLE)).body.data.commentCount).toBe(before + 1);
  });

  it('does not keep an answer read while a change was being committed', async () => {
    const cache = app.strapi.plugin('cited-articles').service('caching');
    const ticket = cache.begin();
    cache.invalidate(['cited-articles-list']);
    cache.set('["test-entry"]', ticket, { etag: '"x"', keys: ['cited-articles-list'], body: { stale: true } });
    expect(cache.get('["test-entry"]')).toBeUndefined();
  });
});

describe('on two instances', () => {
  it('drops, on the second instance, what a change on the first one made stale', async () => {
    // The second instance has the article in memory. An invalidation the first test's writes sent
    // through Redis may still arrive and drop (or keep from being stored) an early read, so read
    // until one is served from memory.
    expect((await eventually(second.url, ARTICLE, isHit)).headers['x-origin-cache']).toBe('HIT');
    expect((await eventually(second.url, LIST, isHit)).headers['x-origin-cache']).toBe('HIT');

    await updateArticle(admin, article.documentId, { title: 'Origin cached, v3' });
    await publishArticle(admin, article.documentId);
    const res = await eventually(second.url, ARTICLE, (answer) => answer.body.data?.title === 'Origin cached, v3');
    expect(res.body.data.title).toBe('Origin cached, v3');
    const list = await eventually(second.url, LIST, (answer) => answer.body.data?.some((entry: any) => entry.title === 'Origin cached, v3'));
    expect(list.body.data.map((entry: any) => entry.title)).toContain('Origin cached, v3');

    // And it caches again afterwards (once the publish's last invalidation has arrived).
    expect((await eventually(second.url, ARTICLE, isHit)).headers['x-origin-cache']).toBe('HIT');
  });

  it('drops it on a source edit made on the first instance', async () => {
    expect((await eventually(second.url, ARTICLE, isHit)).headers['x-origin-cache']).toBe('HIT');
    expect(
      (await admin.put(`/content-manager/collection-types/${SOURCE_UID}/${source.documentId}`).send({ title: 'Origin source, v3' })).status
    ).toBe(200);
    const res = await eventually(second.url, ARTICLE, (answer) => answer.body.data?.references?.[0]?.source.title === 'Origin source, v3');
    expect(res.body.data.references[0].source.title).toBe('Origin source, v3');
  });
});
