/**
 * Behind one trusted proxy (IS_PROXIED=true, PROXY_HOPS=1) the client address is the one that proxy
 * appended to X-Forwarded-For (the rightmost entry), never one the client wrote itself.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle } from '../helpers/content';
import { aComment, nextIp, postComment, reportComment, setCommentOptions } from '../helpers/comments';

let warn: jest.SpyInstance;
const app = setupStrapi({
  env: { IS_PROXIED: 'true', PROXY_HOPS: '1' },
  beforeLoad: (strapi) => {
    warn = jest.spyOn(strapi.log, 'warn');
  },
});
let admin: AdminSession;

/** What a client that invents addresses sends, once the trusted proxy has appended what it saw. */
const spoofed = (n: number, proxySaw: string) => `203.0.113.${n}, 198.51.100.${n}, ${proxySaw}`;

beforeAll(async () => {
  admin = await createAdmin(app);
  await createArticle(admin, { title: 'Proxied', slug: 'proxied', body: 'Text.' });
});

it('takes the client address from the entry the proxy appended', async () => {
  const proxySaw = nextIp();
  const res = await postComment(app, 'proxied', aComment(), spoofed(1, proxySaw));
  expect(res.status).toBe(201);
  const stored: any = await app.strapi.db.query(COMMENT_UID as any).findOne({ where: { documentId: res.body.data.documentId } });
  expect(stored.ipHash).toBe(app.strapi.plugin('cited-articles').service('moderation').hashIp(proxySaw));
});

it('counts ten comments with invented leftmost X-Forwarded-For entries as one sender: the sixth gets 429', async () => {
  setCommentOptions(app.strapi, { rateLimit: { points: 5, durationSeconds: 60 } });
  const proxySaw = nextIp();
  const statuses: number[] = [];
  for (let n = 0; n < 10; n += 1) statuses.push((await postComment(app, 'proxied', aComment(), spoofed(n, proxySaw))).status);
  expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429, 429, 429]);
});

it('counts reports with invented leftmost entries as one reporter: they cannot send a comment back to pending', async () => {
  setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 }, reportThreshold: 3 });
  const posted = await postComment(app, 'proxied', aComment());
  const { documentId } = posted.body.data;
  await admin
    .post('/cited-articles/comments/actions/moderate')
    .send({ documentIds: [documentId], status: 'approved' })
    .expect(200);

  const proxySaw = nextIp();
  const answers = [];
  for (let n = 0; n < 3; n += 1) answers.push(await reportComment(app, documentId, { reason: 'abuse' }, spoofed(n, proxySaw)));
  expect(answers.map((res) => [res.status, res.body.data.counted])).toEqual([
    [201, true],
    [200, false],
    [200, false],
  ]);
  const stored: any = await app.strapi.db.query(COMMENT_UID as any).findOne({ where: { documentId } });
  expect(stored).toMatchObject({ status: 'approved', reportCount: 1 });
  const listed = await request(app.server).get('/api/cited-articles/articles/proxied/comments?pageSize=100');
  expect(listed.body.data.map((c: any) => c.documentId)).toContain(documentId);
});

it('does not warn about the proxy at startup when the hop count is set', () => {
  expect(warn.mock.calls.map((call) => String(call[0]))).not.toContainEqual(expect.stringMatching(/X-Forwarded-For/));
});
