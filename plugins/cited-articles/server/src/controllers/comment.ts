import type { Core } from '@strapi/strapi';

import { admittedFor } from '../middlewares/comment-admission';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { answerRestRefusal } from '../utils/rest-refusal';
import { toPublicComment, toPublicRoot } from '../utils/public-shape';
import type { RequestContext } from '../utils/request-context';
import { commentSettings } from '../utils/settings';
import { readPagination } from '../validation/content-api';
import { cachedPublicAnswer } from '../http-cache/cached-answer';
import { audienceOf, scopedCacheId } from '../http-cache/audience';
import { commentPageKeys, commentsKey, threadKey } from '../http-cache/keys';
import { documentIdParams, readBody, replyPageQuery } from '../validation/comments';

/**
 * Reader comments on the content API. The client IP is ctx.request.ip: behind a reverse proxy,
 * enable server.proxy.koa with maxIpsCount (the number of proxies) in config/server.ts, or every
 * reader shares the proxy's address (no proxy setting) or picks their own (no maxIpsCount).
 */
const comment = ({ strapi }: { strapi: Core.Strapi }): Core.Controller => {
  // Errors Strapi would answer without saying why, or without Retry-After (utils/rest-refusal.ts).
  const answerErrors = async (ctx: RequestContext, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      answerRestRefusal(ctx, error);
    }
  };

  const actions = () => getService('comments', { strapi });

  return {
    /** GET /articles/:slug/comments?locale=: approved comments of one locale's thread, root comments paginated. */
    async find(ctx) {
      const request = actions().threadRequest({
        slug: ctx.params.slug,
        ...readPagination(ctx.query),
        sort: ctx.query.sort,
        locale: ctx.query.locale,
      });
      // Served from memory like articles (http-cache/cached-answer.ts): purged under the article's
      // comments key when a comment is approved, edited, sent back by reports or deleted. The
      // thread options are part of the id, as they shape the answer.
      const { maxDepth, repliesPerThread } = commentSettings(strapi);
      const id = scopedCacheId(
        audienceOf(ctx),
        JSON.stringify(['comments', request.slug, request.locale ?? null, request.page, request.pageSize, request.sort, maxDepth, repliesPerThread])
      );
      await cachedPublicAnswer(ctx, strapi, id, async () => {
        const { threads, pagination, sort, commentCount, articleDocumentId } = await actions().threadPage(request);
        return {
          body: { data: threads.map(toPublicRoot), meta: { pagination, sort, commentCount } },
          keys: commentPageKeys(articleDocumentId),
        };
      });
    },

    /** GET /comments/:documentId/replies: a page of a thread's approved replies, flat, oldest first. */
    async replies(ctx) {
      const { documentId } = parseOrThrow(documentIdParams, ctx.params, 'comment documentId');
      const { repliesPerThread, maxDepth } = commentSettings(strapi);
      const { page, pageSize } = parseOrThrow(replyPageQuery(repliesPerThread), readPagination(ctx.query), 'pagination');
      const id = scopedCacheId(audienceOf(ctx), JSON.stringify(['replies', documentId, page, pageSize, maxDepth]));
      await cachedPublicAnswer(ctx, strapi, id, async () => {
        const { replies, pagination, articleDocumentId } = await getService('comments', { strapi }).listReplies({
          documentId,
          page,
          pageSize,
        });
        return {
          body: { data: replies.map(toPublicComment), meta: { pagination, thread: documentId } },
          keys: [threadKey(documentId), commentsKey(articleDocumentId)],
        };
      });
    },

    /** POST /articles/:slug/comments: a new comment, pending unless post-moderation lets it through. */
    async create(ctx) {
      await answerErrors(ctx, async () => {
        const created = await actions().post({
          admitted: admittedFor(ctx.state, 'post'),
          slug: ctx.params.slug,
          locale: ctx.query.locale,
          body: readBody(ctx.request.body),
        });
        ctx.status = 201;
        ctx.body = { data: toPublicComment(created), meta: {} };
      });
    },

    /** PATCH /comments/:documentId: the author's new text, within comments.editWindowMinutes. */
    async update(ctx) {
      await answerErrors(ctx, async () => {
        const updated = await actions().edit({
          admitted: admittedFor(ctx.state, 'edit'),
          documentId: ctx.params.documentId,
          body: readBody(ctx.request.body),
        });
        ctx.body = { data: toPublicComment(updated), meta: {} };
      });
    },

    /** DELETE /comments/:documentId: the author's own comment (a placeholder while it has replies). */
    async delete(ctx) {
      await answerErrors(ctx, async () => {
        const { documentId, placeholder } = await actions().remove({ admitted: admittedFor(ctx.state, 'delete'), documentId: ctx.params.documentId });
        ctx.body = { data: { documentId, deleted: true, placeholder }, meta: {} };
      });
    },

    /** POST /comments/:documentId/report: one report per reporter counts. */
    async report(ctx) {
      await answerErrors(ctx, async () => {
        const { documentId, reason, counted } = await actions().report({
          admitted: admittedFor(ctx.state, 'report'),
          documentId: ctx.params.documentId,
          body: readBody(ctx.request.body),
        });
        // 201 when this report was recorded; 200 when this reporter had already reported it.
        ctx.status = counted ? 201 : 200;
        ctx.body = { data: { comment: documentId, reason, counted }, meta: {} };
      });
    },
  };
};

export default comment;
