// Explicit whitelists of what the content API may show. Private attributes (comment emails, IP
// hashes, moderation data) and admin metadata (createdBy, updatedBy) can never leak by accident,
// because nothing reaches a response unless it is named here.

import { cleanNames } from '../citations/names';
import { SOURCE_FIELD_NAMES } from '../citations/source-fields';
import { NAME_ROLES } from '../citations/types';
import { toSafeHtml } from '../comments/text';
import type { PublicComment, PublicSource, PublicThread } from '../../../shared/contracts';
import type { DateValue } from '../content-types/records';

export type { PublicComment, PublicSource, PublicThread };

export const PUBLIC_SOURCE_FIELDS = ['documentId', 'key', ...SOURCE_FIELD_NAMES] as const satisfies ReadonlyArray<keyof PublicSource>;

/**
 * Admin-only source fields the citation engine reads for its `broken-link` and `retracted-source`
 * warnings. Read alongside the public fields, passed to the engine, never put in a response.
 */
export const SOURCE_HEALTH_FIELDS = ['linkStatus', 'retracted'] as const;

export const PUBLIC_ARTICLE_FIELDS = ['documentId', 'locale', 'slug', 'title', 'summary', 'publishedAt', 'updatedAt', 'numberingStart'] as const;

export type PublicSourceField = (typeof PUBLIC_SOURCE_FIELDS)[number];
type PublicArticleField = (typeof PUBLIC_ARTICLE_FIELDS)[number];

/**
 * A source as stored (a record, a query row, a resolved reference's source): only the fields read
 * here matter, whatever their stored type, so any row holding them will do.
 */
export type SourceRow = { readonly [F in PublicSourceField | (typeof SOURCE_HEALTH_FIELDS)[number]]?: unknown };

/** An article as stored; the summary reads only the public fields. */
export type ArticleSummaryRow = { readonly [F in PublicArticleField]?: unknown };

/** A comment as stored or as a thread node; `parent` is its documentId or the populated parent. */
export interface CommentRow {
  /** Optional as in records.ts; every comment read has one. */
  documentId?: string;
  parent?: string | { documentId?: string } | null;
  depth?: number | null;
  authorName?: string | null;
  content?: string | null;
  status?: string;
  createdAt?: DateValue;
  editedAt?: unknown;
  deleted?: unknown;
  staff?: unknown;
}

export interface ThreadRow extends CommentRow {
  replies?: ThreadRow[] | null;
}

const pick = <F extends string>(row: { readonly [K in F]?: unknown }, fields: readonly F[]) =>
  Object.fromEntries(fields.map((field) => [field, row[field] ?? null])) as { [K in F]: unknown };

export const toPublicSource = (row: SourceRow): PublicSource => {
  const shaped = pick(row, PUBLIC_SOURCE_FIELDS) as unknown as PublicSource;
  // Names are JSON attributes: only well-formed CSL names reach a frontend (citations/names.ts).
  for (const role of NAME_ROLES) shaped[role] = cleanNames(row[role]);
  return shaped;
};

/** A source row as the citation engine takes it: the public fields plus its health. */
export const toCitableSource = (row: SourceRow) => ({
  ...toPublicSource(row),
  linkStatus: typeof row.linkStatus === 'string' ? row.linkStatus : null,
  retracted: row.retracted === true || row.retracted === 1,
});

export const toPublicArticleSummary = (row: ArticleSummaryRow) => pick(row, PUBLIC_ARTICLE_FIELDS);

const isoOrNull = (value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null);
const flag = (value: unknown) => value === true || value === 1;

/**
 * A comment as the public sees it. The status is "approved" or "pending" only: a comment stored
 * as spam (a filled honeypot) is answered as pending, so that a bot learns nothing.
 */
export const toPublicComment = (row: CommentRow): PublicComment => {
  const deleted = flag(row.deleted);
  return {
    documentId: row.documentId as string,
    parent: typeof row.parent === 'string' ? row.parent : (row.parent?.documentId ?? null),
    depth: row.depth ?? 0,
    authorName: deleted ? null : (row.authorName ?? ''),
    content: deleted ? '' : (row.content ?? ''),
    contentHtml: deleted ? '' : toSafeHtml(row.content ?? ''),
    status: row.status === 'approved' ? 'approved' : 'pending',
    // Every comment query selects createdAt; the type leaves it optional as records.ts does.
    createdAt: row.createdAt instanceof Date ? row.createdAt.toISOString() : (row.createdAt as string),
    editedAt: deleted ? null : isoOrNull(row.editedAt),
    deleted,
    staff: !deleted && flag(row.staff),
  };
};

/** A thread as listComments builds it: each comment public, its replies nested below it. */
export const toPublicThread = (node: ThreadRow): PublicThread => ({
  ...toPublicComment(node),
  replies: (node.replies ?? []).map(toPublicThread),
});

/** A root of a thread page: also how many replies its thread has, and whether more exist than are nested. */
export const toPublicRoot = (node: ThreadRow & { replyCount: number; moreReplies: boolean }) => ({
  ...toPublicThread(node),
  replyCount: node.replyCount,
  moreReplies: node.moreReplies,
});

/** A source and the published articles that cite it (GET /sources/:key, citedSource). */
export const toPublicSourceWithCitedBy = (row: SourceRow & { citedBy?: readonly ArticleSummaryRow[] | null }) => ({
  ...toPublicSource(row),
  citedBy: (row.citedBy ?? []).map((article) => {
    const { numberingStart, ...summary } = toPublicArticleSummary(article);
    return summary;
  }),
});
