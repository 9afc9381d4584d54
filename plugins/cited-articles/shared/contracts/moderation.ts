import type { CommentStatus, MODERATION_DECISIONS } from '../comment-statuses';
import type { Pagination } from './pagination';
import type { RouteContract } from './route';

export type { CommentStatus };

/** What a moderator can decide about a comment (every status but `pending`). */
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/** A comment as moderators see it: everything, emails included (never on the content API). */
export interface AdminComment {
  documentId: string;
  content: string;
  /** null on the placeholder of a comment its author deleted (kept for its replies). */
  authorName: string | null;
  authorEmail: string | null;
  status: CommentStatus;
  depth: number;
  /** The documentId of the comment it answers. */
  parent: string | null;
  threadRoot: string | null;
  article: { documentId: string; slug: string; title: string } | null;
  /** The locale of the article version the comment belongs to (a thread per locale). */
  locale: string | null;
  reportCount: number;
  /**
   * Why it waits: `links`, `blocked-word`, `honeypot`, `reports`, or `edited` (its author edited it
   * after approval under pre-moderation, and readers see it again once approved).
   */
  heldReason: string | null;
  ipHash: string | null;
  moderatedBy: string | null;
  moderatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  editedAt: string | null;
  /** Deleted by its author, kept for its replies. */
  deleted: boolean;
  /** A reply from the newsroom (an admin's). */
  staff: boolean;
}

export interface CommentReport {
  documentId: string;
  reason: string;
  details: string | null;
  resolved: boolean;
  createdAt: string;
}

/** A comment with its whole thread (any status, oldest first) and its reports. */
export interface AdminCommentDetail extends AdminComment {
  thread: AdminComment[];
  reports: CommentReport[];
}

/** GET /cited-articles/comments: the query (`reported` as the URL carries it). */
export interface ModerationQueueQuery {
  status?: CommentStatus;
  article?: string;
  locale?: string;
  reported?: 'true' | 'false';
  q?: string;
  sort?: 'newest' | 'oldest';
  page?: number;
  pageSize?: number;
}

/** GET /cited-articles/comments: a page of the queue and the count of each status. */
export interface ModerationQueueResponse {
  data: AdminComment[];
  meta: { pagination: Pagination; counts: Record<CommentStatus, number> };
}

/** GET /cited-articles/comments/:documentId */
export interface CommentDetailResponse {
  data: AdminCommentDetail;
  meta: Record<string, never>;
}

/** POST /cited-articles/comments/actions/moderate */
export interface ModerateRequest {
  documentIds: string[];
  status: ModerationDecision;
}

export interface ModerateResponse {
  data: AdminComment[];
  meta: { updated: number };
}

/** POST /cited-articles/comments/actions/delete */
export interface BulkDeleteRequest {
  documentIds: string[];
}

/** POST /cited-articles/comments/actions/delete and DELETE /cited-articles/comments/:documentId */
export interface DeleteCommentsResponse {
  data: { deleted: string[] };
  meta: { deleted: number };
}

/** POST /cited-articles/comments/:documentId/reply */
export interface StaffReplyRequest {
  content: string;
  /** Approve the pending comment first (the reply is refused with 409 otherwise). */
  approveParent?: boolean;
}

export interface StaffReplyResponse {
  data: AdminComment;
  meta: Record<string, never>;
}

/*
 * One contract per admin route the Comments page calls (see contracts/route.ts). The shapes above
 * stay the definitions; these name them by route.
 */

/** GET /cited-articles/comments */
export type GetComments = RouteContract<{ query: ModerationQueueQuery }, ModerationQueueResponse>;

/** GET /cited-articles/comments/:documentId */
export type GetComment = RouteContract<{ params: { documentId: string } }, CommentDetailResponse>;

/** POST /cited-articles/comments/actions/moderate */
export type ModerateComments = RouteContract<{ body: ModerateRequest }, ModerateResponse>;

/** POST /cited-articles/comments/actions/delete */
export type DeleteComments = RouteContract<{ body: BulkDeleteRequest }, DeleteCommentsResponse>;

/** DELETE /cited-articles/comments/:documentId */
export type DeleteComment = RouteContract<{ params: { documentId: string } }, DeleteCommentsResponse>;

/** POST /cited-articles/comments/:documentId/reply */
export type ReplyToComment = RouteContract<{ params: { documentId: string }; body: StaffReplyRequest }, StaffReplyResponse>;
