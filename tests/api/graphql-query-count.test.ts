import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { articleWithCitations } from '../helpers/content';
import { countQueries } from '../helpers/queries';
import { graphql } from '../helpers/graphql';

const app = setupStrapi();
const ARTICLE = 'plugin::cited-articles.article';

const QUERY = `query($slug: String!) { citedArticle(slug: $slug) {
  documentId title body bodyHtml commentCount
  citations { id number sourceKey } references { id number formatted source { key title } } issues { code }
} }`;

it('serves citedArticle with the SQL statements of the REST route, whatever the number of citations', async () => {
  await createAdmin(app);
  await articleWithCitations(app.strapi, 1, 'g-');
  await articleWithCitations(app.strapi, 200, 'g-');

  const rest = (slug: string) =>
    countQueries(app.strapi, async () => {
      const res = await request(app.server).get(`/api/cited-articles/articles/${slug}?format=html`);
      expect(res.status).toBe(200);
      return res.body.data;
    });
  const gql = (slug: string) =>
    countQueries(app.strapi, async () => {
      const res = await graphql(app, QUERY, { slug });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.citedArticle;
    });
  // The REST route's own statements, not an in-process cache hit (GraphQL resolves every time).
  app.strapi.config.set('plugin::cited-articles.cache.originCache', false);
  // Warm up: the first request of each API may load permissions, and the first read of an article
  // counts its comments and keeps the count (services/comments/tallies.ts).
  await rest('g-with-1');
  await rest('g-with-200');
  await gql('g-with-1');

  const restSmall = await rest('g-with-1');
  const restLarge = await rest('g-with-200');
  const small = await gql('g-with-1');
  const large = await gql('g-with-200');
  expect(large.result.references).toHaveLength(201);
  expect(small.result.references).toHaveLength(2);
  expect(large.result.bodyHtml).toBe(restLarge.result.bodyHtml);
  expect({ small: small.count, large: large.count }).toEqual({ small: restSmall.count, large: restLarge.count });
  expect(large.count).toBe(small.count);
  // Permissions, article, citations, the kept comment count.
  expect(small.count).toBeLessThanOrEqual(5);
});

it('shares the REST route in-process cache: a repeated citedArticle costs no plugin SQL, and a change shows at once', async () => {
  app.strapi.config.set('plugin::cited-articles.cache.originCache', true);
  const TITLE_QUERY = `query($slug: String!) { citedArticle(slug: $slug) { title commentCount references { number } } }`;
  const ask = () =>
    countQueries(app.strapi, async () => {
      const res = await graphql(app, TITLE_QUERY, { slug: 'g-with-1' });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.citedArticle;
    });
  const miss = await ask();
  const hit = await ask();
  expect(hit.result).toEqual(miss.result);
  // Only Users & Permissions' check of the role may touch the database.
  expect(hit.count).toBeLessThanOrEqual(1);
  expect(hit.count).toBeLessThan(miss.count);

  const article: any = await app.strapi.documents(ARTICLE as any).findFirst({ filters: { slug: 'g-with-1' } as any });
  await app.strapi.documents(ARTICLE as any).update({ documentId: article.documentId, data: { title: 'Retitled' } as any });
  await app.strapi.documents(ARTICLE as any).publish({ documentId: article.documentId });
  await app.strapi.plugin('cited-articles').service('caching').settled();
  expect((await ask()).result.title).toBe('Retitled');
  // REST answers from the entry GraphQL stored, or refills it: either way the new title.
  const rest = await request(app.server).get('/api/cited-articles/articles/g-with-1');
  expect(rest.body.data.title).toBe('Retitled');
});
