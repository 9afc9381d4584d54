/**
 * Replies from the newsroom: POST /cited-articles/comments/:documentId/reply (admin, comments.moderate).
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, roleWith, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle } from '../helpers/content';
import { aComment, listComments, postComment, setCommentOptions } from '../helpers/comments';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
const ADMIN = '/cited-articles/comments';
let admin: AdminSession;
let moderator: AdminSession;
let readerOnly: AdminSession;

/** A reader's comment on the article, pending (pre-moderation), its documentId. */
const pendingComment = async () => {
  const res = await postComment(app, 'newsroom', aComment());
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const approve = (documentId: string) => admin.post(`${ADMIN}/actions/moderate`).send({ documentIds: [documentId], status: 'approved' });
const status = async (documentId: string) => ((await app.strapi.db.query(COMMENT_UID).findOne({ where: { documentId } })) as any)?.status;

beforeAll(async () => {
  admin = await createAdmin(app);
  moderator = await createAdmin(app, {
    roles: [await roleWith(app, 'Moderators', ['plugin::cited-articles.comments.read', 'plugin::cited-articles.comments.moderate'])],
  });
  readerOnly = await createAdmin(app, { roles: [await roleWith(app, 'Readers', ['plugin::cited-articles.comments.read'])] });
  setCommentOptions(app.strapi, { moderation: 'pre', rateLimit: { points: 1000, durationSeconds: 60 } });
  await createArticle(admin, { title: 'Newsroom', slug: 'newsroom' });
});

describe('newsroom replies', () => {
  it('publishes the reply at once with the admin’s display name and staff: true', async () => {
    const parent = await pendingComment();
    expect((await approve(parent)).status).toBe(200);

    const res = await moderator.post(`${ADMIN}/${parent}/reply`).send({ content: 'Thanks — we have corrected the date.' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: 'approved', staff: true, parent, depth: 1, content: 'Thanks — we have corrected the date.' });
    expect(res.body.data.authorName).toMatch(/^Test Admin \d+$/);

    const list = await listComments(app, 'newsroom');
    const thread = list.body.data.find((c: any) => c.documentId === parent);
    expect(thread.replies).toHaveLength(1);
    expect(thread.replies[0]).toMatchObject({ staff: true, authorName: res.body.data.authorName, status: 'approved' });
    expect(thread.staff).toBe(false);
    // The public shape names the admin, never their email.
    expect(JSON.stringify(list.body)).not.toContain(moderator.user.email);
  });

  it('asks for the pending parent to be approved first (409), and approves it with approveParent', async () => {
    const parent = await pendingComment();
    const refused = await moderator.post(`${ADMIN}/${parent}/reply`).send({ content: 'An answer.' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/pending: approve it first/);
    expect(refused.body.error.details).toMatchObject({ parentStatus: 'pending' });
    expect(await app.strapi.db.query(COMMENT_UID).count({ where: { parent: { documentId: parent } } })).toBe(0);

    const res = await moderator.post(`${ADMIN}/${parent}/reply`).send({ content: 'An answer.', approveParent: true });
    expect(res.status).toBe(201);
    expect(await status(parent)).toBe('approved');
    const list = await listComments(app, 'newsroom');
    expect(list.body.data.find((c: any) => c.documentId === parent).replies[0].documentId).toBe(res.body.data.documentId);
  });

  it('refuses rejected comments and depth past maxDepth', async () => {
    const parent = await pendingComment();
    await admin.post(`${ADMIN}/actions/moderate`).send({ documentIds: [parent], status: 'rejected' });
    const rejected = await moderator.post(`${ADMIN}/${parent}/reply`).send({ content: 'No.', approveParent: true });
    expect(rejected.status).toBe(409);
    expect(rejected.body.error.message).toMatch(/rejected/);

    setCommentOptions(app.strapi, { maxDepth: 1 });
    try {
      const root = await pendingComment();
      await approve(root);
      const first = await moderator.post(`${ADMIN}/${root}/reply`).send({ content: 'Level one.' });
      expect(first.status).toBe(201);
      const deeper = await moderator.post(`${ADMIN}/${first.body.data.documentId}/reply`).send({ content: 'Level two.' });
      expect(deeper.status).toBe(400);
      expect(deeper.body.error.message).toMatch(/nest at most 1 level/);
    } finally {
      setCommentOptions(app.strapi, { maxDepth: 3 });
    }
  });

  it('validates the body and the comment', async () => {
    const parent = await pendingComment();
    const empty = await moderator.post(`${ADMIN}/${parent}/reply`).send({ content: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/content is required/);
    const extra = await moderator.post(`${ADMIN}/${parent}/reply`).send({ content: 'x', staff: false });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/unknown field staff/);
    expect((await moderator.post(`${ADMIN}/nosuchcomment/reply`).send({ content: 'x' })).status).toBe(404);
  });

  it('needs comments.moderate: 403 with read only, 401 without an admin session', async () => {
    const parent = await pendingComment();
    await approve(parent);
    const res = await readerOnly.post(`${ADMIN}/${parent}/reply`).send({ content: 'Not mine to say.' });
    expect(res.status).toBe(403);
    expect((await request(app.server).post(`${ADMIN}/${parent}/reply`).send({ content: 'x' })).status).toBe(401);
    expect(await app.strapi.db.query(COMMENT_UID).count({ where: { parent: { documentId: parent } } })).toBe(0);
  });

  it('shows in the moderation thread as staff', async () => {
    const parent = await pendingComment();
    await approve(parent);
    const reply = await moderator.post(`${ADMIN}/${parent}/reply`).send({ content: 'Noted.' });
    const detail = await moderator.get(`${ADMIN}/${parent}`);
    expect(detail.body.data.thread.find((c: any) => c.documentId === reply.body.data.documentId)).toMatchObject({ staff: true, status: 'approved' });
  });
});
