import http from 'http';
import type { AddressInfo } from 'net';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, roleWith, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle, createComment } from '../helpers/content';
import { aComment, listComments, postComment, reportComment, setCommentOptions, type CommentEventPayload } from '../helpers/comments';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let reader: AdminSession; // holds comments.read only
let outsider: AdminSession; // holds no plugin action
let first: any;
let second: any;

const BASE = '/cited-articles/comments';

const post = async (slug: string, extra: Record<string, unknown> = {}) => {
  const res = await postComment(app, slug, aComment(extra));
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};

beforeAll(async () => {
  admin = await createAdmin(app);
  reader = await createAdmin(app, { roles: [await roleWith(app, 'Comment readers', ['plugin::cited-articles.comments.read'])] });
  outsider = await createAdmin(app, { roles: [await roleWith(app, 'No comments', [])] });
  setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 } });
  first = await createArticle(admin, { title: 'First article', slug: 'first-article' });
  second = await createArticle(admin, { title: 'Second article', slug: 'second-article' });
});

describe('RBAC', () => {
  it('registers the read and moderate actions', () => {
    const actions = (app.strapi.service('admin::permission') as any).actionProvider;
    expect(actions.get('plugin::cited-articles.comments.read')).toMatchObject({ displayName: 'Read comments' });
    expect(actions.get('plugin::cited-articles.comments.moderate')).toMatchObject({ displayName: 'Moderate comments' });
  });

  it('answers 401 without an admin token', async () => {
    const request = (await import('supertest')).default;
    const res = await request(app.server).get(BASE);
    expect(res.status).toBe(401);
  });

  it('answers 403 to an admin without the action, on every route', async () => {
    const documentId = await post('first-article');
    const calls = [
      () => outsider.get(BASE),
      () => outsider.get(`${BASE}/${documentId}`),
      () => outsider.post(`${BASE}/actions/moderate`).send({ documentIds: [documentId], status: 'approved' }),
      () => outsider.post(`${BASE}/actions/delete`).send({ documentIds: [documentId] }),
      () => outsider.del(`${BASE}/${documentId}`),
    ];
    for (const call of calls) {
      const res = await call();
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
    }
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId } as any);
    expect(stored.status).toBe('pending');
  });

  it('lets a reader read but not moderate or delete', async () => {
    const documentId = await post('first-article');
    expect((await reader.get(BASE)).status).toBe(200);
    expect((await reader.get(`${BASE}/${documentId}`)).status).toBe(200);
    expect((await reader.post(`${BASE}/actions/moderate`).send({ documentIds: [documentId], status: 'approved' })).status).toBe(403);
    expect((await reader.del(`${BASE}/${documentId}`)).status).toBe(403);
    expect((await listComments(app, 'first-article')).body.data.map((c: any) => c.documentId)).not.toContain(documentId);
  });
});

