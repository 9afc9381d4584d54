/**
 * The statements the article list, a comment thread, its replies and the moderation queue cost do
 * not grow with the rows: counted on a small database, then again after a few thousand articles and
 * comments were added in bulk (copies of rows made through the API, inserted with Strapi's
 * connection, as bench/scale-seed.js does at news-site volume on PostgreSQL). Each request asks a
 * page no earlier one asked (its own page size), so the response cache answers none of them.
 */
import crypto from 'crypto';
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { ARTICLE_UID, COMMENT_UID, createArticle, createComment } from '../helpers/content';
import { countQueries } from '../helpers/queries';

const app = setupStrapi();
const ARTICLES = 1500;
const COMMENTS = 4000;
let admin: AdminSession;
let article: { documentId: string };
let root: { documentId: string };
let reply: { documentId: string };
let pageSize = 10;

/** What this test reads of Strapi's model metadata: the table and the relations' join tables. */
interface JoinTable {
  name: string;
  joinColumn: { name: string };
}
interface ModelMeta {
  tableName: string;
  attributes: Record<string, { joinTable: JoinTable }>;
}

/** Statements of one request for each route, each asking a page size not asked before. */
async function statementsPerRoute() {
  pageSize += 1;
  const routes: Record<string, () => PromiseLike<request.Response>> = {
    'article list': () => request(app.server).get(`/api/cited-articles/articles?pageSize=${pageSize}`),
    'article list, last page': async () => {
      // Another page size than the first page's, so that page 1 of a small list is not a cache hit.
      const size = pageSize + 50;
      const first = await request(app.server).get(`/api/cited-articles/articles?pageSize=${size}`);
      return request(app.server).get(`/api/cited-articles/articles?pageSize=${size}&page=${first.body.meta.pagination.pageCount}&x=1`);
    },
    // Newest first: the page holds the thread that has replies, before and after the bulk rows.
    'comment thread': () => request(app.server).get(`/api/cited-articles/articles/busy/comments?pageSize=${pageSize}&sort=newest`),
    replies: () => request(app.server).get(`/api/cited-articles/comments/${root.documentId}/replies?pageSize=${pageSize}`),
    'moderation queue': () => admin.get(`/cited-articles/comments?status=pending&pageSize=${pageSize}`),
    'moderation queue, search': () => admin.get(`/cited-articles/comments?status=pending&q=bulk&pageSize=${pageSize}`),
  };
  const counts: Record<string, number> = {};
  // Each request counts its articles' comments again rather than reading the kept counts
  // (services/comments/tallies.ts): the statements of the costlier path, whose number must not grow either.
  const recount = () => app.strapi.plugin('cited-articles').service('comments').markAllTalliesStale();
  for (const [name, call] of Object.entries(routes)) {
    await recount();
    const { result, count } = await countQueries(app.strapi, async () => call());
    if (name === 'article list, last page') {
      // Only the last request counts (the first one found the page count).
      await recount();
      const again = await countQueries(app.strapi, async () => call());
      counts[name] = again.count;
      expect(again.result.status).toBe(200);
      continue;
    }
    expect(result.status).toBe(200);
    counts[name] = count;
  }
  return counts;
}

/** `count` copies of the row with this id (every column but id and the overrides copied). */
async function copies(table: string, id: number, count: number, override: (i: number) => Record<string, unknown>) {
  const knex = app.strapi.db.connection;
  const { id: _id, ...template } = await knex(table).where({ id }).first();
  const rows = Array.from({ length: count }, (_, i) => ({ ...template, ...override(i) }));
  await knex.batchInsert(table, rows, 200);
}

beforeAll(async () => {
  admin = await createAdmin(app);
  for (let i = 0; i < 3; i++) await createArticle(admin, { title: `Small ${i}`, slug: `small-${i}` });
  article = await createArticle(admin, { title: 'Busy', slug: 'busy' });
  root = await createComment(app.strapi, { article: article.documentId, content: 'Root comment', authorName: 'Root', status: 'approved' });
  reply = await createComment(app.strapi, {
    article: article.documentId,
    parent: root.documentId,
    content: 'A reply',
    authorName: 'Replier',
    status: 'approved',
  });
  await createComment(app.strapi, { article: article.documentId, content: 'A bulk-like pending one', authorName: 'Waiting', status: 'pending' });
});

