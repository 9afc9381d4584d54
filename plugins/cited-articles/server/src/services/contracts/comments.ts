// What each comment service promises its callers: controllers, GraphQL resolvers, other services,
// bootstrap. Types only, and none from a service's implementation, so that a caller depends on the
// contract and an implementation can change behind it.

import type { CommentCaller } from '../../comments/caller';
import type { CommentEvent } from '../../comments/events';
import type { Threaded } from '../../comments/thread';
import type { CommentRecord, ReportReason } from '../../content-types/records';
import type { AdminComment, AdminCommentDetail, ModerationDecision, Pagination } from '../../../../shared/contracts';
import type { SortOrder, ThreadEntry } from '../../repositories/comments';

// The answers the admin routes send are the HTTP contracts' (contracts/): the services build them.
export type { AdminComment, AdminCommentDetail, CommentEvent, ModerationDecision, Pagination, SortOrder, ThreadEntry };

/** A comment row with its parent named by documentId (null for a root), as services pass comments on. */
export type CommentWithParentId = Omit<CommentRecord, 'parent'> & { parent: string | null };

/** A comment of the public list: its depth always set. */
export type ListedComment = CommentWithParentId & { depth: number };

/** A root of the public list with its first replies nested, and how many replies its thread has. */
export type ListedThread = Threaded<ListedComment> & { replyCount: number; moreReplies: boolean };

/** The published article a public comment route names. */
export interface PublishedArticle {
  id: number;
  documentId: string;
  locale: string;
  slug: string;
  commentsEnabled: boolean | null;
  publishedAt: string;
}

/** An article as a comment event names it (webhooks get its documentId and slug only). */
export interface EventArticle {
  documentId: string;
  slug?: string;
}

export interface NewComment {
  authorName: string;
  /** null for a reader with an account: their address stays on the account. */
  authorEmail: string | null;
  /** The Users & Permissions user posting, if any. */
  userId?: number | null;
  notifyReplies?: boolean;
  content: string;
  parent?: string | null;
  honeypot?: unknown;
}

/** A reader acting on their own comment: their Users & Permissions account. */
export interface CommentAuthor {
  id: number | string;
  username?: string | null;
}

/** The admin answering as the newsroom. */
export interface NewsroomAdmin {
  id: number | string;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string | null;
}

export interface CommentArticleRefService {
  /** Keeps the comment's copy of its article's documentId, locale and version on writes from any API. */
  subscribe(): void;
  /** Fills the copies missing on stored comments (startup); returns how many were linked. */
  backfill(): Promise<number>;
}

export interface CommentAuthorsService {
  edit(params: { documentId: string; author: CommentAuthor; content: string }): Promise<CommentWithParentId>;
  remove(params: { documentId: string; author: CommentAuthor }): Promise<{ placeholder: boolean }>;
}

export interface CommentCountsService {
  /** Approved comments per article documentId in one locale (0 for articles with none). */
  approvedByArticle(documentIds: string[], locale: string): Promise<Map<string, number>>;
}

export interface CommentEventsService {
  registerWebhookEvents(): void;
  emit(event: CommentEvent, comment: CommentWithParentId, article: EventArticle | null): Promise<void>;
}

export interface CommentFingerprintService {
  /** Stores duplicate fingerprints on comments without one (startup); returns how many. */
  backfill(): Promise<number>;
}

export interface CommentPagesService {
  rootPage(articleVersion: string, params: { page: number; pageSize: number; order: SortOrder }): Promise<string[]>;
  firstReplies(rootIds: string[], params: { limit: number; maxDepth: number }): Promise<ThreadEntry[]>;
  replyPage(rootId: string, params: { page: number; pageSize: number; maxDepth: number }): Promise<string[]>;
  replyCounts(rootIds: string[], params: { maxDepth: number }): Promise<Map<string, number>>;
  approvedCounts(articleVersion: string): Promise<{ roots: number; all: number }>;
}

export interface CommentRepliesService {
  listReplies(params: {
    documentId: string;
    page: number;
    pageSize: number;
  }): Promise<{ replies: CommentWithParentId[]; pagination: Pagination; articleDocumentId: string }>;
}

/** A validated request for a page of an article's thread (comment-actions.threadRequest). */
export interface ThreadRequest {
  slug: string;
  locale?: string;
  page: number;
  pageSize: number;
  sort: 'oldest' | 'newest';
}

/**
 * A reader's comment use cases, one method each, shared by the REST controller and the GraphQL
 * resolvers. Inputs are unvalidated, as the transport read them.
 */
export interface CommentActionsService {
  post(params: { caller: CommentCaller; slug: unknown; locale?: unknown; body: unknown }): Promise<CommentWithParentId>;
  edit(params: { caller: CommentCaller; documentId: unknown; body: unknown }): Promise<CommentWithParentId>;
  remove(params: { caller: CommentCaller; documentId: unknown }): Promise<{ documentId: string; placeholder: boolean }>;
  report(params: {
    caller: CommentCaller;
    documentId: unknown;
    body: unknown;
  }): Promise<{ documentId: string; reason: ReportReason; counted: boolean }>;
  threadRequest(raw: { slug: unknown; page?: unknown; pageSize?: unknown; sort?: unknown; locale?: unknown }): ThreadRequest;
  threadPage(
    request: ThreadRequest
  ): Promise<{ threads: ListedThread[]; pagination: Pagination; commentCount: number; articleDocumentId: string; sort: ThreadRequest['sort'] }>;
}

export interface CommentsPublicService {
  findPublishedArticle(slug: string, requestedLocale?: string): Promise<PublishedArticle>;
  listApproved(params: {
    slug: string;
    locale?: string;
    page: number;
    pageSize: number;
    sort: 'oldest' | 'newest';
  }): Promise<{ threads: ListedThread[]; pagination: Pagination; commentCount: number; articleDocumentId: string }>;
  create(params: { slug: string; locale?: string; input: NewComment; ipHash: string }): Promise<CommentWithParentId>;
  report(params: {
    documentId: string;
    reason: ReportReason;
    details?: string | null;
    ipHash: string;
    userId?: number | string | null;
  }): Promise<{ counted: boolean }>;
}

export interface StaffRepliesService {
  reply(params: { documentId: string; content: string; approveParent: boolean; admin: NewsroomAdmin }): Promise<AdminComment>;
}
