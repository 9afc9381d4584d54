/**
 * Deleting a comment removes it, every reply below it and their reports in one transaction: when a
 * step fails midway, nothing is deleted and the moderator gets an error, not a half-deleted thread.
 */
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle, createComment } from '../helpers/content';
import { listComments, reportComment, setCommentOptions } from '../helpers/comments';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let article: any;
const REPORT_UID = 'plugin::cited-articles.comment-report';
const BASE = '/cited-articles/comments';
const SLUG = 'atomic-deletion';

beforeAll(async () => {
  admin = await createAdmin(app);
  setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 }, reportRateLimit: { points: 1000, durationSeconds: 60 } });
  article = await createArticle(admin, { title: 'Atomic deletion', slug: SLUG, body: 'Text.' });
});

let n = 0;
/** A root, a reply, a reply to the reply, each reported once. */
async function reportedThread() {
  n += 1;
  const author = { status: 'approved', authorName: 'R', authorEmail: 'r@example.org', article: article.documentId };
  const root = await createComment(app.strapi, { ...author, content: `Root ${n}` });
  const child = await createComment(app.strapi, { ...author, parent: root.documentId, content: `Child ${n}` });
  const grandchild = await createComment(app.strapi, { ...author, parent: child.documentId, content: `Grandchild ${n}` });
  const ids = [root.documentId, child.documentId, grandchild.documentId];
  for (const id of ids) expect((await reportComment(app, id, { reason: 'spam' })).status).toBe(201);
  return ids;
}

/** What is stored for these comments: the comments, their reports, and the reports' links to them. */
async function stored(ids: string[]) {
  const comments = await app.strapi.db.query(COMMENT_UID as any).count({ where: { documentId: { $in: ids } } });
  const linkedReports = await app.strapi.db.query(REPORT_UID as any).count({ where: { comment: { documentId: { $in: ids } } } });
  const reports = await app.strapi.db.query(REPORT_UID as any).count({});
  return { comments, linkedReports, reports };
}

/**
 * Makes the Query Engine's `method` on `uid` throw on its `failOn`-th call (once), as a lost
 * connection or a constraint would. The Document Service deletes through the same Query Engine.
 */
function failOnce(uid: string, method: 'delete' | 'deleteMany', failOn: number) {
  const db: any = app.strapi.db;
  const original = db.query;
  let calls = 0;
  db.query = function query(this: any, name: string) {
    const repository = original.call(db, name);
    if (name !== uid) return repository;
    return new Proxy(repository, {
      get(target, property) {
        if (property !== method) return target[property];
        return async (...args: unknown[]) => {
          calls += 1;
          if (calls === failOn) {
            db.query = original;
            throw new Error(`injected failure of ${uid} ${method}`);
          }
          return target[property](...args);
        };
      },
    });
  };
  return () => {
    db.query = original;
  };
}

const single = (ids: string[]) => admin.del(`${BASE}/${ids[0]}`);
const bulk = (ids: string[]) => admin.post(`${BASE}/actions/delete`).send({ documentIds: [ids[0]] });

describe.each([
  ['DELETE /comments/:documentId', single],
  ['POST /comments/actions/delete', bulk],
])('%s', (_route, remove) => {
  it.each([
    ['the second report', REPORT_UID],
    ['the second comment', COMMENT_UID],
  ])('leaves the comment, its replies and their reports in place when deleting %s fails', async (_what, uid) => {
    const ids = await reportedThread();
    const before = await stored(ids);
    expect(before).toMatchObject({ comments: 3, linkedReports: 3 });
    const count = (await listComments(app, SLUG)).body.meta.commentCount;

    const restore = failOnce(uid, 'delete', 2);
    let res;
    try {
      res = await remove(ids);
    } finally {
      restore();
    }
    expect(res.status).toBe(500);
    expect(res.body.data).toBeNull();
    expect(res.body.error).toMatchObject({ status: 500 });

    expect(await stored(ids)).toEqual(before);
    expect((await listComments(app, SLUG)).body.meta.commentCount).toBe(count);
    // The thread is whole: every reply still answers its parent.
    const rows = await app.strapi.db.query(COMMENT_UID as any).findMany({
      where: { documentId: { $in: ids } },
      populate: { parent: { select: ['documentId'] } },
    });
    expect(Object.fromEntries(rows.map((row: any) => [row.documentId, row.parent?.documentId ?? null]))).toEqual({
      [ids[0]]: null,
      [ids[1]]: ids[0],
      [ids[2]]: ids[1],
    });

    // Once nothing fails, the same request deletes all of it.
    const again = await remove(ids);
    expect(again.status).toBe(200);
    expect(await stored(ids)).toEqual({ comments: 0, linkedReports: 0, reports: before.reports - 3 });
    expect((await listComments(app, SLUG)).body.meta.commentCount).toBe(count - 3);
  });
});

describe('a report sent while its comment is being deleted', () => {
  it('is answered 404, and leaves no report behind, once the deletion commits', async () => {
    const comment = await createComment(app.strapi, {
      status: 'approved', authorName: 'R', authorEmail: 'r@example.org', article: article.documentId, content: 'Reported while deleted',
    });
    const reportsBefore = (await stored([comment.documentId])).reports;

    // Hold the deletion's transaction open right after the comment's row is deleted.
    const db: any = app.strapi.db;
    const original = db.query;
    let deleted!: () => void;
    const rowDeleted = new Promise<void>((resolve) => (deleted = resolve));
    let commit!: () => void;
    const gate = new Promise<void>((resolve) => (commit = resolve));
    db.query = function query(name: string) {
      const repository = original.call(db, name);
      if (name !== COMMENT_UID) return repository;
      return new Proxy(repository, {
        get(target, property) {
          if (property !== 'delete') return target[property];
          return async (...args: unknown[]) => {
            const result = await target[property](...args);
            db.query = original;
            deleted();
            await gate;
            return result;
          };
        },
      });
    };
    try {
      const deletion = admin.del(`${BASE}/${comment.documentId}`).then((res) => res);
      await rowDeleted;
      // The reader still sees the comment (the deletion has not committed) and reports it.
      const report = reportComment(app, comment.documentId, { reason: 'abuse' }).then((res) => res);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      commit();
      const [deletionRes, reportRes] = await Promise.all([deletion, report]);
      expect(deletionRes.status).toBe(200);
      expect(reportRes.status).toBe(404);
      expect(reportRes.body).toEqual({
        data: null,
        error: expect.objectContaining({ status: 404, name: 'NotFoundError', message: `No published comment has the documentId "${comment.documentId}".` }),
      });
    } finally {
      db.query = original;
      commit();
    }
    expect(await stored([comment.documentId])).toEqual({ comments: 0, linkedReports: 0, reports: reportsBefore });
  });
});
