/**
 * A page of comments carries at most `repliesPerThread` replies per thread, with the thread's
 * `replyCount` and `moreReplies`; GET /comments/:documentId/replies pages through the rest. A thread
 * of 10,000 approved replies keeps both small and their SQL constant.
 */
import crypto from 'crypto';
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { COMMENT_UID, createArticle, createComment } from '../helpers/content';
import { countQueries } from '../helpers/queries';
import { listComments, setCommentOptions } from '../helpers/comments';

const app = setupStrapi();
const API = '/api/cited-articles';
const BIG = 10_000;
let article: any;
let bigRoot: any;

const seed = (data: Record<string, unknown>) =>
  createComment(app.strapi, { authorName: 'Seeded', authorEmail: 'seed@example.org', status: 'approved', content: 'text', ...data });
const replies = (documentId: string, query = '') => request(app.server).get(`${API}/comments/${documentId}/replies${query}`);
const newDocumentId = () =>
  crypto
    .randomBytes(12)
    .toString('hex')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])
    .slice(0, 24);
const pad = (n: number) => String(n).padStart(5, '0');

/**
 * `count` approved replies to `root`, straight into the tables in batches, with the fields and links
 * the comment route writes: article (link rows and articleDocumentId), parent, depth, threadRoot,
 * status. createdAt grows by a millisecond per reply so that thread order is known.
 */
async function insertReplies(root: any, count: number) {
  const knex = app.strapi.db.connection;
  const meta: any = app.strapi.db.metadata.get(COMMENT_UID as any);
  const articleLink = meta.attributes.article.joinTable;
  const parentLink = meta.attributes.parent.joinTable;
  const articleIds = (await knex(articleLink.name).where(articleLink.joinColumn.name, root.id).select(articleLink.inverseJoinColumn.name)).map(
    (row: any) => row[articleLink.inverseJoinColumn.name]
  );
  const start = Date.parse('2030-01-01T00:00:00Z');
  const rows = Array.from({ length: count }, (_, n) => ({
    document_id: newDocumentId(),
    content: `reply ${pad(n)}`,
    author_name: 'Bulk',
    author_email: 'bulk@example.org',
    status: 'approved',
    depth: 1,
    thread_root: root.documentId,
    article_document_id: article.documentId,
    article_locale: article.locale,
    article_version: `${article.documentId}:${article.locale}`,
    report_count: 0,
    created_at: new Date(start + n),
    updated_at: new Date(start + n),
  }));
  await knex.batchInsert(meta.tableName, rows, 500);
  const inserted = await knex(meta.tableName).where('thread_root', root.documentId).where('author_name', 'Bulk').select('id');
  const links = inserted.flatMap((row: any) =>
    articleIds.map((articleId: number) => ({
      [articleLink.joinColumn.name]: row.id,
      [articleLink.inverseJoinColumn.name]: articleId,
    }))
  );
  await knex.batchInsert(articleLink.name, links, 500);
  const parents = inserted.map((row: any) => ({ [parentLink.joinColumn.name]: row.id, [parentLink.inverseJoinColumn.name]: root.id }));
  await knex.batchInsert(parentLink.name, parents, 500);
}

beforeAll(async () => {
  const admin = await createAdmin(app);
  article = await createArticle(admin, { title: 'Long thread', slug: 'long-thread' });
  bigRoot = await seed({ article: article.documentId, content: 'big root' });
  await seed({ article: article.documentId, content: 'quiet root' });
  await insertReplies(bigRoot, BIG);
  await createArticle(admin, { title: 'Short thread', slug: 'short-thread' });
}, 300_000);

