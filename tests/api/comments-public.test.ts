import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle, unpublishArticle } from '../helpers/content';
import { aComment, listComments, nextIp, postComment, reportComment, setCommentOptions } from '../helpers/comments';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let article: any;

const approve = (documentIds: string[]) => admin.post('/cited-articles/comments/actions/moderate').send({ documentIds, status: 'approved' });

beforeAll(async () => {
  admin = await createAdmin(app);
  setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 } });
  article = await createArticle(admin, { title: 'Comments open', slug: 'comments-open', body: 'Text.' });
});

describe('the life of a comment', () => {
  it('is posted pending, hidden, approved, shown, counted, reported back to pending', async () => {
    setCommentOptions(app.strapi, { reportThreshold: 2 });
    const posted = await postComment(app, 'comments-open', {
      authorName: '  Ada   Lovelace ',
      authorEmail: 'Ada@Example.org',
      content: 'First!\r\nGreat piece.',
    });
    expect(posted.status).toBe(201);
    expect(posted.body.data).toEqual({
      documentId: expect.any(String),
      parent: null,
      depth: 0,
      authorName: 'Ada Lovelace',
      content: 'First!\nGreat piece.',
      contentHtml: '<p>First!<br>Great piece.</p>',
      status: 'pending',
      createdAt: expect.any(String),
      editedAt: null,
      deleted: false,
      staff: false,
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
      pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 },
      sort: 'oldest',
      commentCount: 1,
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
    const results = await Promise.all(Array.from({ length: 12 }, () => reportComment(app, body.data.documentId, { reason: 'spam' })));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId: body.data.documentId } as any);
    expect(stored.reportCount).toBe(12);
    setCommentOptions(app.strapi, { reportThreshold: 3 });
  });

  it('counts simultaneous reports from one reader once', async () => {
    const { body } = await postComment(app, 'comments-open', aComment());
    await approve([body.data.documentId]);
    const ip = nextIp();
    const results = await Promise.all(Array.from({ length: 8 }, () => reportComment(app, body.data.documentId, { reason: 'spam' }, ip)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(7);
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId: body.data.documentId } as any);
    expect(stored.reportCount).toBe(1);
  });
});