it('costs the same statements with thousands of articles and comments as with a handful', async () => {
  await statementsPerRoute(); // first requests of a route load permissions
  const small = await statementsPerRoute();

  const meta = (uid: string) => app.strapi.db.metadata.get(uid) as unknown as ModelMeta;
  const knex = app.strapi.db.connection;
  const articleTable = meta(ARTICLE_UID).tableName;
  const commentTable = meta(COMMENT_UID).tableName;
  const link = meta(COMMENT_UID).attributes.article.joinTable;
  const docId = () => crypto.randomBytes(12).toString('hex');

  // Articles: a draft and a published copy of the first small article per new document.
  const draft = await knex(articleTable).where({ slug: 'small-0' }).whereNull('published_at').first('id');
  const published = await knex(articleTable).where({ slug: 'small-0' }).whereNotNull('published_at').first('id');
  const ids = Array.from({ length: ARTICLES }, docId);
  const stamp = (i: number) => new Date(Date.parse('2024-01-01T00:00:00Z') + i * 60_000);
  await copies(articleTable, draft.id, ARTICLES, (i) => ({ document_id: ids[i], slug: `bulk-${i}`, title: `Bulk ${i}` }));
  await copies(articleTable, published.id, ARTICLES, (i) => ({ document_id: ids[i], slug: `bulk-${i}`, title: `Bulk ${i}`, published_at: stamp(i) }));

  // Comments on the busy article: copies of its root (approved, pending or rejected roots) and of
  // its reply (replies in the root's thread, linked to it as their parent).
  const templateOf = async (documentId: string) => (await knex(commentTable).where({ document_id: documentId }).first('id')).id;
  const statuses = ['approved', 'approved', 'pending', 'rejected'];
  await copies(commentTable, await templateOf(root.documentId), COMMENTS, (i) => ({
    document_id: docId(),
    content: `bulk comment ${i}`,
    status: statuses[i % statuses.length],
    held_at: statuses[i % statuses.length] === 'pending' ? stamp(i) : null,
    created_at: stamp(i),
    updated_at: stamp(i),
  }));
  await copies(commentTable, await templateOf(reply.documentId), COMMENTS / 4, (i) => ({
    document_id: docId(),
    content: `bulk reply ${i}`,
    created_at: stamp(i),
    updated_at: stamp(i),
  }));
  // Each copy linked as its template is (to the article's rows; a reply to its parent too).
  const relink = async (joinTable: JoinTable, templateDocumentId: string, pattern: string) => {
    const templateLinks = await knex(joinTable.name)
      .join(commentTable, `${commentTable}.id`, `${joinTable.name}.${joinTable.joinColumn.name}`)
      .where(`${commentTable}.document_id`, templateDocumentId)
      .select(`${joinTable.name}.*`);
    const copied = await knex(commentTable).where('content', 'like', pattern).select('id');
    const rows = copied.flatMap(({ id }: { id: number }) =>
      templateLinks.map((row: Record<string, unknown>) => {
        const { id: _id, ...rest } = row;
        return { ...rest, [joinTable.joinColumn.name]: id };
      })
    );
    await knex.batchInsert(joinTable.name, rows, 200);
  };
  await relink(link, root.documentId, 'bulk comment %');
  await relink(link, reply.documentId, 'bulk reply %');
  await relink(meta(COMMENT_UID).attributes.parent.joinTable, reply.documentId, 'bulk reply %');
  expect(Number(((await knex(commentTable).count({ n: '*' }).first()) as { n: number | string }).n)).toBeGreaterThan(COMMENTS);
  // Nothing above ran a lifecycle: the cached pages from before are dropped by hand, and the kept
  // comment counts marked stale (services/comments/tallies.ts).
  app.strapi.plugin('cited-articles').service('caching').clear();
  await app.strapi.plugin('cited-articles').service('comments').markAllTalliesStale();

  const large = await statementsPerRoute();
  expect(large).toEqual(small);
  // And the pages did grow: these are the routes reading the new rows.
  const list = await request(app.server).get('/api/cited-articles/articles?pageSize=5');
  expect(list.body.meta.pagination.total).toBe(ARTICLES + 4);
  // 1,001 pending comments match (the bulk ones and the one made through the API): past the
  // queue's cap of 1,000, so the total and the pending count read "1,000+", and the pagination
  // offers one page past the capped total. The 1,000 rejected ones are exactly at the cap.
  const queue = await admin.get('/cited-articles/comments?status=pending&q=bulk&pageSize=5');
  expect(queue.body.meta.pagination).toEqual({ page: 1, pageSize: 5, pageCount: 201, total: 1000 });
  expect(queue.body.meta.counts).toEqual({ pending: 1000, approved: 1000, rejected: 1000, spam: 0 });
  expect(queue.body.meta.capped).toEqual({ total: true, counts: { pending: true, approved: true, rejected: false, spam: false } });
});
