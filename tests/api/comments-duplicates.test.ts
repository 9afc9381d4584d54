/**
 * Duplicate detection compares normalised text (case, compatibility forms, whitespace runs) the same
 * way wherever the earlier post is remembered: the in-memory claim, the Redis claim shared by
 * several instances, and the database, which is all that is left after a restart or an expiry.
 */
import crypto from 'crypto';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle } from '../helpers/content';
import { nextIp, postComment, setCommentOptions } from '../helpers/comments';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const SLUG = 'duplicates';

const plugin = () => app.strapi.plugin('cited-articles');
/** Forgets every in-memory counter and claim, as a restart (or another instance) would. */
const forgetMemoryClaims = () => plugin().service('moderation').destroy();
/** Removes the stored comment, so that only a claim can still recognise the text. */
const removeStoredComment = (documentId: string) => app.strapi.db.query(COMMENT_UID as any).deleteMany({ where: { documentId } });

let n = 0;
/** One sender's two spellings of the same comment, and a text that differs in its words. */
const variants = () => {
  n += 1;
  return {
    sender: { authorName: `Duplicate ${n}`, authorEmail: `duplicate${n}@example.org` },
    first: `Great  article number ${n}.\n\nThe SOURCES   are   solid.`,
    same: `great article Number ${n}. the sources are SOLID.`,
    // Full-width letters and a no-break space fold to the same text under NFKC.
    compatible: `Ｇｒｅａｔ\u00a0article number ${n}. The sources are solid.`,
    distinct: `Great article number ${n}. The sources are shaky.`,
  };
};

beforeAll(async () => {
  admin = await createAdmin(app);
  await createArticle(admin, { title: 'Duplicates', slug: SLUG, body: 'Text.' });
  setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 } });
});

afterEach(async () => {
  setCommentOptions(app.strapi, { redisUrl: null, redisKeyPrefix: 'cited-articles' });
  await forgetMemoryClaims();
});

const post = (content: string, sender: Record<string, string>, ip: string) => postComment(app, SLUG, { ...sender, content }, ip);

const expectDuplicate = (res: any) => {
  expect(res.status).toBe(409);
  expect(res.body).toEqual({
    data: null,
    error: expect.objectContaining({ status: 409, name: 'ConflictError', message: 'You already posted this comment on this article.' }),
  });
};

describe('duplicates that differ in case and whitespace', () => {
  it('are refused by the in-memory claim alone', async () => {
    const { sender, first, same, compatible, distinct } = variants();
    const ip = nextIp();
    const posted = await post(first, sender, ip);
    expect(posted.status).toBe(201);
    await removeStoredComment(posted.body.data.documentId);

    expectDuplicate(await post(same, sender, ip));
    expectDuplicate(await post(compatible, sender, ip));
    expect((await post(distinct, sender, ip)).status).toBe(201);
  });

  it('are refused by the Redis claim alone, which another instance shares', async () => {
    const prefix = `ca-dup-${crypto.randomBytes(6).toString('hex')}`;
    setCommentOptions(app.strapi, { redisUrl: REDIS_URL, redisKeyPrefix: prefix });
    await plugin().service('moderation').connect();
    const { sender, first, same, distinct } = variants();
    const ip = nextIp();
    const posted = await post(first, sender, ip);
    expect(posted.status).toBe(201);
    await removeStoredComment(posted.body.data.documentId);
    // A fresh connection and fresh limiters: nothing in this process's memory remembers the post.
    await forgetMemoryClaims();
    await plugin().service('moderation').connect();

    expectDuplicate(await post(same, sender, ip));
    expect((await post(distinct, sender, ip)).status).toBe(201);
  });

  it('are refused from the database alone, by the same sender (IP or email)', async () => {
    const { sender, first, same, compatible, distinct } = variants();
    const ip = nextIp();
    const posted = await post(first, sender, ip);
    expect(posted.status).toBe(201);

    await forgetMemoryClaims();
    expectDuplicate(await post(same, sender, ip));
    await forgetMemoryClaims();
    expectDuplicate(await post(compatible, { ...sender, authorEmail: 'someone-else@example.org' }, ip));
    await forgetMemoryClaims();
    expectDuplicate(await post(same, sender, nextIp()));
    await forgetMemoryClaims();
    expect((await post(distinct, sender, ip)).status).toBe(201);
    // Another sender may say the same thing.
    expect((await post(same, { authorName: 'Someone', authorEmail: `other${n}@example.org` }, nextIp())).status).toBe(201);
  });

  it('are refused from the database for comments stored before fingerprints existed, once backfilled', async () => {
    const { sender, first, same } = variants();
    const ip = nextIp();
    const posted = await post(first, sender, ip);
    expect(posted.status).toBe(201);
    // As a row written by an earlier version: no fingerprint.
    await app.strapi.db.query(COMMENT_UID as any).updateMany({
      where: { documentId: posted.body.data.documentId },
      data: { contentFingerprint: null },
    });
    expect(await plugin().service('comments').backfillFingerprints()).toBeGreaterThanOrEqual(1);

    await forgetMemoryClaims();
    expectDuplicate(await post(same, sender, ip));
  });

  it('keeps the fingerprint private', async () => {
    const { sender, first } = variants();
    const posted = await post(first, sender, nextIp());
    expect(posted.status).toBe(201);
    expect(JSON.stringify(posted.body)).not.toMatch(/fingerprint/i);
    const stored: any = await app.strapi.db.query(COMMENT_UID as any).findOne({ where: { documentId: posted.body.data.documentId } });
    expect(stored.contentFingerprint).toMatch(/^[0-9a-f]{64}$/);
    const list = await postComment(app, SLUG, {}, nextIp()); // a 400 must not leak it either
    expect(JSON.stringify(list.body)).not.toMatch(/fingerprint/i);
  });
});
