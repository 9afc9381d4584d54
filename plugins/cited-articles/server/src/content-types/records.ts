import type { SourceFields } from '../citations/source-fields';
import type { LinkStatus, SourceType } from '../citations/types';
import type { CommentStatus } from '../../../shared/comment-statuses';

/**
 * The plugin's documents as the Document Service and the Query Engine return them. Hand-written
 * rather than generated: a plugin cannot rely on the host app's generated types. Every field is
 * optional past the identifiers because a query that names `fields` returns only those; relations
 * are present only when populated. Dates arrive as Date from the Query Engine on some databases
 * and as ISO strings on others, hence `DateValue`.
 */

export type DateValue = Date | string;

/**
 * A record read with `fields` (or `select`) naming K: those fields are there. Repositories use it
 * for what they read; a field the schema lets be null stays `| null`.
 */
export type WithFields<R, K extends keyof R> = R & { [P in K]-?: Exclude<R[P], undefined> };

/** What every stored document has. */
export interface DocumentRecord {
  id: number;
  documentId: string;
  createdAt?: DateValue;
  updatedAt?: DateValue;
  publishedAt?: DateValue | null;
  locale?: string | null;
}

/** The descriptive fields as an editor saved them (citations/source-fields.ts), with the health fields. */
export interface SourceRecord extends DocumentRecord, Partial<Omit<SourceFields, 'authors' | 'type'>> {
  key?: string;
  /** A JSON attribute: meant to hold a list of names, but any JSON can be stored. */
  authors?: unknown;
  /** null on rows saved before the field was required. */
  type?: SourceType | null;
  linkStatus?: LinkStatus | null;
  linkCheckedAt?: DateValue | null;
  linkHttpStatus?: number | null;
  linkRedirectUrl?: string | null;
  /** Booleans come back as 0/1 from MySQL/MariaDB through raw queries. */
  retracted?: boolean | number | null;
  retractionDoi?: string | null;
  retractionDate?: string | null;
  citedBy?: ArticleRecord[];
}

export interface ArticleRecord extends DocumentRecord {
  title?: string;
  slug?: string;
  summary?: string | null;
  body?: string | null;
  numberingStart?: number | null;
  commentsEnabled?: boolean | null;
  citations?: SourceRecord[];
  comments?: CommentRecord[];
  /** Private: the citation keys the body resolved to, kept for the References panel. */
  referenceTargets?: unknown;
}

/**
 * An article found by its slug in one locale: the slug and locale it was found by, and its title,
 * which the schema requires (articles are localized, so every row has its locale).
 */
export type ArticleBySlug = ArticleRecord & { slug: string; title: string; locale: string };

export interface CommentRecord extends DocumentRecord {
  content?: string;
  authorName?: string | null;
  authorEmail?: string | null;
  status?: CommentStatus;
  article?: ArticleRecord | null;
  parent?: CommentRecord | null;
  replies?: CommentRecord[];
  reportCount?: number | null;
  moderatedBy?: string | null;
  moderatedAt?: DateValue | null;
  ipHash?: string | null;
  depth?: number | null;
  threadRoot?: string | null;
  heldReason?: string | null;
  articleDocumentId?: string | null;
  articleLocale?: string | null;
  articleVersion?: string | null;
  contentFingerprint?: string | null;
  user?: { id: number; username?: string; email?: string; blocked?: boolean | null } | null;
  editedAt?: DateValue | null;
  deleted?: boolean | number | null;
  staff?: boolean | number | null;
  notifyReplies?: boolean | number | null;
  heldAt?: DateValue | null;
}

export type ReportReason = 'spam' | 'abuse' | 'off-topic' | 'misinformation' | 'other';

export interface CommentReportRecord extends DocumentRecord {
  comment?: CommentRecord | null;
  reason?: ReportReason;
  details?: string | null;
  reporterHash?: string | null;
  fingerprint?: string | null;
  networkFingerprint?: string | null;
  resolved?: boolean | null;
}
