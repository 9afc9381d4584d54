/**
 * What Strapi's GraphQL schema exposes of the plugin's content types: only the Cited* API. The
 * shadow CRUD Strapi would generate for articles, sources, comments and reports is off, so no
 * draft and no private field can be asked for, whatever a role may read.
 */
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { createArticle, createComment, createSource } from '../helpers/content';
import { firstError, graphql } from '../helpers/graphql';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });

const PRIVATE_FIELDS = [
  'authorEmail',
  'ipHash',
  'reporterHash',
  'fingerprint',
  'moderatedBy',
  'moderatedAt',
  'heldReason',
  'reportCount',
  'articleDocumentId',
];

const INTROSPECTION = `{
  __schema {
    queryType { fields { name args { name } } }
    mutationType { fields { name } }
    types { name kind fields { name } inputFields { name } }
  }
}`;

let schema: any;
beforeAll(async () => {
  const admin = await createAdmin(app);
  const source = await createSource(admin, { key: 'schema-source', title: 'Schema source' });
  const article = await createArticle(admin, {
    title: 'Published title',
    slug: 'schema-article',
    body: 'Claim [@schema-source].',
    citations: [source.documentId],
  });
  // A newer draft of the published article, and an article that was never published.
  await admin.put(`/content-manager/collection-types/plugin::cited-articles.article/${article.documentId}`).send({ title: 'Secret draft title' });
  await createArticle(admin, { title: 'Never published', slug: 'schema-draft', body: 'Draft.', publish: false });
  await createComment(app.strapi, {
    article: article.documentId,
    authorName: 'Ann',
    authorEmail: 'ann@example.org',
    content: 'Approved.',
    status: 'approved',
    ipHash: 'a'.repeat(64),
  });
  const res = await graphql(app, INTROSPECTION);
  expect(res.status).toBe(200);
  schema = res.body.data.__schema;
});

it('exposes the Cited* queries and mutations', () => {
  const queries = schema.queryType.fields.map((field: any) => field.name);
  const mutations = schema.mutationType.fields.map((field: any) => field.name);
  expect(queries).toEqual(expect.arrayContaining(['citedArticle', 'citedArticles', 'citedSource', 'articleComments']));
  expect(mutations).toEqual(expect.arrayContaining(['createArticleComment', 'reportComment']));
});

it('generates no type, query or mutation for the plugin content types', () => {
  const names = schema.types.map((type: any) => type.name);
  // Strapi would name them CitedArticlesArticle, CitedArticlesComment, CitedArticlesCommentReport, ...
  expect(names.filter((name: string) => name.startsWith('CitedArticles'))).toEqual([]);
  const fields = [...schema.queryType.fields, ...schema.mutationType.fields].map((field: any) => field.name);
  expect(fields.filter((name: string) => /citedArticles(?:Article|Source|Comment)/i.test(name))).toEqual([]);
});

it('prefixes every type of the plugin with Cited', () => {
  const ours = schema.types.filter((type: any) => /Cited|Comment|Citation|Reference/.test(type.name));
  expect(ours.length).toBeGreaterThan(5);
  for (const type of ours) expect(type.name).toMatch(/^Cited/);
});

it('has no private field in any type it answers with, nor in any filter', () => {
  // Output fields of every type, and input fields except the comment a reader posts (its email).
  const fieldNames = schema.types.flatMap((type: any) =>
    [...(type.fields ?? []), ...(type.name === 'CitedCommentInput' ? [] : (type.inputFields ?? []))].map((field: any) => field.name)
  );
  for (const name of PRIVATE_FIELDS) expect(fieldNames).not.toContain(name);
  const input = schema.types.find((type: any) => type.name === 'CitedCommentInput');
  expect(input.inputFields.map((field: any) => field.name).sort()).toEqual([
    'authorEmail',
    'authorName',
    'content',
    'homepage',
    'notifyReplies',
    'parent',
  ]);
});

it('cannot be asked for a draft through generated queries', async () => {
  const res = await graphql(app, '{ citedArticlesArticles(status: DRAFT) { title body } }');
  expect(JSON.stringify(res.body)).not.toContain('Secret draft title');
  expect(JSON.stringify(res.body)).not.toContain('Never published');
  expect(res.body.data?.citedArticlesArticles).toBeUndefined();
  expect(firstError(res)?.message).toMatch(/Cannot query field "citedArticlesArticles"/);
});

it('serves the published version only, through the Cited* queries', async () => {
  const article = await graphql(app, '{ citedArticle(slug: "schema-article") { title } }');
  expect(article.body.data.citedArticle.title).toBe('Published title');
  const never = await graphql(app, '{ citedArticle(slug: "schema-draft") { title } }');
  expect(never.body.data.citedArticle).toBeNull();
  expect(firstError(never)?.code).toBe('NOT_FOUND');
  const list = await graphql(app, '{ citedArticles { data { title } pagination { total } } }');
  expect(list.body.data.citedArticles.data.map((a: any) => a.title)).toEqual(['Published title']);
  const source = await graphql(app, '{ citedSource(key: "schema-source") { citedBy { title } } }');
  expect(source.body.data.citedSource.citedBy.map((a: any) => a.title)).toEqual(['Published title']);
});
