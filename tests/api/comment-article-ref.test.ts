/**
 * Comment counts and pages go by the comment's copy of its article's documentId rather than through
 * the relation's link table (see services/comments/article-ref.ts). These tests hold the copy equal
 * to the relation whichever way a comment is written, and the public routes off the link table.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle, createComment } from '../helpers/content';
import { countQueries } from '../helpers/queries';
import { aComment, listComments, postComment, setCommentOptions } from '../helpers/comments';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let first: any;
let second: any;

const commentCount = async (slug: string) => {
  const res = await request(app.server).get(`/api/cited-articles/articles/${slug}`);
  expect(res.status).toBe(200);
  return res.body.data.commentCount as number;
};
const listedTotal = async (slug: string) => (await listComments(app, slug)).body.meta.pagination.total as number;
const storedCopy = async (documentId: string) =>
  (await app.strapi.db.query(COMMENT_UID as any).findOne({ where: { documentId }, select: ['articleDocumentId'] })).articleDocumentId;

beforeAll(async () => {
  admin = await createAdmin(app);
  setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 }, moderation: 'post' });
  first = await createArticle(admin, { title: 'First of two', slug: 'first-of-two' });
  second = await createArticle(admin, { title: 'Second of two', slug: 'second-of-two' });
});

it('is set on a comment posted by a reader', async () => {
  const res = await postComment(app, 'first-of-two', aComment());
  expect(res.status).toBe(201);
  expect(await storedCopy(res.body.data.documentId)).toBe(first.documentId);
  expect(await commentCount('first-of-two')).toBe(1);
});

it('is set on a comment created through the Document Service, and follows a move to another article', async () => {
  const comment = await createComment(app.strapi, {
    article: second.documentId,
    content: 'Written by an integration',
    authorName: 'Sync',
    status: 'approved',
  });
  expect(await storedCopy(comment.documentId)).toBe(second.documentId);
  expect(await commentCount('second-of-two')).toBe(1);

  await app.strapi.documents(COMMENT_UID as any).update({ documentId: comment.documentId, data: { article: first.documentId } as any });
  expect(await storedCopy(comment.documentId)).toBe(first.documentId);
  expect(await commentCount('second-of-two')).toBe(0);
  expect(await commentCount('first-of-two')).toBe(2);
  expect(await listedTotal('first-of-two')).toBe(2);
});

it('is filled by the startup backfill on comments written without it (or before articles were localized)', async () => {
  const table = app.strapi.db.metadata.get(COMMENT_UID as any).tableName;
  await app.strapi.db.connection(table).update({ article_document_id: null, article_locale: null, article_version: null });
  // A raw SQL write runs no lifecycle, so nothing purges the cached comment pages or marks the kept
  // comment counts stale: done here.
  app.strapi.plugin('cited-articles').service('caching').clear();
  await app.strapi.plugin('cited-articles').service('comments').markAllTalliesStale();
  expect(await listedTotal('first-of-two')).toBe(0);

  const filled = await app.strapi.plugin('cited-articles').service('comments').backfillArticleRefs();
  expect(filled).toBe(2);
  const rows = await app.strapi.db.connection(table).select('article_locale', 'article_version');
  expect(rows.map((row: any) => row.article_locale)).toEqual(['en', 'en']);
  expect(rows.every((row: any) => row.article_version.endsWith(':en'))).toBe(true);
  expect(await listedTotal('first-of-two')).toBe(2);
  expect(await commentCount('first-of-two')).toBe(2);
  expect(await app.strapi.plugin('cited-articles').service('comments').backfillArticleRefs()).toBe(0);
});

it('keeps the article, list and comments routes off the relation link table', async () => {
  const link = (app.strapi.db.metadata.get(COMMENT_UID as any).attributes as any).article.joinTable.name;
  for (const url of [
    '/api/cited-articles/articles/first-of-two',
    '/api/cited-articles/articles',
    '/api/cited-articles/articles/first-of-two/comments',
  ]) {
    await request(app.server).get(url);
    const { sql, result } = await countQueries(app.strapi, () => request(app.server).get(url));
    expect(result.status).toBe(200);
    expect(sql.filter((query) => query.includes(link))).toEqual([]);
  }
});
