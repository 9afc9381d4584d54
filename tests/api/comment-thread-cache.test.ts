/**
 * Comment pages (GET /articles/:slug/comments and GET /comments/:documentId/replies) are served from
 * the in-process response cache like articles, with ETags and surrogate keys; approval, an author's
 * edit or deletion, a moderator's deletion and the report threshold purge them, so a reader never
 * sees through the cache a comment that is no longer public, nor an old text.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { nextIp, reportComment, setCommentOptions } from '../helpers/comments';
import { authenticatedReaderJwt } from '../helpers/readers';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
const API = '/api/cited-articles';
const MODERATION = '/cited-articles/comments';
const LIST = `${API}/articles/threaded/comments`;
let admin: AdminSession;
let reader: string;
let counter = 0;

const text = () => {
  counter += 1;
  return `Thread cache comment number ${counter}, with thanks for the sources.`;
};
const post = async (body: Record<string, unknown>) => {
  const res = await request(app.server)
    .post(`${API}/articles/threaded/comments`)
    .set('X-Forwarded-For', nextIp())
    .set('Authorization', `Bearer ${reader}`)
    .send(body);
  expect(res.status).toBe(201);
  return res.body.data as { documentId: string; status: string; content: string };
};
const moderate = async (documentId: string, status: string) =>
  expect((await admin.post(`${MODERATION}/actions/moderate`).send({ documentIds: [documentId], status })).status).toBe(200);

/** An anonymous read, asked twice: the second must come from the cache and say the same. */
const readTwice = async (url: string) => {
  const first = await request(app.server).get(url);
  expect(first.status).toBe(200);
  const second = await request(app.server).get(url);
  expect(second.headers['x-origin-cache']).toBe('HIT');
  expect(second.body).toEqual(first.body);
  expect(second.headers.etag).toBe(first.headers.etag);
  return first;
};
const contents = (res: request.Response) =>
  res.body.data.flatMap((root: { content: string; replies?: Array<{ content: string }> }) => [
    root.content,
    ...(root.replies ?? []).map((reply) => reply.content),
  ]);

beforeAll(async () => {
  admin = await createAdmin(app);
  setCommentOptions(app.strapi, { moderation: 'pre', rateLimit: { points: 1000, durationSeconds: 60 }, reportThreshold: 1 });
  await createArticle(admin, { title: 'Threaded', slug: 'threaded' });
  reader = await authenticatedReaderJwt(app, 'threadreader');
});

describe('comment pages through the response cache', () => {
  it('serve a repeated read from memory with public cache headers, ETag and the article’s comments key, and 304 for a client holding it', async () => {
    const res = await readTwice(LIST);
    expect(res.headers['cache-control']).toMatch(/^public, /);
    expect(res.headers['surrogate-key']).toMatch(/\bcited-comments-/);
    const revalidated = await request(app.server).get(LIST).set('If-None-Match', res.headers.etag);
    expect(revalidated.status).toBe(304);
  });

  it('show a comment once it is approved, and its reply on the replies page', async () => {
    await readTwice(LIST);
    const root = await post({ content: text() });
    // Pending: not public, and the cached page does not change.
    expect(contents(await readTwice(LIST))).not.toContain(root.content);
    await moderate(root.documentId, 'approved');
    expect(contents(await readTwice(LIST))).toContain(root.content);

    const replies = `${API}/comments/${root.documentId}/replies`;
    expect((await readTwice(replies)).body.data).toEqual([]);
    const reply = await post({ content: text(), parent: root.documentId });
    await moderate(reply.documentId, 'approved');
    expect((await readTwice(replies)).body.data.map((r: { content: string }) => r.content)).toEqual([reply.content]);
    expect(contents(await readTwice(LIST))).toContain(reply.content);
  });

  it('never show an approved comment’s old text after its author edits it', async () => {
    const comment = await post({ content: text() });
    await moderate(comment.documentId, 'approved');
    expect(contents(await readTwice(LIST))).toContain(comment.content);
    const edited = text();
    const res = await request(app.server)
      .patch(`${API}/comments/${comment.documentId}`)
      .set('X-Forwarded-For', nextIp())
      .set('Authorization', `Bearer ${reader}`)
      .send({ content: edited });
    expect(res.status).toBe(200);
    const after = contents(await request(app.server).get(LIST));
    expect(after).not.toContain(comment.content);
    // Back to moderation (pre-moderation) or shown with its new text: either way never the old one.
    if (res.body.data.status === 'approved') expect(after).toContain(edited);
  });

  it('never show a comment deleted by its author, by a moderator, or sent back by reports', async () => {
    const [byAuthor, byModerator, reported] = [await post({ content: text() }), await post({ content: text() }), await post({ content: text() })];
    for (const comment of [byAuthor, byModerator, reported]) await moderate(comment.documentId, 'approved');
    const before = contents(await readTwice(LIST));
    for (const comment of [byAuthor, byModerator, reported]) expect(before).toContain(comment.content);

    const removed = await request(app.server)
      .delete(`${API}/comments/${byAuthor.documentId}`)
      .set('X-Forwarded-For', nextIp())
      .set('Authorization', `Bearer ${reader}`);
    expect(removed.status).toBe(200);
    expect(contents(await readTwice(LIST))).not.toContain(byAuthor.content);

    expect((await admin.post(`${MODERATION}/actions/delete`).send({ documentIds: [byModerator.documentId] })).status).toBe(200);
    expect(contents(await readTwice(LIST))).not.toContain(byModerator.content);

    // reportThreshold 1: one report sends the comment back to the moderation queue.
    expect((await reportComment(app, reported.documentId, { reason: 'abuse' })).status).toBe(201);
    expect(contents(await readTwice(LIST))).not.toContain(reported.content);
  });

  it('keep a reader’s credentialed answer apart from the anonymous one, private to them', async () => {
    const anonymous = await request(app.server).get(LIST);
    const mine = await request(app.server).get(LIST).set('Authorization', `Bearer ${reader}`);
    expect(mine.status).toBe(200);
    expect(mine.headers['cache-control']).toBe('private, no-cache');
    expect(mine.headers['surrogate-key']).toBeUndefined();
    expect(mine.body).toEqual(anonymous.body);
  });
});
