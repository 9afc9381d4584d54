/**
 * Without Strapi's GraphQL plugin the cited-articles plugin boots and serves its REST API as usual:
 * its GraphQL code is only registered when strapi.plugin('graphql') exists.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { aComment, postComment } from '../helpers/comments';

const app = setupStrapi({ env: { GRAPHQL_ENABLED: 'false', IS_PROXIED: 'true' } });

it('boots without the GraphQL plugin and serves the REST routes', async () => {
  expect(app.strapi.plugin('graphql')).toBeUndefined();
  const admin = await createAdmin(app);
  await createArticle(admin, { title: 'No GraphQL', slug: 'no-graphql', body: 'Text.' });
  const article = await request(app.server).get('/api/cited-articles/articles/no-graphql');
  expect(article.status).toBe(200);
  expect(article.body.data.title).toBe('No GraphQL');
  expect((await postComment(app, 'no-graphql', aComment())).status).toBe(201);
  const graphql = await request(app.server).post('/graphql').send({ query: '{ citedArticles { pagination { total } } }' });
  // No route: Strapi answers 405 (or 404) and no GraphQL answer.
  expect([404, 405]).toContain(graphql.status);
  expect(graphql.body.data?.citedArticles).toBeUndefined();
});
