import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { commentCaller } from '../comments/caller';
import { getService } from '../utils/get-service';
import { ConflictError, parseOrThrow } from '../utils/errors';
import { toPublicComment, toPublicRoot } from '../utils/public-shape';
import type { RequestContext } from '../utils/request-context';
import { commentSettings } from '../utils/settings';
import { readPagination } from '../validation/content-api';
import { cachedPublicAnswer } from '../http-cache/cached-answer';
import { audienceOf, scopedCacheId } from '../http-cache/audience';
import { commentPageKeys, commentsKey, threadKey } from '../http-cache/keys';
import { documentIdParams, readBody, replyPageQuery } from '../validation/comments';

/** The caller as every comment use case reads it (comments/caller.ts). */
const callerOf = (ctx: RequestContext) => commentCaller(ctx.state, ctx.request.ip);

/**
 * Reader comments on the content API. The client IP is ctx.request.ip: behind a reverse proxy,
 * enable server.proxy.koa with maxIpsCount (the number of proxies) in config/server.ts, or every
 * reader shares the proxy's address (no proxy setting) or picks their own (no maxIpsCount).
 */
const comment = ({ strapi }: { strapi: Core.Strapi }): Core.Controller => {
  // Some answers need ctx: Strapi has no conflict error class; Retry-After is a header; and a
  // ForbiddenError thrown past Strapi's authorize middleware is answered with a bare "Forbidden",
  // while a reader should learn why (comments closed), so 403 is answered here.
  const answerErrors = async (ctx: RequestContext, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      if (error instanceof ConflictError) return ctx.conflict(error.message, error.details);
      if (error instanceof errors.UnauthorizedError) return ctx.unauthorized(error.message, error.details ?? {});
      if (error instanceof errors.ForbiddenError) return ctx.forbidden(error.message, error.details ?? {});
      if (error instanceof errors.RateLimitError) {
        const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (retry) ctx.set('Retry-After', String(retry));
      }
      throw error;
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
          caller: callerOf(ctx),
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
        const updated = await actions().edit({ caller: callerOf(ctx), documentId: ctx.params.documentId, body: readBody(ctx.request.body) });
        ctx.body = { data: toPublicComment(updated), meta: {} };
      });
    },

    /** DELETE /comments/:documentId: the author's own comment (a placeholder while it has replies). */
    async delete(ctx) {
      await answerErrors(ctx, async () => {
        const { documentId, placeholder } = await actions().remove({ caller: callerOf(ctx), documentId: ctx.params.documentId });
        ctx.body = { data: { documentId, deleted: true, placeholder }, meta: {} };
      });
    },

    /** POST /comments/:documentId/report: one report per reporter counts. */
    async report(ctx) {
      await answerErrors(ctx, async () => {
        const { documentId, reason, counted } = await actions().report({
          caller: callerOf(ctx),
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
