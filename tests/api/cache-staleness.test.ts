/**
 * Neither the resolved-article memo nor the in-process response cache serves a stale article: after
 * an edit, a publication, an unpublication or a change to a cited source, the instance that made
 * the change answers the new state at once, and the others as soon as the change reaches them over
 * Redis (within a second; in practice milliseconds). Two instances share the database and a Redis
 * channel: this test's app and a second one in a child process, each with its own memo and cache;
 * the changes go through the first one only.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { SOURCE_UID, createArticle, createSource, publishArticle, unpublishArticle, updateArticle } from '../helpers/content';
import { startChildApp, type ChildApp } from '../helpers/child-app';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
// A channel of its own: other test files may run against the same Redis at the same time.
const app = setupStrapi({
  env: { CITED_ARTICLES_CACHE_REDIS_URL: REDIS_URL, CITED_ARTICLES_CACHE_REDIS_CHANNEL: `cache-staleness-${process.pid}-${Date.now()}` },
});
let admin: AdminSession;
let second: ChildApp;
let article: any;
let listed: any;
let library: any;
const URL = '/api/cited-articles/articles/memo-article';

const sameAnswer = (res: request.Response, expected: request.Response) =>
  res.status === expected.status && JSON.stringify(res.body) === JSON.stringify(expected.body);

/**
 * The article as both instances answer it, twice each (the second answer may come from the memo or
 * the response cache). The first instance made the change and answers it at once; the second must
 * agree within a second, and then keep agreeing.
 */
async function fromBoth(query = '') {
  const get = (server: any) => request(server).get(`${URL}${query}`);
  const first = await get(app.server);
  expect(sameAnswer(await get(app.server), first)).toBe(true);
  const deadline = Date.now() + 1000;
  let other = await get(second.url);
  while (!sameAnswer(other, first) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    other = await get(second.url);
  }
  expect(other.status).toBe(first.status);
  expect(other.body).toEqual(first.body);
  expect((await get(second.url)).body).toEqual(first.body);
  return first;
}

const updateSource = async (documentId: string, data: Record<string, unknown>) => {
  const res = await admin.put(`/content-manager/collection-types/${SOURCE_UID}/${documentId}`).send(data);
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  admin = await createAdmin(app);
  listed = await createSource(admin, { key: 'memo-listed', title: 'Listed source', url: 'https://example.org/listed' });
  library = await createSource(admin, { key: 'memo-library', title: 'Library source', url: 'https://example.org/library' });
  article = await createArticle(admin, {
    title: 'Memo article',
    slug: 'memo-article',
    citations: [listed.documentId],
    body: 'First claim [@memo-listed]. Second claim [@memo-library].',
  });
  second = await startChildApp();
}, 120_000);

afterAll(async () => {
  await second?.stop();
});

describe('two instances on one database', () => {
  it('serve the same resolved article', async () => {
    const res = await fromBoth('?format=html');
    expect(res.status).toBe(200);
    expect(res.body.data.references.map((r: any) => r.source.title)).toEqual(['Listed source', 'Library source']);
  });

  it('serve the new body once an edit is published, and the old one until then', async () => {
    await updateArticle(admin, article.documentId, { body: 'Edited claim [@memo-library]. Then [@memo-listed].' });
    expect((await fromBoth()).body.data.body).toBe('First claim [@memo-listed]. Second claim [@memo-library].');
    await publishArticle(admin, article.documentId);
    const res = await fromBoth('?format=html');
    expect(res.body.data.body).toBe('Edited claim [@memo-library]. Then [@memo-listed].');
    expect(res.body.data.bodyHtml).toContain('Edited claim');
    expect(res.body.data.references.map((r: any) => r.source.key)).toEqual(['memo-library', 'memo-listed']);
  });

  it('serve a changed source at once, listed or from the library', async () => {
    await updateSource(listed.documentId, { title: 'Listed source, corrected' });
    await updateSource(library.documentId, { title: 'Library source, corrected' });
    const res = await fromBoth();
    expect(res.body.data.references.map((r: any) => r.source.title)).toEqual(['Library source, corrected', 'Listed source, corrected']);
    expect(res.body.data.references.map((r: any) => r.formatted.text ?? JSON.stringify(r.formatted)).join(' ')).toContain('corrected');
  });

  it('answer 404 once the article is unpublished, and serve it again when it is republished', async () => {
    await unpublishArticle(admin, article.documentId);
    expect((await fromBoth()).status).toBe(404);
    await publishArticle(admin, article.documentId);
    expect((await fromBoth()).body.data.title).toBe('Memo article');
  });

  it('serve the new comment count as soon as a comment is approved', async () => {
    const before = (await fromBoth()).body.data.commentCount;
    await app.strapi.documents('plugin::cited-articles.comment' as any).create({
      data: { article: article.documentId, content: 'Approved', authorName: 'A', authorEmail: 'a@example.org', status: 'approved' },
    } as any);
    expect((await fromBoth()).body.data.commentCount).toBe(before + 1);
  });
});
