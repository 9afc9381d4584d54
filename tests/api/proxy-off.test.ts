/**
 * Not behind a proxy (IS_PROXIED unset): X-Forwarded-For is the client's own writing and is ignored;
 * the address is the socket's.
 */
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { aComment, nextIp, postComment, setCommentOptions } from '../helpers/comments';

const app = setupStrapi();

it('ignores X-Forwarded-For: ten comments with ten invented addresses are one sender', async () => {
  const admin = await createAdmin(app);
  await createArticle(admin, { title: 'Direct', slug: 'direct', body: 'Text.' });
  setCommentOptions(app.strapi, { rateLimit: { points: 5, durationSeconds: 60 } });
  const statuses: number[] = [];
  for (let n = 0; n < 10; n += 1) statuses.push((await postComment(app, 'direct', aComment(), nextIp())).status);
  expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429, 429, 429]);
});
