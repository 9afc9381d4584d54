import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, defaultRoleId, roleWith, type AdminSession } from '../helpers/admin';
import { createArticle, createSource, publishArticle, updateArticle } from '../helpers/content';

const app = setupStrapi();
let superAdmin: AdminSession;
const get = (url: string, token?: string) => {
  const test = request(app.server).get(`/api/cited-articles${url}`);
  return token ? test.set('Authorization', `Bearer ${token}`) : test;
};

const createToken = async (type: string, permissions?: string[]) => {
  const token = await (app.strapi as any).service('admin::api-token').create({
    name: `${type}-${Math.random()}`,
    type,
    lifespan: null,
    permissions,
  });
  return token.accessKey as string;
};

beforeAll(async () => {
  superAdmin = await createAdmin(app);
  await createSource(superAdmin, { title: 'Cited source', key: 'cited-source' });
  await createArticle(superAdmin, { title: 'Work in progress', slug: 'work-in-progress', body: 'Draft [@cited-source].', publish: false });
});

describe('draft preview through the content API', () => {
  it('is refused to the public, with a message that says what is needed', async () => {
    for (const url of ['/articles/work-in-progress?status=draft', '/preview/articles/work-in-progress']) {
      const res = await get(url);
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('ForbiddenError');
    }
  });

  it('is refused to a read-only API token', async () => {
    const token = await createToken('read-only');
    const res = await get('/articles/work-in-progress?status=draft', token);
    expect(res.status).toBe(403);
  });

  it('serves the resolved draft to a full-access API token', async () => {
    const token = await createToken('full-access');
    const res = await get('/articles/work-in-progress?status=draft', token);
    expect(res.status).toBe(200);
    expect(res.body.data.publishedAt).toBeNull();
    expect(res.body.data.references[0].source.key).toBe('cited-source');
  });

  it('serves it to a custom token holding the preview action, and only the draft route', async () => {
    const token = await createToken('custom', ['plugin::cited-articles.article.preview']);
    const res = await get('/preview/articles/work-in-progress', token);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Work in progress');
    expect((await get('/articles', token)).status).toBe(403);
  });

  it('still answers 404 to the public for the published route', async () => {
    expect((await get('/articles/work-in-progress')).status).toBe(404);
  });
});

describe('citations list kept in step with the body', () => {
  it('appends sources cited by key but not listed, keeping the listed order', async () => {
    const first = await createSource(superAdmin, { title: 'First listed', key: 'first-listed' });
    await createSource(superAdmin, { title: 'Cited only', key: 'cited-only' });
    const article = await createArticle(superAdmin, {
      title: 'Sync',
      slug: 'sync',
      body: 'A [@cited-only] then [1] then [@first-listed] and [@missing-key].',
      citations: [first.documentId],
      publish: false,
    });
    const readKeys = async (status: 'draft' | 'published') => {
      const doc: any = await app.strapi.documents('plugin::cited-articles.article' as any).findOne({
        documentId: article.documentId,
        status,
        populate: { citations: { fields: ['key'] } } as any,
      });
      return doc?.citations.map((source: any) => source.key);
    };
    expect(await readKeys('draft')).toEqual(['first-listed', 'cited-only']);

    await updateArticle(superAdmin, article.documentId, { body: 'Now [@first-listed] and [@cited-source].' });
    expect(await readKeys('draft')).toEqual(['first-listed', 'cited-only', 'cited-source']);
    await publishArticle(superAdmin, article.documentId);
    expect(await readKeys('published')).toEqual(['first-listed', 'cited-only', 'cited-source']);
  });
});

describe('admin preview route', () => {
  const payload = { body: 'See [@cited-source] and [@nope].', citations: [] as string[], numberingStart: 1 };

  it('resolves an unsaved body for an admin holding the preview action', async () => {
    const res = await superAdmin.post('/cited-articles/preview').send(payload);
    expect(res.status).toBe(200);
    expect(res.body.data.references.map((r: any) => r.source.key)).toEqual(['cited-source']);
    expect(res.body.data.bodyHtml).toContain('<sup id="cite-1-a">');
    expect(res.body.meta.issues.map((issue: any) => issue.code)).toEqual(['unknown-source']);
  });

  it('is open to the default Editor role', async () => {
    const editor = await createAdmin(app, { roles: [await defaultRoleId(app, 'strapi-editor')] });
    expect((await editor.post('/cited-articles/preview').send(payload)).status).toBe(200);
  });

  it('is refused to an admin whose role lacks the action, and to anonymous callers', async () => {
    const outsider = await createAdmin(app, { roles: [await roleWith(app, 'No plugin rights', [])] });
    expect((await outsider.post('/cited-articles/preview').send(payload)).status).toBe(403);
    expect((await request(app.server).post('/cited-articles/preview').send(payload)).status).toBe(401);
  });

  it('answers 400 with the field to fix for a bad request', async () => {
    const res = await superAdmin.post('/cited-articles/preview').send({ body: 42, numberingStart: 3 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path[0]).sort()).toEqual(['body', 'numberingStart']);
  });
});
