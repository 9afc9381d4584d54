/**
 * An article's approved-comment counts are kept (services/comments/tallies.ts) instead of counted
 * on every read of the article list, the article and its thread: a kept count is read by its key,
 * and every comment write that changes a count, through any API, makes the next read count again.
 * Read through the routes a frontend and the admin use; the response cache is emptied before each
 * read, so that every answer is computed.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle, createComment } from '../helpers/content';
import { aComment, postComment, setCommentOptions } from '../helpers/comments';
import { countQueries } from '../helpers/queries';
import { commentTalliesRepository } from '@cited-articles/server/src/repositories/comment-tallies';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
const TALLY_UID = 'plugin::cited-articles.comment-tally';
let admin: AdminSession;
let article: { documentId: string };

const fresh = () => app.strapi.plugin('cited-articles').service('caching').clear();

/** The counts every reader sees: the thread's, the article's and the list's. */
async function countsSeen() {
  fresh();
  const thread = await request(app.server).get('/api/cited-articles/articles/tallied/comments?pageSize=5');
  const page = await request(app.server).get('/api/cited-articles/articles/tallied');
  const list = await request(app.server).get('/api/cited-articles/articles?pageSize=50');
  expect([thread.status, page.status, list.status]).toEqual([200, 200, 200]);
  const listed = list.body.data.find((entry: any) => entry.slug === 'tallied');
  return {
    thread: thread.body.meta.commentCount,
    roots: thread.body.meta.pagination.total,
    article: page.body.data.commentCount,
    list: listed.commentCount,
  };
}

const expectCounts = async (all: number, roots = all) => {
  expect(await countsSeen()).toEqual({ thread: all, roots, article: all, list: all });
};

const moderate = async (documentIds: string[], status: string) => {
  const res = await admin.post('/cited-articles/comments/actions/moderate').send({ documentIds, status });
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  admin = await createAdmin(app);
  setCommentOptions(app.strapi, { moderation: 'pre', rateLimit: { points: 1000, durationSeconds: 60 } });
  article = await createArticle(admin, { title: 'Tallied', slug: 'tallied', body: 'Counted once.' });
});

it('follows posting, moderation, replies and deletion, whichever API wrote', async () => {
  await expectCounts(0);

  // Pre-moderation: a pending comment changes no count; its approval does.
  const first = await postComment(app, 'tallied', aComment());
  expect(first.status).toBe(201);
  await expectCounts(0);
  await moderate([first.body.data.documentId], 'approved');
  await expectCounts(1);

  // Post-moderation: approved as it is posted; a reply is a comment but not a root.
  setCommentOptions(app.strapi, { moderation: 'post' });
  try {
    const second = await postComment(app, 'tallied', aComment());
    await expectCounts(2);
    const reply = await postComment(app, 'tallied', aComment({ parent: second.body.data.documentId }));
    expect(reply.status).toBe(201);
    await expectCounts(3, 2);

    // Sent back by a moderator; a comment deleted.
    await moderate([reply.body.data.documentId], 'rejected');
    await expectCounts(2);
    const deleted = await admin.post('/cited-articles/comments/actions/delete').send({ documentIds: [first.body.data.documentId] });
    expect(deleted.status).toBe(200);
    await expectCounts(1);
  } finally {
    setCommentOptions(app.strapi, { moderation: 'pre' });
  }

  // The Document Service, as another plugin or a script writes.
  const direct = await createComment(app.strapi, { article: article.documentId, content: 'From a script', authorName: 'Script', status: 'approved' });
  await expectCounts(2);
  await app.strapi.documents(COMMENT_UID as any).update({ documentId: direct.documentId, data: { status: 'spam' } as any });
  await expectCounts(1);
  // And the Query Engine's bulk write.
  await app.strapi.db.query(COMMENT_UID as any).updateMany({ where: { documentId: direct.documentId }, data: { status: 'approved' } });
  await expectCounts(2);
});

it('reads a kept count instead of counting again', async () => {
  await countsSeen(); // kept now
  const measure = async () => {
    fresh();
    return (await countQueries(app.strapi, () => request(app.server).get('/api/cited-articles/articles/tallied/comments?pageSize=7'))).count;
  };
  const kept = await measure();
  await app.strapi.plugin('cited-articles').service('comments').markAllTalliesStale();
  const recounted = await measure();
  // A recount reads the kept row, adds missing rows, counts, and keeps the count: three more.
  expect(recounted).toBe(kept + 3);
  expect(await measure()).toBe(kept);
});

it('does not keep a count made before a write that marked it stale', async () => {
  await countsSeen();
  const tallies = () => app.strapi.db.query(TALLY_UID as any);
  const before = await tallies().findOne({ where: { articleDocumentId: article.documentId } });
  expect(before).toMatchObject({ fresh: true, approved: 2 });

  // A write lands between a reader's read of the row and its store: the store must not apply.
  await moderate(
    [(await createComment(app.strapi, { article: article.documentId, content: 'Late', authorName: 'Late', status: 'pending' })).documentId],
    'approved'
  );
  const marked = await tallies().findOne({ where: { articleDocumentId: article.documentId } });
  expect(marked.generation).toBeGreaterThan(before.generation);
  expect(Boolean(marked.fresh)).toBe(false);

  await commentTalliesRepository(app.strapi).store(
    [{ version: before.articleVersion, generation: before.generation, counts: { all: 2, roots: 2 } }],
    Date.now()
  );
  expect(await tallies().findOne({ where: { articleDocumentId: article.documentId } })).toMatchObject({ generation: marked.generation });
  expect(Boolean((await tallies().findOne({ where: { articleDocumentId: article.documentId } })).fresh)).toBe(false);
  await expectCounts(3);
});

it('counts again once a kept count is ten minutes old (writes made around Strapi)', async () => {
  // A comment approved with SQL, which no lifecycle sees: the kept count stays until it expires.
  const table = app.strapi.db.metadata.get(COMMENT_UID as any).tableName;
  const pending = await createComment(app.strapi, { article: article.documentId, content: 'By hand', authorName: 'Hand', status: 'pending' });
  await expectCounts(3);
  await app.strapi.db.connection(table).where({ document_id: pending.documentId }).update({ status: 'approved' });
  await expectCounts(3);

  const tallyTable = app.strapi.db.metadata.get(TALLY_UID as any).tableName;
  await app.strapi.db.connection(tallyTable).update({ counted_at: Date.now() - 11 * 60_000 });
  await expectCounts(4);
});
