import type { CitationIssue, CitationOccurrence, SourceFields } from '../engine';
import type { Pagination } from './pagination';
import type { CommentStatus } from '../comment-statuses';

/** A source as the content API shows it: its descriptive fields (citations/source-fields.ts). */
export interface PublicSource extends Omit<SourceFields, 'type'> {
  documentId: string;
  key: string;
  /** The stored type; null on rows saved before the field was required. */
  type: SourceFields['type'] | null;
}

export interface PublicComment {
  documentId: string;
  parent: string | null;
  depth: number;
  /** null for a deleted comment kept as a placeholder. */
  authorName: string | null;
  content: string;
  /** content as escaped HTML (paragraphs and line breaks), safe to insert as is. */
  contentHtml: string;
  status: Extract<CommentStatus, 'pending' | 'approved'>;
  createdAt: string;
  /** When its author last edited it, or null. */
  editedAt: string | null;
  /** Deleted by its author but kept for its replies: no name, no text. */
  deleted: boolean;
  /** Written by the newsroom (an admin's reply); authorName is the admin's display name. */
  staff: boolean;
}

export type PublicThread = PublicComment & { replies: PublicThread[] };

/*
 * The public routes' answers and bodies (routes/content-api.ts), as a frontend reads them. The
 * reader kit's client (reader/src/client.ts) is typed with these, so a change here is a type error
 * there.
 */

/** An article's public summary fields (utils/public-shape PUBLIC_ARTICLE_FIELDS). */
export interface PublicArticleSummary {
  documentId: string;
  locale: string | null;
  slug: string;
  title: string;
  summary: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
}

/** An entry of GET /articles. */
export interface PublicArticleListItem extends PublicArticleSummary {
  numberingStart: 0 | 1;
  referenceCount: number;
  commentCount: number;
}

/**
 * One citation of a source at one marker (several share start/end in a multi-source marker), as
 * the citation engine found it; its `id` is the id of the marker's element in bodyHtml.
 */
export interface PublicCitation extends CitationOccurrence {
  /**
   * The whole marker as an author-date style (APA, Chicago, Harvard, MLA) prints it in the text,
   * e.g. `(Porter et al., 2004, p. 12)`; every source of one marker (`[@a; @b]`) carries the same
   * text, the style's one cluster. Null for numeric styles and news, whose text shows `number`.
   */
  formatted: string | null;
}

/** A numbered reference: its source, formatted in the requested style. */
export interface PublicReference {
  /** 'ref-<number>': the id of its list item in bodyHtml. */
  id: string;
  number: number;
  /** The ids of the markers citing it, in body order. */
  backlinks: string[];
  source: PublicSource;
  formatted: string;
}

/** A citation issue of the article's body, as the citation engine reports it. */
export type PublicIssue = CitationIssue;

/** GET /articles/:slug: `data`. `bodyHtml` with ?format=html, `jsonLd` with ?format=jsonld. */
export interface PublicArticle extends PublicArticleSummary {
  body: string;
  numberingStart: 0 | 1;
  commentsEnabled: boolean;
  commentCount: number;
  citations: PublicCitation[];
  references: PublicReference[];
  bodyHtml?: string;
  jsonLd?: Record<string, unknown>;
}

export interface PublicArticleMeta {
  style: string;
  /** The article's content locale. */
  locale: string | null;
  /** The locale its references are formatted in. */
  referenceLocale: string;
  issues: PublicIssue[];
  localeFallback?: Record<string, unknown>;
}

export interface ArticleResponse {
  data: PublicArticle;
  meta: PublicArticleMeta;
}

export interface ArticleListResponse {
  data: PublicArticleListItem[];
  meta: { pagination: Pagination };
}

/** A root comment of GET /articles/:slug/comments: its replies, and whether …/replies holds more. */
export type PublicRootThread = PublicThread & { replyCount: number; moreReplies: boolean };

export type CommentSort = 'oldest' | 'newest';

export interface CommentListResponse {
  data: PublicRootThread[];
  meta: { pagination: Pagination; sort: CommentSort; commentCount: number };
}

export interface ReplyPageResponse {
  data: PublicComment[];
  meta: { pagination: Pagination; thread: string };
}

/** POST /articles/:slug/comments. A reader signed in sends no name or email (the account's are used). */
export interface CreateCommentRequest {
  authorName?: string;
  authorEmail?: string;
  content: string;
  parent?: string | null;
  notifyReplies?: boolean;
  /** The honeypot (comments.honeypotField, "homepage" by default): people leave it empty. */
  [honeypot: string]: unknown;
}

export interface CommentResponse {
  data: PublicComment;
  meta: Record<string, never>;
}

export interface EditCommentRequest {
  content: string;
}

export interface CommentDeletedResponse {
  data: { documentId: string; deleted: true; placeholder: boolean };
  meta: Record<string, never>;
}

export type ReportReason = 'spam' | 'abuse' | 'off-topic' | 'misinformation' | 'other';

export interface ReportRequest {
  reason: ReportReason;
  details?: string | null;
}

export interface ReportResponse {
  data: { comment: string; reason: ReportReason; counted: boolean };
  meta: Record<string, never>;
}

export interface PublicSourceWithCitedBy extends PublicSource {
  citedBy: Omit<PublicArticleSummary, never>[];
}

export interface SourceResponse {
  data: PublicSourceWithCitedBy;
  meta: Record<string, never>;
}

export interface PublicStyle {
  id: string;
  [field: string]: unknown;
}

export interface StyleListResponse {
  data: PublicStyle[];
  meta: { defaultStyle: string; defaultLocale: string };
}

/** Strapi's error shape, for every 4xx/5xx of these routes. */
export interface ApiErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: Record<string, unknown> };
}
