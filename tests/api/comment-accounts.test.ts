/**
 * Reader accounts: posting with a Users & Permissions JWT, editing and deleting one's own comment.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle } from '../helpers/content';
import { aComment, listComments, nextIp, postComment, setCommentOptions } from '../helpers/comments';
import { authenticatedReaderJwt } from '../helpers/readers';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
const API = '/api/cited-articles';
let admin: AdminSession;
let alice: string;
let bob: string;
let counter = 0;

const text = (what = 'comment') => {
  counter += 1;
  return `My ${what} number ${counter}, with thanks for the sources.`;
};

const postAs = (jwt: string | null, slug: string, body: Record<string, unknown>) => {
  const req = request(app.server).post(`${API}/articles/${slug}/comments`).set('X-Forwarded-For', nextIp());
  if (jwt) req.set('Authorization', `Bearer ${jwt}`);
  return req.send(body);
};
const editAs = (jwt: string | null, documentId: string, body: Record<string, unknown>) => {
  const req = request(app.server).patch(`${API}/comments/${documentId}`).set('X-Forwarded-For', nextIp());
  if (jwt) req.set('Authorization', `Bearer ${jwt}`);
  return req.send(body);
};
const deleteAs = (jwt: string | null, documentId: string) => {
  const req = request(app.server).delete(`${API}/comments/${documentId}`).set('X-Forwarded-For', nextIp());
  if (jwt) req.set('Authorization', `Bearer ${jwt}`);
  return req;
};
const row = (documentId: string) =>
  app.strapi.db.query(COMMENT_UID).findOne({ where: { documentId }, populate: { user: { select: ['id', 'username'] } } });
const backdate = (documentId: string, minutes: number) =>
  app.strapi.db.query(COMMENT_UID).update({ where: { documentId }, data: { createdAt: new Date(Date.now() - minutes * 60_000) } });

/** An approved comment by `jwt`'s reader (post-moderation), its documentId. */
const approvedBy = async (jwt: string, slug = 'accounts', extra: Record<string, unknown> = {}) => {
  const res = await postAs(jwt, slug, { content: text(), ...extra });
  expect(res.status).toBe(201);
  expect(res.body.data.status).toBe('approved');
  return res.body.data.documentId as string;
};

beforeAll(async () => {
  admin = await createAdmin(app);
  setCommentOptions(app.strapi, { moderation: 'post', rateLimit: { points: 1000, durationSeconds: 60 } });
  await createArticle(admin, { title: 'Accounts', slug: 'accounts' });
  alice = await authenticatedReaderJwt(app, 'alice');
  bob = await authenticatedReaderJwt(app, 'bob');
});

afterEach(() => setCommentOptions(app.strapi, { moderation: 'post', requireAccount: false, editWindowMinutes: 15, blockedWords: [] }));

describe('posting with an account', () => {
  it('needs no name or email, shows the username and links the comment to the account privately', async () => {
    const res = await postAs(alice, 'accounts', { content: text() });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ authorName: 'alice', editedAt: null, deleted: false, staff: false });
    expect(JSON.stringify(res.body)).not.toContain('@example.org');
    const stored: any = await row(res.body.data.documentId);
    expect(stored.user).toMatchObject({ username: 'alice' });
    expect(stored.authorEmail).toBeNull();

    const list = await listComments(app, 'accounts');
    const shown = list.body.data.find((c: any) => c.documentId === res.body.data.documentId);
    expect(shown).toMatchObject({ authorName: 'alice' });
    expect(shown).not.toHaveProperty('user');
    expect(JSON.stringify(list.body)).not.toContain('@example.org');
  });

  it('ignores a name sent along: the account name is shown', async () => {
    const res = await postAs(alice, 'accounts', { content: text(), authorName: 'Not Alice', authorEmail: 'x@example.com' });
    expect(res.status).toBe(201);
    expect(res.body.data.authorName).toBe('alice');
    expect((await row(res.body.data.documentId)).authorEmail).toBeNull();
  });

  it('still takes anonymous comments, with name and email required', async () => {
    expect((await postComment(app, 'accounts', aComment())).status).toBe(201);
    const missing = await postAs(null, 'accounts', { content: text() });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/authorName is required/);
  });

  it('refuses anonymous comments when comments.requireAccount is on, and takes account ones', async () => {
    setCommentOptions(app.strapi, { requireAccount: true });
    const res = await postComment(app, 'accounts', aComment());
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/reader accounts only/);
    expect((await postAs(alice, 'accounts', { content: text() })).status).toBe(201);
  });

  it('refuses a blocked user, and keeps refusing after the JWT was issued', async () => {
    const carol = await authenticatedReaderJwt(app, 'carol');
    expect((await postAs(carol, 'accounts', { content: text() })).status).toBe(201);
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { username: 'carol' }, data: { blocked: true } });
    const before = await app.strapi.db.query(COMMENT_UID).count({});
    const res = await postAs(carol, 'accounts', { content: text() });
    expect(res.status).toBe(401);
    expect(await app.strapi.db.query(COMMENT_UID).count({})).toBe(before);
  });
});

