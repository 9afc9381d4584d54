import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle, unpublishArticle } from '../helpers/content';
import { aComment, listComments, nextIp, postComment, reportComment, setCommentOptions } from '../helpers/comments';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let article: any;

const approve = (documentIds: string[]) =>
  admin.post('/cited-articles/comments/actions/moderate').send({ documentIds, status: 'approved' });

beforeAll(async () => {
  admin = await createAdmin(app);
  setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 } });
  article = await createArticle(admin, { title: 'Comments open', slug: 'comments-open', body: 'Text.' });
});

describe('the life of a comment', () => {
  it('is posted pending, hidden, approved, shown, counted, reported back to pending', async () => {
    setCommentOptions(app.strapi, { reportThreshold: 2 });
    const posted = await postComment(app, 'comments-open', {
      authorName: '  Ada   Lovelace ', authorEmail: 'Ada@Example.org', content: 'First!\r\nGreat piece.',
    });
    expect(posted.status).toBe(201);
    expect(posted.body.data).toEqual({
      documentId: expect.any(String), parent: null, depth: 0, authorName: 'Ada Lovelace',
      content: 'First!\nGreat piece.', contentHtml: '<p>First!<br>Great piece.</p>', status: 'pending',
      createdAt: expect.any(String),
    });
    const { documentId } = posted.body.data;
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId, populate: ['article'] } as any);
    expect(stored).toMatchObject({ status: 'pending', authorEmail: 'ada@example.org', article: { documentId: article.documentId } });
    expect(stored.ipHash).toMatch(/^[0-9a-f]{64}$/);

    // Pending: not listed, not counted.
    let list = await listComments(app, 'comments-open');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    expect(list.body.meta.commentCount).toBe(0);
    expect((await request(app.server).get('/api/cited-articles/articles/comments-open')).body.data.commentCount).toBe(0);

    // Approved: listed and counted everywhere.
    expect((await approve([documentId])).status).toBe(200);
    list = await listComments(app, 'comments-open');
    expect(list.body.data.map((c: any) => c.documentId)).toEqual([documentId]);
    expect(list.body.data[0]).toMatchObject({ status: 'approved', replies: [] });
    expect(list.body.meta).toEqual({
      pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 }, sort: 'oldest', commentCount: 1,
    });
    expect((await request(app.server).get('/api/cited-articles/articles/comments-open')).body.data.commentCount).toBe(1);
    const summary = (await request(app.server).get('/api/cited-articles/articles')).body.data.find((a: any) => a.slug === 'comments-open');
    expect(summary.commentCount).toBe(1);

    // Reported: one report per reporter counts; at the threshold it goes back to pending.
    const reporter = nextIp();
    expect((await reportComment(app, documentId, { reason: 'spam' }, reporter)).status).toBe(201);
    const again = await reportComment(app, documentId, { reason: 'abuse' }, reporter);
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ comment: documentId, reason: 'abuse', counted: false });
    expect((await listComments(app, 'comments-open')).body.meta.commentCount).toBe(1);
    expect((await reportComment(app, documentId, { reason: 'abuse', details: 'Insults' })).status).toBe(201);

    list = await listComments(app, 'comments-open');
    expect(list.body.data).toEqual([]);
    expect(list.body.meta.commentCount).toBe(0);
    const back: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId } as any);
    expect(back).toMatchObject({ status: 'pending', reportCount: 2, heldReason: 'reports' });

    // A moderator approves it again: its reports are settled and it no longer counts them.
    await approve([documentId]);
    expect((await listComments(app, 'comments-open')).body.meta.commentCount).toBe(1);
    expect((await reportComment(app, documentId, { reason: 'spam' })).status).toBe(201);
    expect((await listComments(app, 'comments-open')).body.meta.commentCount).toBe(1);
    setCommentOptions(app.strapi, { reportThreshold: 3 });
  });

  it('counts simultaneous reports from different readers one each', async () => {
    const { body } = await postComment(app, 'comments-open', aComment());
    await approve([body.data.documentId]);
    setCommentOptions(app.strapi, { reportThreshold: 100 });
    const results = await Promise.all(
      Array.from({ length: 12 }, () => reportComment(app, body.data.documentId, { reason: 'spam' }))
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId: body.data.documentId } as any);
    expect(stored.reportCount).toBe(12);
    setCommentOptions(app.strapi, { reportThreshold: 3 });
  });

  it('counts simultaneous reports from one reader once', async () => {
    const { body } = await postComment(app, 'comments-open', aComment());
    await approve([body.data.documentId]);
    const ip = nextIp();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => reportComment(app, body.data.documentId, { reason: 'spam' }, ip))
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(7);
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId: body.data.documentId } as any);
    expect(stored.reportCount).toBe(1);
  });
});
