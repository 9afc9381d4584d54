import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { ARTICLE_UID, COMMENT_UID, SOURCE_UID } from '../helpers/content';
import { seedDemoContent } from '../../src/bootstrap/demo-content';

const app = setupStrapi({ seed: true });

const counts = async () => ({
  sources: await app.strapi.db.query(SOURCE_UID as any).count(),
  articles: await app.strapi.documents(ARTICLE_UID as any).count({ status: 'published' }),
  comments: await app.strapi.db.query(COMMENT_UID as any).count(),
});

it('creates the demo sources, articles and comments on an empty database', async () => {
  expect(await counts()).toEqual({ sources: 9, articles: 3, comments: 8 });
});

it('has the coal mine article in French too, with its own thread and references in French', async () => {
  const res = await request(app.server).get('/api/cited-articles/articles/effondrement-mine-charbon-mongolie-interieure?locale=fr&style=mla');
  expect(res.status).toBe(200);
  const en = await request(app.server).get('/api/cited-articles/articles/inner-mongolia-coal-mine-collapse');
  expect(res.body.data).toMatchObject({ documentId: en.body.data.documentId, locale: 'fr', numberingStart: 0, commentCount: 3 });
  expect(res.body.data.references.map((reference: any) => reference.source.key)).toEqual(
    en.body.data.references.map((reference: any) => reference.source.key)
  );
  expect(res.body.meta).toMatchObject({ locale: 'fr', referenceLocale: 'fr-FR', issues: [] });
  expect(res.body.data.references[0].formatted).toContain('22 février 2023');
  const thread = await request(app.server).get('/api/cited-articles/articles/effondrement-mine-charbon-mongolie-interieure/comments?locale=fr');
  expect(thread.body.data.map((comment: any) => comment.authorName)).toEqual(['Claire D.', 'Julien']);
  expect(thread.body.data[1].replies.map((comment: any) => comment.authorName)).toEqual(['Awa']);
});

it('serves the coal mine article with numberingStart 0 and its six sources in order', async () => {
  const res = await request(app.server).get('/api/cited-articles/articles/inner-mongolia-coal-mine-collapse');
  expect(res.status).toBe(200);
  expect(res.body.data.numberingStart).toBe(0);
  expect(res.body.data.body).toContain('[0]');
  expect(res.body.data.body).toContain('[5]');
  expect(res.body.data.commentCount).toBe(3);
});

it('has a second article that cites by key', async () => {
  const res = await request(app.server).get('/api/cited-articles/articles/alxa-league-mine-disaster-explained');
  expect(res.status).toBe(200);
  expect(res.body.data.body).toMatch(/\[@guardian-2023\]/);
});

it('has an article citing a journal article, an organisation report and an edited book', async () => {
  const res = await request(app.server).get('/api/cited-articles/articles/why-mine-rescues-succeed-or-fail');
  expect(res.status).toBe(200);
  expect(res.body.meta.issues).toEqual([]);
  const sources = res.body.data.references.map((reference: any) => reference.source);
  expect(sources.map((source: any) => source.key)).toEqual(['van-dijk-2021', 'guardian-2023', 'who-mining-2004', 'coal-communities-2019']);
  const [journal, , report, book] = sources;
  expect(journal).toMatchObject({
    type: 'journal',
    containerTitle: 'Journal of Mine Safety Research',
    authors: [
      { family: 'Dijk', given: 'Pieter', 'non-dropping-particle': 'van' },
      { family: 'Okafor', given: 'Chinedu' },
      { family: 'Miller', given: 'James', suffix: 'Jr.' },
    ],
    volume: '14',
    publishedDate: '2021-06',
  });
  expect(report).toMatchObject({
    type: 'report',
    authors: [{ literal: 'World Health Organization' }],
    number: 'WHO/OCH/04.2',
    publisherPlace: 'Geneva',
  });
  expect(book).toMatchObject({
    type: 'book',
    authors: [],
    editors: [
      { family: 'Lindqvist', given: 'Maria' },
      { family: 'Chen', given: 'Wei' },
    ],
    edition: '2',
  });
  expect(book.isbn).toBe('978-1-234-56789-7');
});

it('never runs twice', async () => {
  expect(await seedDemoContent(app.strapi)).toBe(false);
  expect(await counts()).toEqual({ sources: 9, articles: 3, comments: 8 });
});
