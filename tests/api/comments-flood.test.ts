import crypto from 'crypto';
// The built plugin, as the app loads it (npm test builds it first).
import * as builtPlugin from 'strapi-plugin-cited-articles/strapi-server';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle } from '../helpers/content';
import { aComment, nextIp, postComment, reportComment, setCommentOptions } from '../helpers/comments';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const storedFor = async (documentId: string) =>
  app.strapi.db.query(COMMENT_UID as any).findMany({
    where: { article: { documentId } },
    select: ['documentId', 'content'],
  });

beforeAll(async () => {
  admin = await createAdmin(app);
});

afterEach(() => setCommentOptions(app.strapi, { rateLimit: { points: 5, durationSeconds: 60 }, redisUrl: null, redisKeyPrefix: 'cited-articles' }));

describe('flood control', () => {
  it('stores all of 200 simultaneous comments from 200 senders, each once', async () => {
    const article = await createArticle(admin, { title: 'Crowd', slug: 'crowd' });
    setCommentOptions(app.strapi, { rateLimit: { points: 1, durationSeconds: 60 } });
    const bodies = Array.from({ length: 200 }, () => aComment());
    const results = await Promise.all(bodies.map((body) => postComment(app, 'crowd', body, nextIp())));
    expect(results.map((res) => res.status)).toEqual(Array(200).fill(201));

    const rows = await storedFor(article.documentId);
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((row: any) => row.content))).toEqual(new Set(bodies.map((body) => body.content)));
    expect(new Set(results.map((res) => res.body.data.documentId))).toEqual(new Set(rows.map((row: any) => row.documentId)));
  });

  it('stores exactly the configured number of 200 simultaneous comments from one sender, and refuses the rest with 429', async () => {
    const article = await createArticle(admin, { title: 'Flood', slug: 'flood' });
    setCommentOptions(app.strapi, { rateLimit: { points: 7, durationSeconds: 60 } });
    const ip = nextIp();
    const bodies = Array.from({ length: 200 }, () => aComment());
    const results = await Promise.all(bodies.map((body) => postComment(app, 'flood', body, ip)));
    const accepted = results.filter((res) => res.status === 201);
    expect(accepted).toHaveLength(7);
    expect(results.filter((res) => res.status === 429)).toHaveLength(193);

    const rows = await storedFor(article.documentId);
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((row: any) => row.documentId))).toEqual(new Set(accepted.map((res) => res.body.data.documentId)));
    // Another sender is not affected.
    expect((await postComment(app, 'flood', aComment(), nextIp())).status).toBe(201);
  });

  it('counts IPv6 senders by their /64 network', async () => {
    await createArticle(admin, { title: 'Six', slug: 'six' });
    setCommentOptions(app.strapi, { rateLimit: { points: 2, durationSeconds: 60 } });
    expect((await postComment(app, 'six', aComment(), '2001:db8:1:2::1')).status).toBe(201);
    expect((await postComment(app, 'six', aComment(), '2001:db8:1:2:ffff::9')).status).toBe(201);
    expect((await postComment(app, 'six', aComment(), '2001:0db8:0001:0002:1234:5678:9abc:def0')).status).toBe(429);
    expect((await postComment(app, 'six', aComment(), '2001:db8:1:3::1')).status).toBe(201);
  });
});

