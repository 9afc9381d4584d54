import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { ConflictError, parseOrThrow } from '../utils/errors';
import type { ListedThread } from '../services/contracts/comments';
import { toPublicComment, toPublicThread } from '../utils/public-shape';
import type { RequestContext } from '../utils/request-context';
import { commentSettings } from '../utils/settings';
import { localeQuery, readPagination, slugParams } from '../validation/content-api';
import { cachedPublicAnswer } from '../http-cache/cached-answer';
import { audienceOf, scopedCacheId } from '../http-cache/audience';
import { commentsKey, threadKey } from '../http-cache/keys';
import {
  createCommentBody,
  documentIdParams,
  editCommentBody,
  listCommentsQuery,
  readBody,
  replyPageQuery,
  reportBody,
} from '../validation/comments';

/** A reader's Users & Permissions account, as the JWT strategy puts it on the request. */
interface ReaderAccount {
  id: number;
  username: string;
  blocked?: boolean;
}

/** The Users & Permissions user behind the request (a reader's JWT), or null (public, API token). */
const readerAccount = (ctx: RequestContext): ReaderAccount | null =>
  ctx.state.auth?.strategy?.name === 'users-permissions' && ctx.state.user ? ctx.state.user : null;

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

  /** The reader acting on their own comment, after flood control (shared with posting). */
  const authorOf = async (ctx: RequestContext, verb: string) => {
    const guard = getService('abuse-guard', { strapi });
    await guard.assertCommentBudget(guard.hashIp(ctx.request.ip));
    const account = readerAccount(ctx);
    if (!account) throw new errors.UnauthorizedError(`Log in to ${verb} a comment: only its author, with their reader account, may.`);
    if (account.blocked) throw new errors.ForbiddenError(`This account is blocked and cannot ${verb} comments.`);
    return account;
  };

  return {
    /** GET /articles/:slug/comments?locale=: approved comments of one locale's thread, root comments paginated. */
    async find(ctx) {
      const { slug } = parseOrThrow(slugParams, ctx.params, 'article slug');
      const query = parseOrThrow(listCommentsQuery, { ...readPagination(ctx.query), sort: ctx.query.sort, locale: ctx.query.locale }, 'query');
      // Served from memory like articles (http-cache/cached-answer.ts): purged under the article's
      // comments key when a comment is approved, edited, sent back by reports or deleted. The
      // thread options are part of the id, as they shape the answer.
      const { maxDepth, repliesPerThread } = commentSettings(strapi);
      const id = scopedCacheId(
        audienceOf(ctx),
        JSON.stringify(['comments', slug, query.locale ?? null, query.page, query.pageSize, query.sort, maxDepth, repliesPerThread])
      );
      await cachedPublicAnswer(ctx, strapi, id, async () => {
        const { threads, pagination, commentCount, articleDocumentId } = await getService('comments-public', { strapi }).listApproved({
          slug,
          ...query,
        });
        // Roots also say how many replies their thread has, and whether GET …/replies has more.
        const shapeRoot = (node: ListedThread) => ({ ...toPublicThread(node), replyCount: node.replyCount, moreReplies: node.moreReplies });
        return {
          body: { data: threads.map(shapeRoot), meta: { pagination, sort: query.sort, commentCount } },
          keys: [commentsKey(articleDocumentId)],
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
        const { replies, pagination, articleDocumentId } = await getService('comment-replies', { strapi }).listReplies({
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
        // Flood control first: a sender over budget costs no validation, normalisation or query.
        const guard = getService('abuse-guard', { strapi });
        const ipHash = guard.hashIp(ctx.request.ip);
        await guard.assertCommentBudget(ipHash);

        const { slug } = parseOrThrow(slugParams, ctx.params, 'article slug');
        const { locale } = parseOrThrow(localeQuery, { locale: ctx.query.locale }, 'query');
        const settings = commentSettings(strapi);
        const account = readerAccount(ctx);
        // Users & Permissions already refuses a blocked user's JWT (401); this keeps it so.
        if (account?.blocked) throw new errors.ForbiddenError('This account is blocked and cannot post comments.');
        if (!account && settings.requireAccount) {
          throw new errors.UnauthorizedError('Log in to comment: this site accepts comments from reader accounts only.');
        }
        const body = parseOrThrow(createCommentBody({ ...settings, account: account !== null }), readBody(ctx.request.body), 'comment');
        const created = await getService('comments-public', { strapi }).create({
          slug,
          locale,
          ipHash,
          input: {
            // A reader with an account is shown by their username; their email stays on the account.
            authorName: account ? account.username : (body.authorName as string),
            authorEmail: account ? null : (body.authorEmail as string),
            userId: account?.id ?? null,
            notifyReplies: body.notifyReplies === true,
            content: body.content,
            parent: body.parent ?? null,
            honeypot: settings.honeypotField ? (body as Record<string, unknown>)[settings.honeypotField] : undefined,
          },
        });
        ctx.status = 201;
        ctx.body = { data: toPublicComment(created), meta: {} };
      });
    },

    /** PATCH /comments/:documentId: the author's new text, within comments.editWindowMinutes. */
    async update(ctx) {
      await answerErrors(ctx, async () => {
        const author = await authorOf(ctx, 'edit');
        const { documentId } = parseOrThrow(documentIdParams, ctx.params, 'comment documentId');
        const { content } = parseOrThrow(editCommentBody(commentSettings(strapi)), readBody(ctx.request.body), 'comment');
        const updated = await getService('comment-authors', { strapi }).edit({ documentId, author, content });
        ctx.body = { data: toPublicComment(updated), meta: {} };
      });
    },

    /** DELETE /comments/:documentId: the author's own comment (a placeholder while it has replies). */
    async delete(ctx) {
      await answerErrors(ctx, async () => {
        const author = await authorOf(ctx, 'delete');
        const { documentId } = parseOrThrow(documentIdParams, ctx.params, 'comment documentId');
        const { placeholder } = await getService('comment-authors', { strapi }).remove({ documentId, author });
        ctx.body = { data: { documentId, deleted: true, placeholder }, meta: {} };
      });
    },

    /** POST /comments/:documentId/report: one report per reporter counts. */
    async report(ctx) {
      await answerErrors(ctx, async () => {
        // Flood control first, per network and per account (see abuse-guard.assertReportBudget).
        const guard = getService('abuse-guard', { strapi });
        const reporter = { ipHash: guard.hashIp(ctx.request.ip), userId: ctx.state.user?.id ?? null };
        await guard.assertReportBudget(reporter);

        const { documentId } = parseOrThrow(documentIdParams, ctx.params, 'comment documentId');
        const { reason, details } = parseOrThrow(reportBody, readBody(ctx.request.body), 'report');
        const { counted } = await getService('comments-public', { strapi }).report({ documentId, reason, details, ...reporter });
        // 201 when this report was recorded; 200 when this reporter had already reported it.
        ctx.status = counted ? 201 : 200;
        ctx.body = { data: { comment: documentId, reason, counted }, meta: {} };
      });
    },
  };
};

export default comment;
