import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { ARTICLE_UID, COMMENT_UID, SOURCE_UID, createArticle, createSource, updateArticle } from '../helpers/content';

const app = setupStrapi();
let admin: AdminSession;

beforeAll(async () => {
  admin = await createAdmin(app);
});

const CM = '/content-manager/collection-types';
const errorPaths = (res: any) => (res.body.error?.details?.errors ?? []).map((error: any) => error.path.join('.'));

describe('content types', () => {
  it('keeps their rows in tables named after the plugin (what a database administrator sees)', async () => {
    for (const table of ['cited_articles_sources', 'cited_articles_articles', 'cited_articles_comments']) {
      expect(await app.strapi.db.connection.schema.hasTable(table)).toBe(true);
    }
  });

  it('refuses, through the Content Manager, a source without a title or of an unknown type', async () => {
    const untitled = await admin.post(`${CM}/${SOURCE_UID}`).send({ url: 'https://untitled.example/' });
    expect(untitled.status).toBe(400);
    expect(errorPaths(untitled)).toContain('title');
    const podcast = await admin.post(`${CM}/${SOURCE_UID}`).send({ title: 'An episode', type: 'podcast' });
    expect(podcast.status).toBe(400);
    expect(errorPaths(podcast)).toContain('type');
    expect(await app.strapi.documents(SOURCE_UID as any).count({ filters: { title: 'An episode' } as any })).toBe(0);
  });

  it('refuses an article numbered from anything but 0 or 1, and gives a new one comments and numbering from 1', async () => {
    const fromTwo = await admin.post(`${CM}/${ARTICLE_UID}`).send({ title: 'Numbered from two', numberingStart: 2 });
    expect(fromTwo.status).toBe(400);
    expect(errorPaths(fromTwo)).toContain('numberingStart');
    const draft = await createArticle(admin, { title: 'With defaults', publish: false });
    expect(draft).toMatchObject({ commentsEnabled: true, numberingStart: 1 });
  });

  it('serves a source as soon as it is saved, and an article only once it is published', async () => {
    const source = await createSource(admin, { title: 'Saved once', type: 'web', url: 'https://saved.example/' });
    const publicSource = await request(app.server).get(`/api/cited-articles/sources/${source.key}`);
    expect(publicSource.status).toBe(200);
    const draft = await createArticle(admin, { title: 'Not yet out', publish: false, citations: [source.documentId] });
    expect((await request(app.server).get(`/api/cited-articles/articles/${draft.slug}`)).status).toBe(404);
    await admin.post(`${CM}/${ARTICLE_UID}/${draft.documentId}/actions/publish`).send({});
    expect((await request(app.server).get(`/api/cited-articles/articles/${draft.slug}`)).status).toBe(200);
  });

  it('shows sources and articles in the Content Manager, and keeps comments for moderation', async () => {
    const res = await admin.get('/content-manager/content-types');
    expect(res.status).toBe(200);
    const visible = res.body.data.filter((type: any) => type.isDisplayed).map((type: any) => type.uid);
    expect(visible).toEqual(expect.arrayContaining([SOURCE_UID, ARTICLE_UID]));
    expect(visible).not.toContain(COMMENT_UID);
  });
});

describe('generated uids', () => {
  it('gives a source created without a key a unique key from its title', async () => {
    const first = await createSource(admin, { title: 'Mine Safety Report 2023' });
    const second = await createSource(admin, { title: 'Mine Safety Report 2023' });
    expect(first.key).toBe('mine-safety-report-2023');
    expect(second.key).toBe('mine-safety-report-2023-1');
  });

  it('gives an article created through the Document Service without a slug one from its title', async () => {
    const doc = await app.strapi.documents(ARTICLE_UID as any).create({ data: { title: 'Héllo, World!' } as any });
    expect((doc as any).slug).toBe('hello-world');
  });

  it('keeps a slug the editor chose', async () => {
    const doc = await createArticle(admin, { title: 'Any title', slug: 'chosen-slug', publish: false });
    expect(doc.slug).toBe('chosen-slug');
  });
});

describe('citations relation', () => {
  it('keeps the order the editor arranges, on the published article', async () => {
    const a = await createSource(admin, { title: 'Source A' });
    const b = await createSource(admin, { title: 'Source B' });
    const c = await createSource(admin, { title: 'Source C' });
    const article = await createArticle(admin, { title: 'Ordered', citations: [a.documentId, b.documentId, c.documentId] });

    const read = async () => {
      const doc: any = await app.strapi.documents(ARTICLE_UID as any).findOne({
        documentId: article.documentId,
        status: 'published',
        populate: { citations: { fields: ['key'] } } as any,
      });
      return doc.citations.map((s: any) => s.key);
    };
    expect(await read()).toEqual(['source-a', 'source-b', 'source-c']);

    // Move C to the front, as the Content Manager's drag and drop does, then publish.
    await updateArticle(admin, article.documentId, {
      citations: { connect: [{ documentId: c.documentId, position: { start: true } }] },
    });
    await admin.post(`/content-manager/collection-types/${ARTICLE_UID}/${article.documentId}/actions/publish`).send({});
    expect(await read()).toEqual(['source-c', 'source-a', 'source-b']);
  });
});