describe('flood control comes first', () => {
  it('answers 429 with Retry-After to a sender over budget, even for a comment that would be 400 or 404', async () => {
    await createArticle(admin, { title: 'First', slug: 'flood-first' });
    setCommentOptions(app.strapi, { rateLimit: { points: 1, durationSeconds: 60 } });
    const ip = nextIp();
    expect((await postComment(app, 'flood-first', aComment(), ip)).status).toBe(201);
    // Each of these is refused before its body is validated and normalised, or any query runs.
    const refused = [
      await postComment(app, 'flood-first', aComment({ status: 'approved' }), ip),
      await postComment(app, 'flood-first', aComment({ content: '\u200B'.repeat(5000) }), ip),
      await postComment(app, 'no-such-article', aComment(), ip),
      await postComment(app, 'Not a slug!', aComment(), ip),
    ];
    for (const res of refused) {
      expect(res.status).toBe(429);
      expect(res.body.error).toMatchObject({
        status: 429,
        name: 'RateLimitError',
        message: expect.stringMatching(/^Too many comments from your network/),
      });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('answers 429 to a reporter over budget, even for a report that would be 400', async () => {
    setCommentOptions(app.strapi, { rateLimit: { points: 100, durationSeconds: 60 } });
    app.strapi.config.set('plugin::cited-articles.comments.reportRateLimit', { points: 1, durationSeconds: 60 });
    try {
      const posted = await postComment(app, 'flood-first', aComment());
      const { documentId } = posted.body.data;
      await admin
        .post('/cited-articles/comments/actions/moderate')
        .send({ documentIds: [documentId], status: 'approved' })
        .expect(200);
      const ip = nextIp();
      expect((await reportComment(app, documentId, { reason: 'spam' }, ip)).status).toBe(201);
      const refused = await reportComment(app, documentId, { reason: 'not a reason', extra: true }, ip);
      expect(refused.status).toBe(429);
      expect(refused.body.error.message).toMatch(/^Too many reports/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      app.strapi.config.set('plugin::cited-articles.comments.reportRateLimit', { points: 10, durationSeconds: 60 });
    }
  });
});

describe('flood control in Redis', () => {
  // The plugin's moderation service (its rate limiter), as a second Strapi instance would run it.
  const anotherInstance = () => {
    const plugin: any = builtPlugin;
    return (plugin.default ?? plugin).services.moderation({ strapi: app.strapi });
  };

  it('shares one limit between instances that use the same Redis and key prefix', async () => {
    await createArticle(admin, { title: 'Shared', slug: 'shared' });
    const prefix = `ca-test-${crypto.randomBytes(6).toString('hex')}`;
    const limits = { points: 5, durationSeconds: 60 };
    setCommentOptions(app.strapi, { rateLimit: limits, redisUrl: REDIS_URL, redisKeyPrefix: prefix });
    const ip = nextIp();
    const ipHash = app.strapi.plugin('cited-articles').service('moderation').hashIp(ip);

    const other = anotherInstance();
    await Promise.all([app.strapi.plugin('cited-articles').service('moderation').connect(), other.connect()]);
    try {
      // The other instance takes 3 of this sender's 5 comments…
      for (let n = 0; n < 3; n += 1) expect((await other.consumeLimit('comments', ipHash, limits)).allowed).toBe(true);
      // …so this one accepts 2 and refuses the third.
      expect((await postComment(app, 'shared', aComment(), ip)).status).toBe(201);
      expect((await postComment(app, 'shared', aComment(), ip)).status).toBe(201);
      expect((await postComment(app, 'shared', aComment(), ip)).status).toBe(429);
      expect((await other.consumeLimit('comments', ipHash, limits)).allowed).toBe(false);
    } finally {
      await other.destroy();
    }
  });

  it('shares duplicate detection between instances', async () => {
    const prefix = `ca-test-${crypto.randomBytes(6).toString('hex')}`;
    setCommentOptions(app.strapi, { rateLimit: { points: 100, durationSeconds: 60 }, redisUrl: REDIS_URL, redisKeyPrefix: prefix });
    const other = anotherInstance();
    const first = anotherInstance();
    await Promise.all([other.connect(), first.connect()]);
    try {
      const limits = { points: 1, durationSeconds: 60 };
      expect((await first.consumeLimit('duplicates', 'same-key', limits)).allowed).toBe(true);
      expect((await other.consumeLimit('duplicates', 'same-key', limits)).allowed).toBe(false);
    } finally {
      await Promise.all([other.destroy(), first.destroy()]);
    }
  });

  it('falls back to memory counters when Redis does not answer', async () => {
    setCommentOptions(app.strapi, { rateLimit: { points: 2, durationSeconds: 60 }, redisUrl: 'redis://127.0.0.1:1', redisKeyPrefix: 'down' });
    const ip = nextIp();
    expect((await postComment(app, 'shared', aComment(), ip)).status).toBe(201);
    expect((await postComment(app, 'shared', aComment(), ip)).status).toBe(201);
    expect((await postComment(app, 'shared', aComment(), ip)).status).toBe(429);
  });
});