describe('editing one’s own comment', () => {
  it('changes the text within the window and the public shape carries editedAt', async () => {
    const documentId = await approvedBy(alice);
    const res = await editAs(alice, documentId, { content: 'Corrected: the figure is 12%, not 21%.' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId, content: 'Corrected: the figure is 12%, not 21%.', status: 'approved' });
    expect(Date.parse(res.body.data.editedAt)).toBeGreaterThan(Date.now() - 60_000);
    const list = await listComments(app, 'accounts');
    expect(list.body.data.find((c: any) => c.documentId === documentId)).toMatchObject({
      content: 'Corrected: the figure is 12%, not 21%.',
      editedAt: res.body.data.editedAt,
    });
  });

  it('answers 403 after the window, saying so, and leaves the text alone', async () => {
    const documentId = await approvedBy(alice);
    await backdate(documentId, 16);
    const res = await editAs(alice, documentId, { content: 'Too late to change this.' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/can be edited for 15 minutes after it is posted/);
    expect((await row(documentId)).content).not.toBe('Too late to change this.');
  });

  it('follows comments.editWindowMinutes', async () => {
    setCommentOptions(app.strapi, { editWindowMinutes: 60 });
    const documentId = await approvedBy(alice);
    await backdate(documentId, 30);
    expect((await editAs(alice, documentId, { content: 'Still in the hour.' })).status).toBe(200);
    setCommentOptions(app.strapi, { editWindowMinutes: 0.5 });
    await backdate(documentId, 1);
    const late = await editAs(alice, documentId, { content: 'Past half a minute.' });
    expect(late.status).toBe(403);
    expect(late.body.error.message).toMatch(/0\.5 minutes/);
  });

  it('sends an approved comment back to pending under pre-moderation when the edit would be held', async () => {
    setCommentOptions(app.strapi, { moderation: 'pre' });
    const res = await postAs(alice, 'accounts', { content: text() });
    const documentId = res.body.data.documentId;
    await app.strapi.db.query(COMMENT_UID).update({ where: { documentId }, data: { status: 'approved' } });

    const clean = await editAs(alice, documentId, { content: 'A plain correction, no links.' });
    // Under pre-moderation any edit of an approved comment is reviewed again (see the next block).
    expect(clean.body.data.status).toBe('pending');
    await app.strapi.db.query(COMMENT_UID).update({ where: { documentId }, data: { status: 'approved', heldReason: null } });

    setCommentOptions(app.strapi, { blockedWords: ['casino'] });
    const held = await editAs(alice, documentId, { content: 'Visit my casino now.' });
    expect(held.status).toBe(200);
    expect(held.body.data.status).toBe('pending');
    expect(await row(documentId)).toMatchObject({ status: 'pending', heldReason: 'blocked-word' });
    const list = await listComments(app, 'accounts');
    expect(list.body.data.some((c: any) => c.documentId === documentId)).toBe(false);
  });

  it('under pre-moderation, hides an edited approved comment until a moderator approves the new text', async () => {
    setCommentOptions(app.strapi, { moderation: 'pre' });
    const posted = await postAs(alice, 'accounts', { content: 'The figure is 21%.' });
    const documentId = posted.body.data.documentId;
    expect(posted.body.data.status).toBe('pending');
    expect((await admin.post('/cited-articles/comments/actions/moderate').send({ documentIds: [documentId], status: 'approved' })).status).toBe(200);
    const before = await listComments(app, 'accounts');
    expect(before.body.data.find((c: any) => c.documentId === documentId)?.content).toBe('The figure is 21%.');
    const countBefore = before.body.meta.commentCount;

    const edited = await editAs(alice, documentId, { content: 'The figure is 12%, and here is my unrelated advert.' });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({ status: 'pending', content: 'The figure is 12%, and here is my unrelated advert.' });
    // Readers no longer see it, nor count it; neither the old nor the new text is served.
    const after = await listComments(app, 'accounts');
    expect(after.body.data.some((c: any) => c.documentId === documentId)).toBe(false);
    expect(after.body.meta.commentCount).toBe(countBefore - 1);
    expect((await request(app.server).get(`${API}/articles/accounts`)).body.data.commentCount).toBe(countBefore - 1);

    // The moderation queue shows it pending, marked as edited after approval, with when.
    const queue = await admin.get('/cited-articles/comments?status=pending');
    const queued = queue.body.data.find((c: any) => c.documentId === documentId);
    expect(queued).toMatchObject({ status: 'pending', heldReason: 'edited', content: 'The figure is 12%, and here is my unrelated advert.' });
    expect(queued.editedAt).toBe(edited.body.data.editedAt);

    // Approved again: readers see the new text.
    await admin.post('/cited-articles/comments/actions/moderate').send({ documentIds: [documentId], status: 'approved' });
    const approved = await listComments(app, 'accounts');
    expect(approved.body.data.find((c: any) => c.documentId === documentId)).toMatchObject({
      content: 'The figure is 12%, and here is my unrelated advert.',
      editedAt: edited.body.data.editedAt,
    });
    expect((await row(documentId)).heldReason).toBeNull();
  });

  it('under post-moderation, an edit of an approved comment is shown at once, as before', async () => {
    const documentId = await approvedBy(alice);
    const edited = await editAs(alice, documentId, { content: 'Shown at once after the edit.' });
    expect(edited.body.data.status).toBe('approved');
    expect((await row(documentId)).heldReason ?? null).toBeNull();
    expect((await listComments(app, 'accounts')).body.data.find((c: any) => c.documentId === documentId)?.content).toBe(
      'Shown at once after the edit.'
    );
  });

  it('holds an edit full of links too', async () => {
    setCommentOptions(app.strapi, { moderation: 'pre' });
    const res = await postAs(alice, 'accounts', { content: text() });
    await app.strapi.db.query(COMMENT_UID).update({ where: { documentId: res.body.data.documentId }, data: { status: 'approved' } });
    const held = await editAs(alice, res.body.data.documentId, { content: 'https://a.example https://b.example https://c.example' });
    expect(held.body.data.status).toBe('pending');
    expect((await row(res.body.data.documentId)).heldReason).toBe('links');
  });

  it('refuses someone else’s comment (403) and an anonymous comment (403), and anyone without an account (401)', async () => {
    const documentId = await approvedBy(alice);
    const other = await editAs(bob, documentId, { content: 'Bob rewrites Alice.' });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/only edit your own comments/);

    const anonymous = await postComment(app, 'accounts', aComment());
    const byAccount = await editAs(alice, anonymous.body.data.documentId, { content: 'Claiming it.' });
    expect(byAccount.status).toBe(403);
    expect(byAccount.body.error.message).toMatch(/without an account cannot be edited/);

    const noLogin = await editAs(null, documentId, { content: 'Nobody.' });
    expect([401, 403]).toContain(noLogin.status);
    expect((await row(documentId)).content).not.toMatch(/Bob rewrites|Nobody/);
  });

  it('validates the body: content only, not empty', async () => {
    const documentId = await approvedBy(alice);
    const empty = await editAs(alice, documentId, { content: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/content is required/);
    const extra = await editAs(alice, documentId, { content: 'ok', status: 'approved' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/unknown field status/);
    expect((await editAs(alice, 'nosuchcomment1', { content: 'x' })).status).toBe(404);
  });

  it('refuses an edit body over bodyLimits.edit before reading it (413)', async () => {
    const documentId = await approvedBy(alice);
    const res = await editAs(alice, documentId, { content: 'x'.repeat(20_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.details).toEqual({ limit: 16_384 });
    expect((await row(documentId)).content).not.toContain('xxxx');
  });
});

describe('deleting one’s own comment', () => {
  it('removes a comment without replies, and the counts follow', async () => {
    const documentId = await approvedBy(alice);
    const before = (await listComments(app, 'accounts')).body.meta.commentCount;
    const res = await deleteAs(alice, documentId);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId, deleted: true, placeholder: false });
    expect(await row(documentId)).toBeNull();
    const after = await listComments(app, 'accounts');
    expect(after.body.meta.commentCount).toBe(before - 1);
    expect(after.body.data.some((c: any) => c.documentId === documentId)).toBe(false);
  });

  it('keeps a comment with replies as a placeholder: no name, no content, replies in place', async () => {
    const documentId = await approvedBy(alice);
    const reply = await postAs(bob, 'accounts', { content: text('reply'), parent: documentId });
    expect(reply.status).toBe(201);
    const before = (await listComments(app, 'accounts')).body.meta.commentCount;

    const res = await deleteAs(alice, documentId);
    expect(res.body.data).toMatchObject({ deleted: true, placeholder: true });
    const stored: any = await row(documentId);
    expect(stored).toMatchObject({ deleted: true, content: '', authorName: null, user: null });

    const list = await listComments(app, 'accounts');
    const shown = list.body.data.find((c: any) => c.documentId === documentId);
    expect(shown).toMatchObject({ deleted: true, authorName: null, content: '', contentHtml: '' });
    expect(shown.replies.map((r: any) => r.documentId)).toEqual([reply.body.data.documentId]);
    expect(list.body.meta.commentCount).toBe(before - 1);
    // Moderators see the placeholder without a name too (AdminComment.authorName is null here).
    const moderated = await admin.get(`/cited-articles/comments/${documentId}`);
    expect(moderated.status).toBe(200);
    expect(moderated.body.data).toMatchObject({ documentId, deleted: true, authorName: null, authorEmail: null, content: '' });

    // Deleted once is deleted: no editing, no deleting again.
    expect((await editAs(alice, documentId, { content: 'back' })).status).toBe(404);
    expect((await deleteAs(alice, documentId)).status).toBe(404);

    // The last reply gone, the placeholder goes with it.
    expect((await deleteAs(bob, reply.body.data.documentId)).body.data.placeholder).toBe(false);
    expect(await row(documentId)).toBeNull();
  });

  it('refuses someone else’s comment and an anonymous one', async () => {
    const documentId = await approvedBy(alice);
    const res = await deleteAs(bob, documentId);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/only delete your own comments/);
    const anonymous = await postComment(app, 'accounts', aComment());
    expect((await deleteAs(alice, anonymous.body.data.documentId)).status).toBe(403);
    expect([401, 403]).toContain((await deleteAs(null, documentId)).status);
    expect(await row(documentId)).not.toBeNull();
  });

  it('is rate-limited like posting', async () => {
    setCommentOptions(app.strapi, { rateLimit: { points: 2, durationSeconds: 60 } });
    try {
      const ip = nextIp();
      const send = () =>
        request(app.server).delete(`${API}/comments/nonexistent1`).set('X-Forwarded-For', ip).set('Authorization', `Bearer ${alice}`);
      expect((await send()).status).toBe(404);
      expect((await send()).status).toBe(404);
      const limited = await send();
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBeDefined();
    } finally {
      setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 } });
    }
  });
});
