import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { ARTICLE_UID, SOURCE_UID } from '../helpers/content';
import { seedDemoContent } from '../../src/bootstrap/demo-content';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi({ seed: false });
});
afterAll(() => stopStrapi(app));

it('is switched off by CITED_ARTICLES_SEED=false', async () => {
  expect(await app.strapi.db.query(ARTICLE_UID as any).count()).toBe(0);
});

it('never writes over existing content', async () => {
  await app.strapi.documents(SOURCE_UID as any).create({ data: { title: 'An editor’s own source' } as any });
  expect(await seedDemoContent(app.strapi)).toBe(false);
  expect(await app.strapi.db.query(SOURCE_UID as any).count()).toBe(1);
  expect(await app.strapi.db.query(ARTICLE_UID as any).count()).toBe(0);
});
