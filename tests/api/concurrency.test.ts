/**
 * Many requests at once on one article: posts, moderation decisions, reports and deletions running
 * together. (200 simultaneous posts on their own are in comments-flood.test.ts.) Whatever order the
 * database runs them in, every accepted comment is stored once and every count agrees with the rows.
 */
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle } from '../helpers/content';
import { aComment, listComments, nextIp, postComment, reportComment, setCommentOptions } from '../helpers/comments';
import request from 'supertest';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let moderators: AdminSession[];
const MODERATE = '/cited-articles/comments/actions/moderate';

const rowsOf = async (articleDocumentId: string) =>
  app.strapi.db.query(COMMENT_UID as any).findMany({
    where: { article: { documentId: articleDocumentId } },
    select: ['documentId', 'content', 'status', 'reportCount'],
  });

/** The per-status counts the moderation queue reports, and the public counts, against the rows. */
async function expectCountsMatchRows(slug: string, articleDocumentId: string) {
  const rows = await rowsOf(articleDocumentId);
  const byStatus = { pending: 0, approved: 0, rejected: 0, spam: 0 } as Record<string, number>;
  for (const row of rows) byStatus[row.status] += 1;

  const queue = await admin.get(`/cited-articles/comments?article=${articleDocumentId}&pageSize=1`);
  expect(queue.status).toBe(200);
  expect(queue.body.meta.counts).toEqual(byStatus);
  expect(queue.body.meta.pagination.total).toBe(rows.length);

  const article = await request(app.server).get(`/api/cited-articles/articles/${slug}`);
  expect(article.body.data.commentCount).toBe(byStatus.approved);
  const list = await listComments(app, slug, '?pageSize=100');
  expect(list.body.meta.pagination.total).toBeLessThanOrEqual(byStatus.approved);
  return { rows, byStatus };
}

beforeAll(async () => {
  admin = await createAdmin(app);
  moderators = [admin, await createAdmin(app), await createAdmin(app)];
  setCommentOptions(app.strapi, { rateLimit: { points: 100000, durationSeconds: 60 }, moderation: 'pre' });
});

describe('posting while moderating', () => {
  it('stores each of 300 accepted posts once while three moderators decide on the earlier ones', async () => {
    const article = await createArticle(admin, { title: 'Busy', slug: 'busy' });
    const first = await Promise.all(Array.from({ length: 60 }, () => postComment(app, 'busy', aComment())));
    expect(first.map((res) => res.status)).toEqual(Array(60).fill(201));
    const early = first.map((res) => res.body.data.documentId as string);

    const decisions = ['approved', 'rejected', 'spam'];
    const bodies = Array.from({ length: 240 }, () => aComment());
    const [posts, moderations] = await Promise.all([
      Promise.all(bodies.map((body) => postComment(app, 'busy', body))),
      Promise.all(
        early.map((documentId, index) => moderators[index % 3].post(MODERATE).send({ documentIds: [documentId], status: decisions[index % 3] }))
      ),
    ]);
    expect(posts.map((res) => res.status)).toEqual(Array(240).fill(201));
    expect(moderations.map((res) => res.status)).toEqual(Array(60).fill(200));

    const { rows, byStatus } = await expectCountsMatchRows('busy', article.documentId);
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((row: any) => row.documentId)).size).toBe(300);
    expect(new Set(rows.map((row: any) => row.content))).toEqual(
      new Set([...first.map((res) => res.body.data.content), ...bodies.map((body) => body.content)])
    );
    expect(byStatus).toEqual({ pending: 240, approved: 20, rejected: 20, spam: 20 });
    const list = await listComments(app, 'busy', '?pageSize=100');
    expect(list.body.meta.pagination.total).toBe(20);
    // 300 posts and 60 decisions take a while when the machine is busy with other test files; this
    // test is about what ends up stored, not about speed (the benchmarks measure that).
  }, 180_000);
});

describe('conflicting moderation', () => {
  it('ends with one of the decisions when many moderators decide on the same comments at once', async () => {
    const article = await createArticle(admin, { title: 'Contested', slug: 'contested' });
    const posted = await Promise.all(Array.from({ length: 20 }, () => postComment(app, 'contested', aComment())));
    const ids = posted.map((res) => res.body.data.documentId as string);

    const decisions = ['approved', 'rejected', 'spam', 'approved', 'rejected', 'spam'];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        moderators[index % 3].post(MODERATE).send({ documentIds: ids, status: decisions[index % decisions.length] })
      )
    );
    expect(results.map((res) => res.status)).toEqual(Array(60).fill(200));

    const { rows, byStatus } = await expectCountsMatchRows('contested', article.documentId);
    expect(rows).toHaveLength(20);
    expect(rows.every((row: any) => ['approved', 'rejected', 'spam'].includes(row.status))).toBe(true);
    expect(byStatus.pending).toBe(0);
  });

  it('answers 200 or 404, never 500, to deletions racing decisions and reports, and keeps counts right', async () => {
    const article = await createArticle(admin, { title: 'Racing', slug: 'racing' });
    const posted = await Promise.all(Array.from({ length: 30 }, () => postComment(app, 'racing', aComment())));
    const ids = posted.map((res) => res.body.data.documentId as string);
    await admin.post(MODERATE).send({ documentIds: ids, status: 'approved' }).expect(200);

    const doomed = ids.slice(0, 10);
    const calls = [
      ...doomed.flatMap((id) => [
        admin.del(`/cited-articles/comments/${id}`),
        moderators[1].del(`/cited-articles/comments/${id}`),
        moderators[2].post(MODERATE).send({ documentIds: [id], status: 'spam' }),
        reportComment(app, id, { reason: 'spam' }, nextIp()),
      ]),
      ...ids
        .slice(10)
        .flatMap((id) => [
          reportComment(app, id, { reason: 'abuse' }, nextIp()),
          moderators[index(id) % 3].post(MODERATE).send({ documentIds: [id], status: 'approved' }),
        ]),
    ];
    const results = await Promise.all(calls);
    for (const res of results) {
      expect([200, 201, 404]).toContain(res.status);
      if (res.status === 404) expect(res.body.error.message).toMatch(/comment/i);
    }

    const { rows, byStatus } = await expectCountsMatchRows('racing', article.documentId);
    expect(rows.map((row: any) => row.documentId).sort()).toEqual(ids.slice(10).sort());
    expect(byStatus.approved).toBe(20);
    // One report each, all settled or counted once: never more than the number of reporters.
    expect(rows.every((row: any) => (row.reportCount ?? 0) <= 1)).toBe(true);
    const reports = await app.strapi.db.connection('cited_articles_comment_reports').count({ count: '*' });
    expect(Number(reports[0].count)).toBe(20);
  });
});

const index = (id: string) => id.charCodeAt(0);