describe('errors', () => {
  const expectError = (res: any, status: number, name: string) => {
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ data: null, error: { status, name, message: expect.any(String), details: expect.anything() } });
  };

  it('answers 404 for an unknown or unpublished article', async () => {
    const draft = await createArticle(admin, { title: 'Draft', slug: 'draft-article', publish: false });
    const gone = await createArticle(admin, { title: 'Gone', slug: 'gone-article' });
    await unpublishArticle(admin, gone.documentId);
    for (const slug of ['no-such-article', draft.slug, 'gone-article']) {
      const res = await postComment(app, slug, aComment());
      expectError(res, 404, 'NotFoundError');
      expect(res.body.error.message).toBe(`No published article has the slug "${slug}".`);
      expectError(await listComments(app, slug), 404, 'NotFoundError');
    }
  });

  it('answers 403 when comments are disabled on the article', async () => {
    await createArticle(admin, { title: 'Closed', slug: 'closed-article', commentsEnabled: false });
    const res = await postComment(app, 'closed-article', aComment());
    expectError(res, 403, 'ForbiddenError');
    expect(res.body.error.message).toBe('Comments are closed on this article.');
  });

  it('answers 403 once the article is older than closeAfterDays', async () => {
    const old = await createArticle(admin, { title: 'Old news', slug: 'old-news' });
    await app.strapi.db.query('plugin::cited-articles.article' as any).updateMany({
      where: { documentId: old.documentId, publishedAt: { $notNull: true } },
      data: { publishedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) },
    });
    expect((await postComment(app, 'old-news', aComment())).status).toBe(201);
    setCommentOptions(app.strapi, { closeAfterDays: 30 });
    try {
      const res = await postComment(app, 'old-news', aComment());
      expectError(res, 403, 'ForbiddenError');
      expect(res.body.error.message).toBe('Comments close 30 days after an article is published.');
      expect((await postComment(app, 'comments-open', aComment())).status).toBe(201);
    } finally {
      setCommentOptions(app.strapi, { closeAfterDays: null });
    }
  });

  it.each([
    ['empty content', 'content', { content: '' }, 'content is required'],
    ['blank content', 'content', { content: '  \n\t \u200b ' }, 'content is required'],
    ['too long content', 'content', { content: 'x'.repeat(3001) }, 'content is at most 3000 characters'],
    ['content not text', 'content', { content: 42 }, 'content is required'],
    ['empty name', 'authorName', { authorName: '' }, 'authorName is required'],
    ['too long name', 'authorName', { authorName: 'n'.repeat(101) }, 'authorName is at most 100 characters'],
    ['bad email', 'authorEmail', { authorEmail: 'not-an-email' }, 'authorEmail must be a valid email address'],
    ['no email', 'authorEmail', { authorEmail: undefined }, 'authorEmail is required'],
    ['malformed parent', 'parent', { parent: 'not a documentId!' }, 'parent must be a documentId (letters and digits)'],
    ['unknown parent', 'parent', { parent: 'abcdefghijklmnopqrstuvwx' }, 'no approved comment has this documentId'],
  ])('answers 400 for %s, naming %s', async (_label, field, override, message) => {
    const res = await postComment(app, 'comments-open', aComment(override));
    expectError(res, 400, 'ValidationError');
    expect(res.body.error.message).toBe(`Invalid comment. ${field}: ${message}`);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: [field], message });
  });

  it('answers 400 for a parent on another article, a pending parent, and a reply too deep', async () => {
    await createArticle(admin, { title: 'Other', slug: 'other-article' });
    const elsewhere = await postComment(app, 'other-article', aComment());
    const pending = await postComment(app, 'comments-open', aComment());
    await approve([elsewhere.body.data.documentId]);

    let res = await postComment(app, 'comments-open', aComment({ parent: elsewhere.body.data.documentId }));
    expectError(res, 400, 'ValidationError');
    expect(res.body.error.details.errors[0]).toEqual({
      path: ['parent'],
      message: 'the comment answered belongs to another article',
      name: 'ValidationError',
    });
    res = await postComment(app, 'comments-open', aComment({ parent: pending.body.data.documentId }));
    expect(res.body.error.details.errors[0].message).toBe('no approved comment has this documentId');

    setCommentOptions(app.strapi, { maxDepth: 2 });
    try {
      let parent = (await postComment(app, 'comments-open', aComment())).body.data.documentId;
      await approve([parent]);
      for (let depth = 1; depth <= 2; depth += 1) {
        const reply = await postComment(app, 'comments-open', aComment({ parent }));
        expect(reply.status).toBe(201);
        expect(reply.body.data).toMatchObject({ depth, parent });
        parent = reply.body.data.documentId;
        await approve([parent]);
      }
      res = await postComment(app, 'comments-open', aComment({ parent }));
      expectError(res, 400, 'ValidationError');
      expect(res.body.error.message).toBe('Invalid comment. parent: replies nest at most 2 levels deep');
    } finally {
      setCommentOptions(app.strapi, { maxDepth: 3 });
    }
  });

  it('answers 400 for bad list queries and bad reports', async () => {
    expectError(await listComments(app, 'comments-open', '?sort=random'), 400, 'ValidationError');
    expectError(await listComments(app, 'comments-open', '?pageSize=500'), 400, 'ValidationError');
    expectError(await listComments(app, 'bad%20slug'), 400, 'ValidationError');
    const { body } = await postComment(app, 'comments-open', aComment());
    await approve([body.data.documentId]);
    const res = await reportComment(app, body.data.documentId, { reason: 'boring' });
    expectError(res, 400, 'ValidationError');
    expect(res.body.error.details.errors[0].path).toEqual(['reason']);
    expectError(await reportComment(app, body.data.documentId, { reason: 'other', details: 'd'.repeat(1001) }), 400, 'ValidationError');
    expectError(await reportComment(app, 'no%20id', { reason: 'spam' }), 400, 'ValidationError');
  });

  it('answers 404 when reporting a comment the public cannot see', async () => {
    const pending = await postComment(app, 'comments-open', aComment());
    const res = await reportComment(app, pending.body.data.documentId, { reason: 'spam' });
    expectError(res, 404, 'NotFoundError');
    expectError(await reportComment(app, 'abcdefghijklmnopqrstuvwx', { reason: 'spam' }), 404, 'NotFoundError');
  });

  it('answers 409 for the same text from the same sender on the same article', async () => {
    const body = aComment();
    const ip = nextIp();
    expect((await postComment(app, 'comments-open', body, ip)).status).toBe(201);
    // Same sender by IP (another email) and by email (another IP): both duplicates.
    for (const [override, from] of [
      [{ authorEmail: 'other@example.org' }, ip],
      [{}, nextIp()],
    ] as const) {
      const res = await postComment(app, 'comments-open', { ...body, ...override }, from);
      expectError(res, 409, 'ConflictError');
      expect(res.body.error.message).toBe('You already posted this comment on this article.');
    }
    // Another article, or another text, is not a duplicate.
    expect((await postComment(app, 'other-article', body, ip)).status).toBe(201);
    expect((await postComment(app, 'comments-open', { ...body, content: `${body.content} PS` }, ip)).status).toBe(201);
  });

  it('answers 409 to all but one of simultaneous identical posts', async () => {
    const body = aComment();
    const ip = nextIp();
    const results = await Promise.all(Array.from({ length: 10 }, () => postComment(app, 'comments-open', body, ip)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await app.strapi.db.query(COMMENT_UID as any).count({ where: { content: body.content } })).toBe(1);
  });

  it('answers 409 for a duplicate the limiter forgot (after a restart), from the database', async () => {
    const body = aComment();
    const ip = nextIp();
    expect((await postComment(app, 'comments-open', body, ip)).status).toBe(201);
    // A new duplicate window option gives a fresh limiter, as a restart would.
    setCommentOptions(app.strapi, { duplicateWindowSeconds: 3599 });
    try {
      expect((await postComment(app, 'comments-open', body, ip)).status).toBe(409);
    } finally {
      setCommentOptions(app.strapi, { duplicateWindowSeconds: 3600 });
    }
  });

  it('answers 429 with Retry-After when the sender posted too much', async () => {
    setCommentOptions(app.strapi, { rateLimit: { points: 2, durationSeconds: 120 } });
    try {
      const ip = nextIp();
      expect((await postComment(app, 'comments-open', aComment(), ip)).status).toBe(201);
      expect((await postComment(app, 'comments-open', aComment(), ip)).status).toBe(201);
      const res = await postComment(app, 'comments-open', aComment(), ip);
      expectError(res, 429, 'RateLimitError');
      expect(res.body.error.message).toMatch(/^Too many comments from your network\. Try again in \d+ seconds\.$/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(100);
      expect((await postComment(app, 'comments-open', aComment(), nextIp())).status).toBe(201);
    } finally {
      setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 } });
    }
  });

  it('answers 429 to a reader who reports too much', async () => {
    setCommentOptions(app.strapi, { reportRateLimit: { points: 1, durationSeconds: 60 } });
    try {
      const { body } = await postComment(app, 'comments-open', aComment());
      await approve([body.data.documentId]);
      const ip = nextIp();
      expect((await reportComment(app, body.data.documentId, { reason: 'spam' }, ip)).status).toBe(201);
      expectError(await reportComment(app, body.data.documentId, { reason: 'spam' }, ip), 429, 'RateLimitError');
    } finally {
      setCommentOptions(app.strapi, { reportRateLimit: { points: 10, durationSeconds: 60 } });
    }
  });

  it('answers 403 when the Public role lacks the action', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await app.strapi.db.query('plugin::users-permissions.permission').delete({
      where: { role: role.id, action: 'plugin::cited-articles.comment.create' },
    });
    try {
      expectError(await postComment(app, 'comments-open', aComment()), 403, 'ForbiddenError');
    } finally {
      await app.strapi.db.query('plugin::users-permissions.permission').create({
        data: { role: role.id, action: 'plugin::cited-articles.comment.create' },
      });
    }
  });
});
