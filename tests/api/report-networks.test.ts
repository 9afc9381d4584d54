/**
 * Logged-in reporters are limited per network as well as per account: several accounts on one
 * address cannot, alone, push a comment over the report threshold, nor spend more than the
 * network's report budget.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle } from '../helpers/content';
import { aComment, nextIp, postComment, setCommentOptions } from '../helpers/comments';
import { authenticatedReaderJwt } from '../helpers/readers';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let readers: string[];

const approvedComment = async () => {
  const posted = await postComment(app, 'networks', aComment());
  const { documentId } = posted.body.data;
  await admin.post('/cited-articles/comments/actions/moderate').send({ documentIds: [documentId], status: 'approved' }).expect(200);
  return documentId as string;
};

const reportAs = (jwt: string | null, documentId: string, ip: string) => {
  let test = request(app.server).post(`/api/cited-articles/comments/${documentId}/report`).set('X-Forwarded-For', ip);
  if (jwt) test = test.set('Authorization', `Bearer ${jwt}`);
  return test.send({ reason: 'abuse' });
};

const stored = (documentId: string) => app.strapi.db.query(COMMENT_UID as any).findOne({ where: { documentId } });

beforeAll(async () => {
  admin = await createAdmin(app);
  await createArticle(admin, { title: 'Networks', slug: 'networks', body: 'Text.' });
  readers = [];
  for (let n = 0; n < 6; n += 1) readers.push(await authenticatedReaderJwt(app, `network-reader-${n}`));
});

beforeEach(() =>
  setCommentOptions(app.strapi, {
    rateLimit: { points: 1000, durationSeconds: 60 },
    reportRateLimit: { points: 100, durationSeconds: 60 },
    reportThreshold: 2,
  })
);

it('counts reports of one comment from several accounts on one network once toward the threshold', async () => {
  const documentId = await approvedComment();
  const ip = nextIp();
  const answers = [];
  for (const jwt of readers.slice(0, 4)) answers.push(await reportAs(jwt, documentId, ip));
  // Each account's report is recorded for the moderator…
  expect(answers.map((res) => res.status)).toEqual([201, 201, 201, 201]);
  const reports = await app.strapi.db
    .query('plugin::cited-articles.comment-report' as any)
    .count({ where: { comment: { documentId } } });
  expect(reports).toBe(4);
  // …but the network weighs once: the comment stays approved.
  expect(await stored(documentId)).toMatchObject({ status: 'approved', reportCount: 1 });
  // An anonymous report from the same network does not count again either.
  expect((await reportAs(null, documentId, ip)).status).toBe(201);
  expect(await stored(documentId)).toMatchObject({ status: 'approved', reportCount: 1 });

  // A report from a second network reaches the threshold of 2.
  expect((await reportAs(readers[4], documentId, nextIp())).status).toBe(201);
  expect(await stored(documentId)).toMatchObject({ status: 'pending', reportCount: 2, heldReason: 'reports' });
});

it('counts simultaneous reports from several accounts on one network once', async () => {
  const documentId = await approvedComment();
  const ip = nextIp();
  const answers = await Promise.all(readers.map((jwt) => reportAs(jwt, documentId, ip)));
  expect(answers.map((res) => res.status)).toEqual(Array(readers.length).fill(201));
  expect(await stored(documentId)).toMatchObject({ status: 'approved', reportCount: 1 });
});

it('spends one report budget per network, whatever the accounts', async () => {
  setCommentOptions(app.strapi, { reportRateLimit: { points: 3, durationSeconds: 60 } });
  const comments = [];
  for (let n = 0; n < 5; n += 1) comments.push(await approvedComment());
  const ip = nextIp();
  const statuses = [];
  for (let n = 0; n < 5; n += 1) statuses.push((await reportAs(readers[n], comments[n], ip)).status);
  expect(statuses).toEqual([201, 201, 201, 429, 429]);
});

it('still spends one report budget per account, whatever the networks', async () => {
  setCommentOptions(app.strapi, { reportRateLimit: { points: 3, durationSeconds: 60 } });
  const comments = [];
  for (let n = 0; n < 5; n += 1) comments.push(await approvedComment());
  const statuses = [];
  for (let n = 0; n < 5; n += 1) statuses.push((await reportAs(readers[5], comments[n], nextIp())).status);
  expect(statuses).toEqual([201, 201, 201, 429, 429]);
});
