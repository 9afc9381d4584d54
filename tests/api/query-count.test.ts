import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { articleWithCitations } from '../helpers/content';
import { countQueries } from '../helpers/queries';

const app = setupStrapi();

it('serves an article with a constant number of queries, whatever its number of citations', async () => {
  await createAdmin(app);
  await articleWithCitations(app.strapi, 1);
  await articleWithCitations(app.strapi, 200);

  const measure = (slug: string) =>
    countQueries(app.strapi, async () => {
      const res = await request(app.server).get(`/api/cited-articles/articles/${slug}${slug.includes('?') ? '&' : '?'}format=html`);
      expect(res.status).toBe(200);
      return res;
    });
  // Warm up: the first request of a route may load permissions, and the first read of an article
  // counts its comments and keeps the count (services/comments/tallies.ts). Another query string,
  // so that the measured requests are not answered by the in-process response cache.
  await measure('with-1?style=apa');
  await measure('with-200?style=apa');
  const small = await measure('with-1');
  const large = await measure('with-200');
  expect(large.result.body.data.references).toHaveLength(201);
  expect(small.result.body.data.references).toHaveLength(2);
  expect(large.count).toBe(small.count);
  // Permissions, article, citations, the kept comment count, and the library lookup for the unlisted key;
  // BEGIN and COMMIT would count too (the route reads through the Query Engine, outside them).
  expect(small.count).toBeLessThanOrEqual(5);

  // Asked again, with nothing changed: from the in-process response cache, no plugin query at all
  // (what is left is Users & Permissions' own check).
  const again = await measure('with-200');
  expect(again.result.headers['x-origin-cache']).toBe('HIT');
  expect(again.result.body).toEqual(large.result.body);
  expect(again.count).toBeLessThan(large.count);
  expect(again.count).toBeLessThanOrEqual(1);
});