describe('the queue', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {
      pendingA: await post('second-article', { content: 'Needle in the queue' }),
      pendingB: await post('second-article', { authorEmail: 'needle@example.net' }),
      approved: await post('second-article'),
      rejected: await post('second-article'),
      spam: await post('second-article'),
    };
    await admin.post(`${BASE}/actions/moderate`).send({ documentIds: [ids.approved], status: 'approved' });
    await admin.post(`${BASE}/actions/moderate`).send({ documentIds: [ids.rejected], status: 'rejected' });
    await admin.post(`${BASE}/actions/moderate`).send({ documentIds: [ids.spam], status: 'spam' });
    await reportComment(app, ids.approved, { reason: 'off-topic' });
  });

  it('lists comments newest first with emails, article and counts per status', async () => {
    const res = await admin.get(`${BASE}?article=${second.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: any) => c.documentId)).toEqual([ids.spam, ids.rejected, ids.approved, ids.pendingB, ids.pendingA]);
    expect(res.body.data[3]).toMatchObject({
      authorEmail: 'needle@example.net',
      status: 'pending',
      article: { documentId: second.documentId, slug: 'second-article', title: 'Second article' },
      ipHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(res.body.meta).toEqual({
      pagination: { page: 1, pageSize: 25, pageCount: 1, total: 5 },
      counts: { pending: 2, approved: 1, rejected: 1, spam: 1 },
      // Counts stop at 1,000 (tests/api/query-count-rows.test.ts reaches the cap).
      capped: { total: false, counts: { pending: false, approved: false, rejected: false, spam: false } },
    });
  });

  it('filters by status, reported and text, and paginates', async () => {
    const get = async (query: string) => (await admin.get(`${BASE}?article=${second.documentId}&${query}`)).body;
    expect((await get('status=pending')).data.map((c: any) => c.documentId)).toEqual([ids.pendingB, ids.pendingA]);
    const pending = await get('status=pending');
    expect(pending.meta.counts).toEqual({ pending: 2, approved: 1, rejected: 1, spam: 1 });
    expect((await get('reported=true')).data.map((c: any) => c.documentId)).toEqual([ids.approved]);
    expect((await get('reported=true')).data[0].reportCount).toBe(1);
    expect((await get('reported=false')).meta.pagination.total).toBe(4);
    const search = await get('q=NEEDLE');
    expect(search.data.map((c: any) => c.documentId).sort()).toEqual([ids.pendingA, ids.pendingB].sort());
    expect(search.meta.counts).toEqual({ pending: 2, approved: 0, rejected: 0, spam: 0 });
    const page = await get('pageSize=2&page=2&sort=oldest');
    expect(page.data.map((c: any) => c.documentId)).toEqual([ids.approved, ids.rejected]);
    expect(page.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 3, total: 5 });
  });

  it('has statistics on the searched text on PostgreSQL, and nothing is tried elsewhere', async () => {
    const created = await app.strapi.plugin('cited-articles').service('moderation').ensureSearchStatistics();
    const knex = app.strapi.db.connection;
    if (!/pg|postgres/.test(String(knex.client.config.client))) {
      expect(created).toBe(false);
      return;
    }
    expect(created).toBe(true);
    const table = app.strapi.db.metadata.get(COMMENT_UID).tableName;
    const { rows } = await knex.raw(`select stxname from pg_statistic_ext where stxrelid = to_regclass(?) order by stxname`, [table]);
    expect(rows.map((row: any) => row.stxname)).toEqual(['author_email', 'author_name', 'content'].map((column) => `${table}_${column}_lower_stx`));
    // A second start finds them and creates nothing.
    expect(await app.strapi.plugin('cited-articles').service('moderation').ensureSearchStatistics()).toBe(true);
    // The search still answers the same.
    expect((await admin.get(`${BASE}?q=NEEDLE`)).body.meta.counts.pending).toBeGreaterThan(0);
  });

  it('answers 400 for bad filters and bad bodies, 404 for unknown comments', async () => {
    for (const query of ['status=deleted', 'reported=maybe', 'pageSize=0', 'article=no%20way']) {
      const res = await admin.get(`${BASE}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    for (const body of [{ documentIds: [], status: 'approved' }, { documentIds: [ids.pendingA], status: 'pending' }, { status: 'approved' }]) {
      const res = await admin.post(`${BASE}/actions/moderate`).send(body);
      expect(res.status).toBe(400);
    }
    const unknown = 'abcdefghijklmnopqrstuvwx';
    const res = await admin.post(`${BASE}/actions/moderate`).send({ documentIds: [ids.pendingA, unknown], status: 'approved' });
    expect(res.status).toBe(404);
    expect(res.body.error.details).toEqual({ documentIds: [unknown] });
    // Nothing changed: an unknown id fails the whole call.
    expect((await admin.get(`${BASE}/${ids.pendingA}`)).body.data.status).toBe('pending');
    expect((await admin.get(`${BASE}/${unknown}`)).status).toBe(404);
    expect((await admin.del(`${BASE}/${unknown}`)).status).toBe(404);
  });
});

