/**
 * Email notifications against a real SMTP server on 127.0.0.1 (smtp-server): the moderators'
 * digest, reply emails, the unsubscribe link, and retries.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, roleWith, type AdminSession } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { aComment, nextIp, postComment, reportComment, setCommentOptions } from '../helpers/comments';
import { authenticatedReaderJwt } from '../helpers/readers';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

const env: Record<string, string> = { IS_PROXIED: 'true', EMAIL_FROM: 'Newsroom <newsroom@example.org>' };
let smtp: TestSmtp;
// Before Strapi boots (hooks run in order): the host app configures the email provider from these.
beforeAll(async () => {
  smtp = await startSmtp();
  Object.assign(env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) });
});
const app = setupStrapi({ env });
afterAll(async () => {
  await smtp?.close();
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
  delete process.env.EMAIL_FROM;
});

const ADMIN = '/cited-articles/comments';
const NOTIFICATIONS = 'plugin::cited-articles.notifications';
const DIGEST_SECONDS = 2.4;
let admin: AdminSession;
let moderator: AdminSession;
let outsider: AdminSession;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const approve = (documentId: string) => admin.post(`${ADMIN}/actions/moderate`).send({ documentIds: [documentId], status: 'approved' });
const reject = (documentId: string) => admin.post(`${ADMIN}/actions/moderate`).send({ documentIds: [documentId], status: 'rejected' });
const post = async (extra: Record<string, unknown> = {}) => {
  const res = await postComment(app, 'mail', aComment(extra));
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const unsubscribeLink = (text: string) => {
  const at = text.indexOf('/notifications/unsubscribe?token=');
  expect(at).toBeGreaterThan(0);
  return new URL(text.slice(text.lastIndexOf('http', at)).split(/\s/)[0]);
};

beforeAll(async () => {
  admin = await createAdmin(app);
  moderator = await createAdmin(app, { roles: [await roleWith(app, 'Moderators', ['plugin::cited-articles.comments.moderate'])] });
  outsider = await createAdmin(app, { roles: [await roleWith(app, 'Readers', ['plugin::cited-articles.comments.read'])] });
  app.strapi.config.set(`${NOTIFICATIONS}.moderatorDigestMinutes`, DIGEST_SECONDS / 60);
  setCommentOptions(app.strapi, { moderation: 'pre', rateLimit: { points: 1000, durationSeconds: 60 } });
  await createArticle(admin, { title: 'Mail article', slug: 'mail' });
});

describe('moderator digest', () => {
  it('emails every admin holding comments.moderate, batching what comes within moderatorDigestMinutes', async () => {
    const first = aComment();
    expect((await postComment(app, 'mail', first)).status).toBe(201);
    await smtp.waitFor(() => smtp.to(moderator.user.email).length === 1);
    const [mail] = smtp.to(moderator.user.email);
    expect(mail.subject).toBe('1 comment waiting for moderation');
    expect(mail.text).toContain(first.content);
    expect(mail.text).toContain('Mail article');
    expect(mail.text).toContain('/admin/plugins/cited-articles/comments?status=pending');
    expect(mail.from).toContain('newsroom@example.org');
    expect(smtp.to(admin.user.email)).toHaveLength(1); // Super Admins moderate too
    expect(smtp.to(outsider.user.email)).toHaveLength(0); // comments.read only
    // The commenter's address is not in the digest.
    expect(mail.text).not.toContain(first.authorEmail);

    const second = aComment();
    const third = aComment();
    await postComment(app, 'mail', second);
    await postComment(app, 'mail', third);
    await sleep(800);
    expect(smtp.to(moderator.user.email)).toHaveLength(1);
    await smtp.waitFor(() => smtp.to(moderator.user.email).length === 2);
    const digest = smtp.to(moderator.user.email)[1];
    expect(digest.subject).toBe('2 comments waiting for moderation');
    expect(digest.text).toContain(second.content);
    expect(digest.text).toContain(third.content);
    expect(digest.text).not.toContain(first.content);
    // Times of arrival: each run's reads and delivery come between its start and the mail, and on a
    // busy machine they differ by hundreds of milliseconds. A digest sent at once would be ~0 apart.
    expect(digest.receivedAt - mail.receivedAt).toBeGreaterThanOrEqual(DIGEST_SECONDS * 1000 - 700);
  });

  it('never emails about a comment rejected while it waited for the next digest', async () => {
    // One comment starts a period, the next waits for the period's end and is rejected meanwhile.
    await sleep(DIGEST_SECONDS * 1000);
    const sent = smtp.to(moderator.user.email).length;
    const opener = await post();
    await smtp.waitFor(() => smtp.to(moderator.user.email).length === sent + 1);
    const before = sent + 1;
    const documentId = await post();
    expect((await reject(documentId)).status).toBe(200);
    await sleep(DIGEST_SECONDS * 1000 + 800);
    expect(smtp.to(moderator.user.email)).toHaveLength(before);
    await reject(opener);
  });

  it('emails when reports send a comment back to pending, and uses notifications.moderatorEmails when set', async () => {
    app.strapi.config.set(`${NOTIFICATIONS}.moderatorEmails`, ['desk@example.org']);
    setCommentOptions(app.strapi, { reportThreshold: 1 });
    try {
      await sleep(DIGEST_SECONDS * 1000);
      const documentId = await post();
      await approve(documentId);
      await sleep(DIGEST_SECONDS * 1000);
      expect((await reportComment(app, documentId, { reason: 'abuse' })).status).toBe(201);
      await smtp.waitFor(() => smtp.to('desk@example.org').some((mail) => mail.text.includes('sent back by readers’ reports')));
      const mail = smtp.to('desk@example.org').find((m) => m.text.includes('sent back by readers’ reports'))!;
      expect(mail.to).toEqual(['desk@example.org']);
      // Only the configured addresses: the admins get nothing for it.
      expect(smtp.to(moderator.user.email).some((m) => m.text.includes('sent back by readers’ reports'))).toBe(false);
    } finally {
      app.strapi.config.set(`${NOTIFICATIONS}.moderatorEmails`, []);
      setCommentOptions(app.strapi, { reportThreshold: 3 });
    }
  });
});

describe('reply emails', () => {
  beforeAll(() => app.strapi.config.set(`${NOTIFICATIONS}.moderatorEmails`, ['moderators@example.org']));

  it('emails a reader who asked, once a reply is approved, with an unsubscribe link that works without login', async () => {
    const parent = await post({ authorEmail: 'asker@example.org', notifyReplies: true });
    await approve(parent);
    const reply = await post({ parent, content: 'A reader answers: see page 4 of the report.' });
    await sleep(1000);
    expect(smtp.to('asker@example.org')).toHaveLength(0); // pending: nothing yet

    await approve(reply);
    await smtp.waitFor(() => smtp.to('asker@example.org').length === 1);
    const mail = smtp.to('asker@example.org')[0];
    expect(mail.subject).toMatch(/replied to your comment on “Mail article”/);
    expect(mail.text).toContain('A reader answers: see page 4 of the report.');
    const link = unsubscribeLink(mail.text);
    expect(link.pathname).toBe('/api/cited-articles/notifications/unsubscribe');
    // The link names no address.
    expect(link.href).not.toContain('asker');

    // A tampered token is refused; the real one stops every reply email to the address.
    const token = link.searchParams.get('token')!;
    const tampered = await request(app.server)
      .get(`${link.pathname}?token=${token.slice(0, -2)}xx`)
      .set('Accept', 'application/json');
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.message).toMatch(/not valid/);
    const res = await request(app.server).get(`${link.pathname}${link.search}`).set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('no more emails');
    expect((await request(app.server).get(`${link.pathname}${link.search}`).set('Accept', 'application/json')).body.data).toEqual({
      unsubscribed: true,
    });
    // Stored as a keyed hash, not as the address.
    const optouts = await app.strapi.db.query('plugin::cited-articles.notification-optout').findMany({});
    expect(optouts).toHaveLength(1);
    expect(optouts[0].addressHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(optouts)).not.toContain('asker');

    const another = await post({ authorEmail: 'asker@example.org', notifyReplies: true });
    await approve(another);
    await approve(await post({ parent, content: 'Another answer.' }));
    await approve(await post({ parent: another, content: 'And one more.' }));
    await sleep(1500);
    expect(smtp.to('asker@example.org')).toHaveLength(1);
  });

  it('emails nobody who did not ask, and nobody about a rejected reply', async () => {
    const quiet = await post({ authorEmail: 'quiet@example.org' });
    await approve(quiet);
    await approve(await post({ parent: quiet }));

    const asker = await post({ authorEmail: 'asker2@example.org', notifyReplies: true });
    await approve(asker);
    await reject(await post({ parent: asker, content: 'A rejected reply.' }));
    await sleep(1500);
    expect(smtp.to('quiet@example.org')).toHaveLength(0);
    expect(smtp.to('asker2@example.org')).toHaveLength(0);
  });

  it('tells a reader of a newsroom reply, and a reader with an account at the account’s address', async () => {
    const jwt = await authenticatedReaderJwt(app, 'dana');
    const res = await request(app.server)
      .post('/api/cited-articles/articles/mail/comments')
      .set('X-Forwarded-For', nextIp())
      .set('Authorization', `Bearer ${jwt}`)
      .send({ content: 'Is the chart up to date?', notifyReplies: true });
    expect(res.status).toBe(201);
    expect(JSON.stringify(res.body)).not.toContain('dana@example.org');

    const reply = await moderator
      .post(`${ADMIN}/${res.body.data.documentId}/reply`)
      .send({ content: 'Yes, updated this morning.', approveParent: true });
    expect(reply.status).toBe(201);
    await smtp.waitFor(() => smtp.to('dana@example.org').length === 1);
    const mail = smtp.to('dana@example.org')[0];
    expect(mail.subject).toMatch(/\(newsroom\) replied to your comment/);
    expect(mail.text).toContain('Yes, updated this morning.');
  });

  it('retries a refused send, and the request does not wait for it', async () => {
    const parent = await post({ authorEmail: 'retry@example.org', notifyReplies: true });
    await approve(parent);
    const reply = await post({ parent, content: 'Worth the wait.' });
    smtp.refuseNext('retry@example.org', 1);
    const started = Date.now();
    expect((await approve(reply)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1500);
    await smtp.waitFor(() => smtp.to('retry@example.org').length === 1, 20_000);
    expect(smtp.to('retry@example.org')[0].text).toContain('Worth the wait.');
  });
});
