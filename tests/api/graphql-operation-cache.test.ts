/**
 * GraphQL reads answered again from the in-process response cache (graphql/operation-cache.ts):
 * a repeated `citedArticle` costs what `{ __typename }` costs in SQL, an edit is seen at once, the
 * Users & Permissions check still runs on every request, and each caller keeps their own answers.
 */
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';
import { countQueries } from '../helpers/queries';
import { firstError, graphql } from '../helpers/graphql';
import { authenticatedReaderJwt } from '../helpers/readers';

const app = setupStrapi();
let admin: AdminSession;
let article: { documentId: string };
let source: { documentId: string };

const ARTICLE = `query Article($slug: String!) { citedArticle(slug: $slug) { title commentCount references { number source { key title } } } }`;
const read = (slug = 'kept-answer', token?: string) => graphql(app, ARTICLE, { slug }, { token });

beforeAll(async () => {
  admin = await createAdmin(app);
  source = await createSource(admin, { key: 'kept-source', title: 'Kept source', url: 'https://example.org/kept' });
  article = await createArticle(admin, {
    title: 'Kept answer',
    slug: 'kept-answer',
    body: 'A claim [@kept-source].',
    citations: [source.documentId],
  });
});

it('answers a repeated read without executing it: the SQL of `{ __typename }`, the same answer', async () => {
  // The resolver's one call into the plugin, watched (and passed through) to see whether it ran.
  const pages = app.strapi.plugin('cited-articles').service('articles');
  const resolved = jest.spyOn(pages, 'presentPublishedCached');
  try {
    const first = await read();
    expect(first.body.errors).toBeUndefined();
    expect(resolved).toHaveBeenCalledTimes(1);
    const typename = await countQueries(app.strapi, () => graphql(app, '{ __typename }'));
    const again = await countQueries(app.strapi, () => read());
    expect(again.result.body).toEqual(first.body);
    // Sent as the JSON it was kept as: the same bytes as the executed answer.
    expect(again.result.text).toBe(first.text);
    expect(again.count).toBe(typename.count);
    expect(resolved).toHaveBeenCalledTimes(1);
    // Another query text (here, one more field) is another entry, executed once.
    const other = await graphql(app, ARTICLE.replace('title commentCount', 'title slug commentCount'), { slug: 'kept-answer' });
    expect(other.body.data.citedArticle.slug).toBe('kept-answer');
    expect(resolved).toHaveBeenCalledTimes(2);
    // Other variables too.
    await read('no-such-article');
    expect(resolved).toHaveBeenCalledTimes(3);
  } finally {
    resolved.mockRestore();
  }
});

it('serves the edited article right after an edit in the Content Manager, and the source edited', async () => {
  expect((await read()).body.data.citedArticle.title).toBe('Kept answer');
  const edit = await admin
    .put(`/content-manager/collection-types/plugin::cited-articles.article/${article.documentId}`)
    .send({ title: 'Kept answer, edited' });
  expect(edit.status).toBe(200);
  const publish = await admin.post(`/content-manager/collection-types/plugin::cited-articles.article/${article.documentId}/actions/publish`).send({});
  expect(publish.status).toBe(200);
  expect((await read()).body.data.citedArticle.title).toBe('Kept answer, edited');

  const sourceEdit = await admin
    .put(`/content-manager/collection-types/plugin::cited-articles.source/${source.documentId}`)
    .send({ title: 'Kept source, edited' });
  expect(sourceEdit.status).toBe(200);
  expect((await read()).body.data.citedArticle.references[0].source.title).toBe('Kept source, edited');
});

it('still refuses a caller whose role lost the action, though the answer is kept', async () => {
  expect((await read()).body.data.citedArticle).not.toBeNull();
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  const action = 'plugin::cited-articles.article.findOne';
  await app.strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { role: role.id, action } });
  try {
    const refused = await read();
    expect(firstError(refused)?.code).toBe('FORBIDDEN');
    expect(refused.body.data?.citedArticle ?? null).toBeNull();
  } finally {
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { role: role.id, action } });
  }
  expect((await read()).body.data.citedArticle).not.toBeNull();
});

it("keeps a signed-in reader's answers apart from the anonymous ones", async () => {
  const jwt = await authenticatedReaderJwt(app, 'kept-reader');
  await read();
  const pages = app.strapi.plugin('cited-articles').service('articles');
  const resolved = jest.spyOn(pages, 'presentPublishedCached');
  try {
    const signed = await read('kept-answer', jwt);
    expect(signed.body.data.citedArticle.title).toBe('Kept answer, edited');
    // Not the anonymous answer: executed for the reader, then kept for them.
    expect(resolved).toHaveBeenCalledTimes(1);
    await read('kept-answer', jwt);
    expect(resolved).toHaveBeenCalledTimes(1);
    await read();
    expect(resolved).toHaveBeenCalledTimes(1);
  } finally {
    resolved.mockRestore();
  }
});

it('executes again, and keeps nothing, when the answer holds an error', async () => {
  const missing = await read('no-such-article');
  expect(firstError(missing)?.code).toBe('NOT_FOUND');
  const again = await countQueries(app.strapi, () => read('no-such-article'));
  expect(firstError(again.result)?.code).toBe('NOT_FOUND');
  const typename = await countQueries(app.strapi, () => graphql(app, '{ __typename }'));
  expect(again.count).toBeGreaterThan(typename.count);
});
