import type { Core } from '@strapi/strapi';
import { parseOrThrow } from '../../utils/errors';
import { commentSettings } from '../../utils/settings';
import { localeQuery, slugParams } from '../../validation/content-api';
import { createCommentBody, documentIdParams, editCommentBody, listCommentsQuery, reportBody } from '../../validation/comments';
import type { Admitted } from '../../comments/admission';
import type { ReaderAccount } from '../../comments/caller';
import type { ReportReason } from '../../content-types/records';
import type { Pagination } from '../../../../shared/contracts';
import type { CommentAuthors } from './authors';
import type { CommentWithParentId } from './events';
import type { ListedThread, PublicComments } from './public';

/** A validated request for a page of an article's thread (threadRequest). */
export interface ThreadRequest {
  slug: string;
  locale?: string;
  page: number;
  pageSize: number;
  sort: 'oldest' | 'newest';
}

/** An absent or null value is "not given", as an absent query parameter or GraphQL argument. */
const given = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));

/**
 * A reader's comment use cases, one method each: posting, editing and deleting one's own comment,
 * reporting one, reading a thread page. The REST controller (controllers/comment.ts) and the
 * GraphQL resolvers (graphql/resolvers.ts) only read their transport's input into these methods
 * and shape the answer, so both APIs run the same checks, in the same order, with the same
 * validation and errors. Each write takes its caller as admitted (comments/admission.ts, run before
 * the handler by middlewares/comment-admission.ts on both APIs) and its inputs as the caller sent
 * them, which it validates with the zod schemas of validation/comments.ts.
 */
export const createCommentActions = ({
  strapi,
  publicComments,
  authors,
}: {
  strapi: Core.Strapi;
  publicComments: PublicComments;
  authors: CommentAuthors;
}) => ({
  async post({ admitted, slug, locale, body }: { admitted: Admitted; slug: unknown; locale?: unknown; body: unknown }): Promise<CommentWithParentId> {
    const { ipHash, account } = admitted;
    const params = parseOrThrow(slugParams, { slug }, 'article slug');
    const query = parseOrThrow(localeQuery, given({ locale }), 'query');
    const settings = commentSettings(strapi);
    const input = parseOrThrow(createCommentBody({ ...settings, account: account !== null }), body, 'comment');
    return publicComments.createComment({
      slug: params.slug,
      locale: query.locale,
      ipHash,
      input: {
        // A reader with an account is shown by their username; their email stays on the account.
        authorName: account ? account.username : (input.authorName as string),
        authorEmail: account ? null : (input.authorEmail as string),
        userId: account?.id ?? null,
        notifyReplies: input.notifyReplies === true,
        content: input.content,
        parent: input.parent ?? null,
        honeypot: settings.honeypotField ? (input as Record<string, unknown>)[settings.honeypotField] : undefined,
      },
    });
  },

  async edit({
    admitted,
    documentId,
    body,
  }: {
    admitted: Admitted & { account: ReaderAccount };
    documentId: unknown;
    body: unknown;
  }): Promise<CommentWithParentId> {
    const { account } = admitted;
    const params = parseOrThrow(documentIdParams, { documentId }, 'comment documentId');
    const { content } = parseOrThrow(editCommentBody(commentSettings(strapi)), body, 'comment');
    return authors.editAsAuthor({ documentId: params.documentId, author: account, content });
  },

  async remove({
    admitted,
    documentId,
  }: {
    admitted: Admitted & { account: ReaderAccount };
    documentId: unknown;
  }): Promise<{ documentId: string; placeholder: boolean }> {
    const { account } = admitted;
    const params = parseOrThrow(documentIdParams, { documentId }, 'comment documentId');
    const { placeholder } = await authors.removeAsAuthor({ documentId: params.documentId, author: account });
    return { documentId: params.documentId, placeholder };
  },

  async report({
    admitted,
    documentId,
    body,
  }: {
    admitted: Admitted;
    documentId: unknown;
    body: unknown;
  }): Promise<{ documentId: string; reason: ReportReason; counted: boolean }> {
    const { ipHash, userId } = admitted;
    const params = parseOrThrow(documentIdParams, { documentId }, 'comment documentId');
    const { reason, details } = parseOrThrow(reportBody, body, 'report');
    const { counted } = await publicComments.recordReport({
      documentId: params.documentId,
      reason,
      details,
      ipHash,
      userId,
    });
    return { documentId: params.documentId, reason, counted };
  },

  /**
   * Validates a thread page request. Apart from threadPage because the REST route caches pages by
   * the validated request (http-cache/cached-answer.ts) before it loads one.
   */
  threadRequest({
    slug,
    page,
    pageSize,
    sort,
    locale,
  }: {
    slug: unknown;
    page?: unknown;
    pageSize?: unknown;
    sort?: unknown;
    locale?: unknown;
  }): ThreadRequest {
    const params = parseOrThrow(slugParams, { slug }, 'article slug');
    const query = parseOrThrow(listCommentsQuery, given({ page, pageSize, sort, locale }), 'query');
    return { slug: params.slug, ...query };
  },

  async threadPage(request: ThreadRequest): Promise<{
    threads: ListedThread[];
    pagination: Pagination;
    commentCount: number;
    articleDocumentId: string;
    sort: ThreadRequest['sort'];
  }> {
    const { threads, ...rest } = await publicComments.listApproved(request);
    return { ...rest, threads, sort: request.sort };
  },
});
