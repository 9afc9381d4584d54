import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { toPublicArticleSummary, toPublicSource } from '../utils/public-shape';
import { paginationQuery, readPagination, slugParams } from '../validation/content-api';

const article = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /articles: published articles, newest first, with reference and comment counts. */
  async find(ctx) {
    const { page, pageSize } = parseOrThrow(paginationQuery, readPagination(ctx.query), 'pagination');
    const { rows, pagination } = await getService('articles', { strapi }).listPublished({ page, pageSize });
    const counts = await getService('comment-counts', { strapi }).approvedByArticle(
      rows.map((row) => row.documentId)
    );
    ctx.body = {
      data: rows.map((row) => ({
        ...toPublicArticleSummary(row),
        referenceCount: row.citations?.count ?? 0,
        commentCount: counts.get(row.documentId) ?? 0,
      })),
      meta: { pagination },
    };
  },

  /** GET /articles/:slug: one published article. */
  async findOne(ctx) {
    const { slug } = parseOrThrow(slugParams, ctx.params, 'article slug');
    const row = await getService('articles', { strapi }).findPublishedBySlug(slug);
    if (!row) throw new errors.NotFoundError(`No published article has the slug "${slug}".`);
    const counts = await getService('comment-counts', { strapi }).approvedByArticle([row.documentId]);
    ctx.body = {
      data: {
        ...toPublicArticleSummary(row),
        body: row.body ?? '',
        commentsEnabled: row.commentsEnabled !== false,
        commentCount: counts.get(row.documentId) ?? 0,
        sources: (row.citations ?? []).map(toPublicSource),
      },
      meta: {},
    };
  },
});

export default article;
