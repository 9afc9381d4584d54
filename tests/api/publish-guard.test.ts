import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { ARTICLE_UID, createArticle, createSource, updateArticle } from '../helpers/content';

// The option blockPublishOnCitationErrors, through the Content Manager's publish route (the request
// the admin panel's Publish button sends).
const app = setupStrapi();
let admin: AdminSession;
const OPTION = 'plugin::cited-articles.blockPublishOnCitationErrors';
const publish = (documentId: string) => admin.post(`/content-manager/collection-types/${ARTICLE_UID}/${documentId}/actions/publish`).send({});

beforeAll(async () => {
  admin = await createAdmin(app);
  await createSource(admin, { title: 'Known source', key: 'known' });
});
afterEach(() => app.strapi.config.set(OPTION, false));

describe('publishing an article with citation errors', () => {
  it('is allowed by default', async () => {
    expect(app.strapi.config.get(OPTION)).toBe(false);
    const draft = await createArticle(admin, { title: 'Allowed', body: 'See [@nope].', publish: false });
    const res = await publish(draft.documentId);
    expect(res.status).toBe(200);
    expect(res.body.data.publishedAt).not.toBeNull();
  });

  it('is refused with a 400 listing every error when the option is on, and nothing is published', async () => {
    app.strapi.config.set(OPTION, true);
    const draft = await createArticle(admin, {
      title: 'Blocked',
      body: 'See [@known], [@nope] and [7]. Also [@missing].',
      publish: false,
    });
    const res = await publish(draft.documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toMatch(/^This article has 3 citation errors; fix them before publishing\./);
    expect(res.body.error.details.errors.map((error: any) => [error.path, error.code, error.message.split(':')[0]])).toEqual([
      [['body'], 'unknown-source', '[@nope]'],
      [['body'], 'index-out-of-range', '[7]'],
      [['body'], 'unknown-source', '[@missing]'],
    ]);
    const published = await app.strapi.documents(ARTICLE_UID as any).findOne({ documentId: draft.documentId, status: 'published' });
    expect(published).toBeNull();
  });

  it('lets the article through once the errors are fixed; warnings do not block', async () => {
    app.strapi.config.set(OPTION, true);
    const extra = await createSource(admin, { title: 'Listed but unused', key: 'unused' });
    const draft = await createArticle(admin, {
      title: 'Fixed later',
      body: 'See [@nope].',
      citations: [extra.documentId],
      publish: false,
    });
    expect((await publish(draft.documentId)).status).toBe(400);
    await updateArticle(admin, draft.documentId, { body: 'See [@known].' });
    const res = await publish(draft.documentId);
    expect(res.status).toBe(200);
    expect(res.body.data.publishedAt).not.toBeNull();
  });

  it('is announced to the admin panel in the preview answer', async () => {
    const payload = { body: 'See [@nope].' };
    const confirm = await admin.post('/cited-articles/preview').send(payload);
    expect(confirm.body.meta.publishGuard).toBe('confirm');
    expect(confirm.body.meta.issues.map((issue: any) => issue.code)).toEqual(['unknown-source']);
    app.strapi.config.set(OPTION, true);
    expect((await admin.post('/cited-articles/preview').send(payload)).body.meta.publishGuard).toBe('block');
  });
});
