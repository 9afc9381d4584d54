import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { createArticle, createComment, createSource, unpublishArticle } from '../helpers/content';
import { PUBLIC_ACTIONS, grantReaderActions } from '@cited-articles/server/src/reader-permissions';
import { authenticatedReaderJwt } from '../helpers/readers';

const app = setupStrapi();
let admin: AdminSession;
const api = (url: string) => request(app.server).get(`/api/cited-articles${url}`);

/** The actions a Users & Permissions role holds. */
const grantedActions = async (type: 'public' | 'authenticated') => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type }, populate: ['permissions'] });
  return role.permissions.map((permission: any) => permission.action as string);
};

const SECRET_EMAIL = 'private-reader@example.org';
const SECRET_HASH = 'ip-hash-that-must-not-leak';

beforeAll(async () => {
  admin = await createAdmin(app);
  const source = await createSource(admin, { title: 'Public Source', key: 'public-source', url: 'https://example.org/a' });
  const article = await createArticle(admin, {
    title: 'Published one',
    slug: 'published-one',
    body: 'Text [@public-source].',
    citations: [source.documentId],
  });
  await createComment(app.strapi, {
    content: 'A visible comment',
    authorName: 'Reader',
    authorEmail: SECRET_EMAIL,
    status: 'approved',
    ipHash: SECRET_HASH,
    moderatedBy: 'moderator@example.org',
    article: article.documentId,
  });
  const draft = await createArticle(admin, { title: 'Draft only', slug: 'draft-only', citations: [source.documentId], publish: false });
  expect(draft.publishedAt).toBeNull();
  const gone = await createArticle(admin, { title: 'Unpublished later', slug: 'unpublished-later', citations: [source.documentId] });
  await unpublishArticle(admin, gone.documentId);
});

describe('Public role', () => {
  it('is granted the plugin read actions at bootstrap', async () => {
    expect(await grantedActions('public')).toEqual(expect.arrayContaining(PUBLIC_ACTIONS));
  });

  it('reads articles and sources without logging in', async () => {
    expect((await api('/articles')).status).toBe(200);
    expect((await api('/articles/published-one')).status).toBe(200);
    expect((await api('/sources/public-source')).status).toBe(200);
  });

  it('keeps a permission an administrator removed, across restarts', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await app.strapi.db.query('plugin::users-permissions.permission').delete({
      where: { role: role.id, action: 'plugin::cited-articles.source.findOne' },
    });
    expect(await grantReaderActions(app.strapi)).toEqual([]);
    const res = await api('/sources/public-source');
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('ForbiddenError');
    await app.strapi.db.query('plugin::users-permissions.permission').create({
      data: { role: role.id, action: 'plugin::cited-articles.source.findOne' },
    });
  });
});

describe('Authenticated role', () => {
  it('is granted the same actions, so a reader who logs in keeps what an anonymous one has', async () => {
    expect(await grantedActions('authenticated')).toEqual(expect.arrayContaining(PUBLIC_ACTIONS));
  });

  it('reads an article with a Users & Permissions JWT', async () => {
    const jwt = await authenticatedReaderJwt(app, 'logged-in-reader');
    const res = await request(app.server).get('/api/cited-articles/articles/published-one').set('Authorization', `Bearer ${jwt}`);
    expect(res.status).toBe(200);
    expect(res.body.data.slug).toBe('published-one');
  });
});

describe('drafts', () => {
  it('never serves an unpublished article', async () => {
    for (const slug of ['draft-only', 'unpublished-later']) {
      const res = await api(`/articles/${slug}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
      expect(res.body.error.message).toContain(slug);
    }
  });

  it('lists only published articles', async () => {
    const res = await api('/articles');
    expect(res.body.data.map((a: any) => a.slug)).toEqual(['published-one']);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });
    expect(res.body.data[0]).toMatchObject({ referenceCount: 1, commentCount: 1 });
  });

  it('lists only published citing articles on a source', async () => {
    const res = await api('/sources/public-source');
    expect(res.body.data.citedBy.map((a: any) => a.slug)).toEqual(['published-one']);
  });
});

describe('bad input', () => {
  it.each([
    ['/articles?page=abc', 'page'],
    ['/articles?page=0', 'page'],
    ['/articles?pageSize=1000', 'pageSize'],
    ['/articles/bad%20slug', 'slug'],
    ['/articles/..%2F..%2Fetc', 'slug'],
    ['/sources/%3Cscript%3E', 'key'],
  ])('%s answers 400 naming %s', async (url, field) => {
    const res = await api(url);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(res.body.error.message).toContain(field);
    expect(res.body.error.details.errors[0].path).toEqual([field]);
  });

  it('answers 404 for an unknown source key', async () => {
    const res = await api('/sources/no-such-source');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('No source has the key "no-such-source".');
  });
});

describe('private fields', () => {
  it('never appear in any public response', async () => {
    const responses = await Promise.all(['/articles', '/articles/published-one', '/sources/public-source'].map((url) => api(url)));
    for (const res of responses) {
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      for (const leak of [SECRET_EMAIL, SECRET_HASH, 'authorEmail', 'ipHash', 'moderatedBy', 'createdBy', 'updatedBy', 'password']) {
        expect(text).not.toContain(leak);
      }
    }
  });
});
