import type { CommentStatus, MODERATION_DECISIONS } from '../comment-statuses';
import type { Pagination } from './pagination';

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

/**
 * Which of the moderation queue's counts stopped at their cap and are a lower bound ("1,000+"):
 * `pagination.total` (the cap is 1,000, or the end of the next page when further) and each status
 * of `counts` (1,000). When the total is capped, `pagination.pageCount` counts one page past it.
 */
export interface ModerationQueueCapped {
  total: boolean;
  counts: Record<CommentStatus, boolean>;
}

/** GET /cited-articles/comments: a page of the queue and the count of each status (up to 1,000: see `capped`). */
export interface ModerationQueueResponse {
  data: AdminComment[];
  meta: { pagination: Pagination; counts: Record<CommentStatus, number>; capped: ModerationQueueCapped };
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
 * One namespace per admin route the Comments page calls, as Strapi's own plugins declare theirs
 * (content-releases' shared/contracts): `Request` is what the route reads (`query`, `params`,
 * `body`), `Response` its answer. The shapes above stay the definitions; these name them by route.
 */

/** GET /cited-articles/comments */
export declare namespace GetComments {
  export interface Request {
    query: ModerationQueueQuery;
  }
  export type Response = ModerationQueueResponse;
}

/** GET /cited-articles/comments/:documentId */
export declare namespace GetComment {
  export interface Request {
    params: { documentId: string };
  }
  export type Response = CommentDetailResponse;
}

/** POST /cited-articles/comments/actions/moderate */
export declare namespace ModerateComments {
  export interface Request {
    body: ModerateRequest;
  }
  export type Response = ModerateResponse;
}

/** POST /cited-articles/comments/actions/delete */
export declare namespace DeleteComments {
  export interface Request {
    body: BulkDeleteRequest;
  }
  export type Response = DeleteCommentsResponse;
}

/** DELETE /cited-articles/comments/:documentId */
export declare namespace DeleteComment {
  export interface Request {
    params: { documentId: string };
  }
  export type Response = DeleteCommentsResponse;
}

/** POST /cited-articles/comments/:documentId/reply */
export declare namespace ReplyToComment {
  export interface Request {
    params: { documentId: string };
    body: StaffReplyRequest;
  }
  export type Response = StaffReplyResponse;
}