describe('a thread of 10,000 approved replies', () => {
  it('puts 50 of them on the comment page, with the count and a flag for the rest', async () => {
    const started = Date.now();
    const res = await listComments(app, 'long-thread');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000); // a generous guard, not a benchmark
    const [big, quiet] = res.body.data;
    expect(big).toMatchObject({ content: 'big root', replyCount: BIG, moreReplies: true });
    expect(big.replies).toHaveLength(50);
    expect(big.replies.map((reply: any) => reply.content)).toEqual(Array.from({ length: 50 }, (_, n) => `reply ${pad(n)}`));
    expect(quiet).toMatchObject({ content: 'quiet root', replyCount: 0, moreReplies: false, replies: [] });
    expect(res.body.meta.commentCount).toBe(BIG + 2);
    expect(JSON.stringify(res.body).length).toBeLessThan(40_000);
  });

  it('follows comments.repliesPerThread', async () => {
    setCommentOptions(app.strapi, { repliesPerThread: 3 });
    try {
      const [big] = (await listComments(app, 'long-thread')).body.data;
      expect(big.replies.map((reply: any) => reply.content)).toEqual(['reply 00000', 'reply 00001', 'reply 00002']);
      setCommentOptions(app.strapi, { repliesPerThread: 0 });
      const [counted] = (await listComments(app, 'long-thread')).body.data;
      expect(counted).toMatchObject({ replies: [], replyCount: BIG, moreReplies: true });
    } finally {
      setCommentOptions(app.strapi, { repliesPerThread: 50 });
    }
  });

  it('pages through every reply on the replies route, oldest first, each once', async () => {
    const first = await replies(bigRoot.documentId);
    expect(first.status).toBe(200);
    // The default page size is repliesPerThread, so page 2 starts right after the replies the list carries.
    expect(first.body.meta).toEqual({ pagination: { page: 1, pageSize: 50, pageCount: 200, total: BIG }, thread: bigRoot.documentId });
    const second = await replies(bigRoot.documentId, '?page=2');
    expect(second.body.data[0].content).toBe('reply 00050');
    expect(Object.keys(second.body.data[0]).sort()).toEqual(
      ['authorName', 'content', 'contentHtml', 'createdAt', 'deleted', 'depth', 'documentId', 'editedAt', 'parent', 'staff', 'status'].sort()
    );
    expect(second.body.data[0]).toMatchObject({ parent: bigRoot.documentId, depth: 1, status: 'approved' });
    expect(JSON.stringify(second.body)).not.toMatch(/bulk@example\.org|authorEmail|ipHash|threadRoot/);

    const seen: string[] = [];
    for (let page = 1; ; page += 1) {
      const res = await replies(bigRoot.documentId, `?page=${page}&pageSize=100`);
      expect(res.status).toBe(200);
      if (res.body.data.length === 0) break;
      expect(res.body.data.length).toBeLessThanOrEqual(100);
      seen.push(...res.body.data.map((reply: any) => reply.content));
    }
    expect(seen).toEqual(Array.from({ length: BIG }, (_, n) => `reply ${pad(n)}`));
  });

  it('sends the same number of SQL statements for 10,000 replies as for 2, on either route', async () => {
    const short: any = await app.strapi.documents('plugin::cited-articles.article' as any).findFirst({ filters: { slug: 'short-thread' } } as any);
    const shortRoot = await seed({ article: short.documentId, content: 'short root' });
    await seed({ article: short.documentId, parent: shortRoot.documentId, content: 'short reply 1' });
    await seed({ article: short.documentId, parent: shortRoot.documentId, content: 'short reply 2' });
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the Document Service's entry events settle

    const statements = async (call: () => Promise<any>) => {
      const { result, count } = await countQueries(app.strapi, call);
      expect(result.status).toBe(200);
      return count;
    };
    // Pages asked for the first time here (a page size of their own), so that the response cache
    // holds none of them: the statements counted are those of building the page.
    await statements(() => listComments(app, 'short-thread'));
    const shortList = await statements(() => listComments(app, 'short-thread', '?pageSize=23'));
    const longList = await statements(() => listComments(app, 'long-thread', '?pageSize=23'));
    expect(longList).toBe(shortList);
    await statements(() => replies(shortRoot.documentId));
    const shortReplies = await statements(() => replies(shortRoot.documentId, '?pageSize=23'));
    const longReplies = await statements(() => replies(bigRoot.documentId, '?page=150&pageSize=23'));
    expect(longReplies).toBe(shortReplies);
    expect(shortReplies).toBeGreaterThan(1);
    // Asked again: from the response cache, whatever the thread's size.
    expect(await statements(() => replies(bigRoot.documentId, '?page=150&pageSize=23'))).toBeLessThanOrEqual(1);
  });
});

describe('the replies route', () => {
  let root: any;
  let hiddenChild: any;
  beforeAll(async () => {
    const a = article.documentId;
    root = await seed({ article: a, content: 'mixed root' });
    const kept = await seed({ article: a, parent: root.documentId, content: 'kept' });
    const pending = await seed({ article: a, parent: root.documentId, content: 'sent back' });
    hiddenChild = await seed({ article: a, parent: pending.documentId, content: 'under sent back' });
    await seed({ article: a, parent: kept.documentId, content: 'under kept' });
    await seed({ article: a, parent: root.documentId, content: 'rejected', status: 'rejected' });
    // Approved, answered, then sent back to pending (as enough reports do).
    await app.strapi.db.query(COMMENT_UID as any).update({ where: { documentId: pending.documentId }, data: { status: 'pending' } });
  });

  it('leaves out replies below a comment that is no longer approved, on the list and on every page', async () => {
    setCommentOptions(app.strapi, { repliesPerThread: 2 });
    try {
      const mixed = (await listComments(app, 'long-thread')).body.data.find((node: any) => node.content === 'mixed root');
      // Approved: kept, under sent back, under kept. The first two are read; one of them is hidden.
      expect(mixed).toMatchObject({ replyCount: 3, moreReplies: true });
      expect(mixed.replies.map((reply: any) => reply.content)).toEqual(['kept']);

      const page1 = await replies(root.documentId);
      expect(page1.body.data.map((reply: any) => reply.content)).toEqual(['kept']);
      expect(page1.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
      // Its parent is on another page: still shown, because that parent is approved.
      const page2 = await replies(root.documentId, '?page=2');
      expect(page2.body.data.map((reply: any) => reply.content)).toEqual(['under kept']);
      expect(page2.body.data[0].depth).toBe(2);
      const all = JSON.stringify((await replies(root.documentId, '?pageSize=100')).body);
      expect(all).not.toContain('under sent back');
      expect(all).not.toContain('rejected');
    } finally {
      setCommentOptions(app.strapi, { repliesPerThread: 50 });
    }
  });

  it('answers 404 for a reply, a comment that is not approved, an unknown one, or one under an unpublished article', async () => {
    for (const documentId of [hiddenChild.documentId, 'nosuchcomment0000000000']) {
      const res = await replies(documentId);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError', message: expect.stringContaining(documentId) } });
    }
    const draft = await createArticle(await createAdmin(app), { title: 'Draft only', slug: 'draft-only', publish: false });
    const onDraft = await seed({ article: draft.documentId, content: 'on a draft' });
    expect((await replies(onDraft.documentId)).status).toBe(404);
    const pendingRoot = await seed({ article: article.documentId, content: 'pending root', status: 'pending' });
    expect((await replies(pendingRoot.documentId)).status).toBe(404);
  });

  it('answers 400 for bad paging or a malformed documentId', async () => {
    for (const [query, path] of [
      ['?page=0', 'page'],
      ['?pageSize=101', 'pageSize'],
      ['?page=x', 'page'],
    ]) {
      const res = await replies(root.documentId, query);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual([path]);
    }
    const bad = await replies('NOT-AN-ID');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/documentId/);
  });
});