describe('decisions', () => {
  it('approves, rejects or marks as spam many comments in one call, recording who and when', async () => {
    const documentIds = [await post('first-article'), await post('first-article'), await post('first-article')];
    const res = await admin.post(`${BASE}/actions/moderate`).send({ documentIds, status: 'approved' });
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ updated: 3 });
    expect(res.body.data.map((c: any) => [c.documentId, c.status])).toEqual(documentIds.map((id) => [id, 'approved']));
    expect(res.body.data[0]).toMatchObject({ moderatedBy: admin.user.email, moderatedAt: expect.any(String) });
    const shown = (await listComments(app, 'first-article')).body.data.map((c: any) => c.documentId);
    expect(shown).toEqual(expect.arrayContaining(documentIds));

    await admin.post(`${BASE}/actions/moderate`).send({ documentIds: documentIds.slice(0, 2), status: 'spam' });
    const after = (await listComments(app, 'first-article')).body.data.map((c: any) => c.documentId);
    expect(after).not.toContain(documentIds[0]);
    expect(after).not.toContain(documentIds[1]);
    expect(after).toContain(documentIds[2]);
  });

  it('emits approved and rejected events only for real changes, with the article', async () => {
    const received: Array<[string, CommentEventPayload]> = [];
    const listeners = ['approved', 'rejected'].map((kind) => {
      const name = `cited-articles.comment.${kind}`;
      const listener = async (payload: CommentEventPayload) => {
        received.push([name, payload]);
      };
      app.strapi.eventHub.on(name, listener);
      return [name, listener] as const;
    });
    try {
      const a = await post('first-article', { content: 'Event A' });
      const b = await post('first-article', { content: 'Event B' });
      await admin.post(`${BASE}/actions/moderate`).send({ documentIds: [a, b], status: 'approved' });
      await admin.post(`${BASE}/actions/moderate`).send({ documentIds: [a], status: 'approved' }); // no change
      await admin.post(`${BASE}/actions/moderate`).send({ documentIds: [b], status: 'rejected' });
      await admin.post(`${BASE}/actions/moderate`).send({ documentIds: [a], status: 'spam' }); // no event
      expect(received.map(([name, payload]) => [name, payload.comment.content])).toEqual([
        ['cited-articles.comment.approved', 'Event A'],
        ['cited-articles.comment.approved', 'Event B'],
        ['cited-articles.comment.rejected', 'Event B'],
      ]);
      expect(received[2][1]).toEqual({
        comment: expect.objectContaining({ documentId: b, status: 'rejected', content: 'Event B' }),
        article: { documentId: first.documentId, slug: 'first-article' },
      });
      expect(JSON.stringify(received)).not.toMatch(/authorEmail|ipHash|@example\.org/);
    } finally {
      for (const [name, listener] of listeners) app.strapi.eventHub.off(name, listener);
    }
  });

  it('offers the events as webhook events and delivers them to a webhook', async () => {
    const store = app.strapi.get('webhookStore') as any;
    expect(store.listAllowedEvents()).toEqual(
      expect.arrayContaining(['CITED_ARTICLES_COMMENT_CREATED', 'CITED_ARTICLES_COMMENT_APPROVED', 'CITED_ARTICLES_COMMENT_REJECTED'])
    );
    const deliveries: any[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        deliveries.push({ event: req.headers['x-strapi-event'], body: JSON.parse(body) });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const created = await admin.post('/admin/webhooks').send({
        name: 'Comment hook',
        url,
        headers: {},
        events: ['cited-articles.comment.created', 'cited-articles.comment.approved'],
      });
      expect(created.status).toBe(201);
      const documentId = await post('first-article', { content: 'Webhook me' });
      await admin.post(`${BASE}/actions/moderate`).send({ documentIds: [documentId], status: 'approved' });
      for (let wait = 0; wait < 50 && deliveries.length < 2; wait += 1) await new Promise((r) => setTimeout(r, 100));
      expect(deliveries.map((d) => d.event).sort()).toEqual(['cited-articles.comment.approved', 'cited-articles.comment.created']);
      expect(deliveries[0].body).toMatchObject({ comment: { documentId, content: 'Webhook me' }, article: { slug: 'first-article' } });
      expect(JSON.stringify(deliveries)).not.toMatch(/authorEmail|ipHash|@example\.org/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a comment in context', () => {
  it('shows the comment with its article, its whole thread and its reports', async () => {
    const root = await createComment(app.strapi, {
      article: first.documentId,
      status: 'approved',
      content: 'Thread root',
      authorName: 'R',
      authorEmail: 'r@example.org',
    });
    const reply = await createComment(app.strapi, {
      article: first.documentId,
      parent: root.documentId,
      status: 'pending',
      content: 'Thread reply',
      authorName: 'S',
      authorEmail: 's@example.org',
    });
    const other = await createComment(app.strapi, {
      article: first.documentId,
      parent: root.documentId,
      status: 'approved',
      content: 'Other reply',
      authorName: 'T',
      authorEmail: 't@example.org',
    });
    await reportComment(app, other.documentId, { reason: 'abuse', details: 'Rude' });

    const res = await admin.get(`${BASE}/${reply.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: reply.documentId,
      parent: root.documentId,
      depth: 1,
      threadRoot: root.documentId,
      authorEmail: 's@example.org',
      article: { documentId: first.documentId, slug: 'first-article' },
      reports: [],
    });
    expect(res.body.data.thread.map((c: any) => [c.content, c.status])).toEqual([
      ['Thread root', 'approved'],
      ['Thread reply', 'pending'],
      ['Other reply', 'approved'],
    ]);
    const reported = await admin.get(`${BASE}/${other.documentId}`);
    expect(reported.body.data.reports).toEqual([
      { documentId: expect.any(String), reason: 'abuse', details: 'Rude', resolved: false, createdAt: expect.any(String) },
    ]);
  });
});

describe('deletion', () => {
  it('deletes a comment with its replies and their reports, and the counts follow', async () => {
    const a = first.documentId;
    const base = (await listComments(app, 'first-article')).body.meta.commentCount;
    const root = await createComment(app.strapi, {
      article: a,
      status: 'approved',
      content: 'Doomed root',
      authorName: 'R',
      authorEmail: 'r@example.org',
    });
    const child = await createComment(app.strapi, {
      article: a,
      parent: root.documentId,
      status: 'approved',
      content: 'Doomed child',
      authorName: 'R',
      authorEmail: 'r@example.org',
    });
    const grandchild = await createComment(app.strapi, {
      article: a,
      parent: child.documentId,
      status: 'approved',
      content: 'Doomed grandchild',
      authorName: 'R',
      authorEmail: 'r@example.org',
    });
    const keeper = await createComment(app.strapi, {
      article: a,
      status: 'approved',
      content: 'Keeper',
      authorName: 'R',
      authorEmail: 'r@example.org',
    });
    await reportComment(app, grandchild.documentId, { reason: 'spam' });
    expect((await listComments(app, 'first-article')).body.meta.commentCount).toBe(base + 4);

    const res = await admin.del(`${BASE}/${child.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.deleted.sort()).toEqual([child.documentId, grandchild.documentId].sort());
    expect((await listComments(app, 'first-article')).body.meta.commentCount).toBe(base + 2);
    expect(
      await app.strapi.db.query('plugin::cited-articles.comment-report' as any).count({ where: { comment: { documentId: grandchild.documentId } } })
    ).toBe(0);

    const bulk = await admin.post(`${BASE}/actions/delete`).send({ documentIds: [root.documentId, keeper.documentId] });
    expect(bulk.status).toBe(200);
    expect(bulk.body.meta).toEqual({ deleted: 2 });
    expect((await listComments(app, 'first-article')).body.meta.commentCount).toBe(base);
  });
});

describe('articles', () => {
  it('keeps comments and counts when an article is published again', async () => {
    const documentId = await post('second-article', { content: 'Survives republishing' });
    await admin.post(`${BASE}/actions/moderate`).send({ documentIds: [documentId], status: 'approved' });
    const before = (await listComments(app, 'second-article')).body.meta.commentCount;
    await admin.put(`/content-manager/collection-types/plugin::cited-articles.article/${second.documentId}`).send({ summary: 'Edited' });
    const published = await admin
      .post(`/content-manager/collection-types/plugin::cited-articles.article/${second.documentId}/actions/publish`)
      .send({});
    expect(published.status).toBe(200);
    const after = await listComments(app, 'second-article');
    expect(after.body.meta.commentCount).toBe(before);
    expect(after.body.data.map((c: any) => c.documentId)).toContain(documentId);
  });
});
