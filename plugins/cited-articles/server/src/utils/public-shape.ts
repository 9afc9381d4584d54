// Explicit whitelists of what the content API may show. Private attributes (comment emails, IP
// hashes, moderation data) and admin metadata (createdBy, updatedBy) can never leak by accident,
// because nothing reaches a response unless it is named here.

import { toSafeHtml } from '../comments/text';
import type { CommentStatus } from '../comments/statuses';
import type { SourceFields } from '../citations/source-fields';

type Row = Record<string, any>;

export const PUBLIC_SOURCE_FIELDS = [
  'documentId',
  'key',
  'title',
  'publisher',
  'authors',
  'url',
  'publishedDate',
  'accessedDate',
  'archiveUrl',
  'doi',
  'type',
  'language',
] as const satisfies ReadonlyArray<keyof PublicSource>;

/**
 * Admin-only source fields the citation engine reads for its `broken-link` and `retracted-source`
 * warnings. Read alongside the public fields, passed to the engine, never put in a response.
 */
export const SOURCE_HEALTH_FIELDS = ['linkStatus', 'retracted'] as const;

export const PUBLIC_ARTICLE_FIELDS = ['documentId', 'locale', 'slug', 'title', 'summary', 'publishedAt', 'updatedAt', 'numberingStart'] as const;

const pick = (row: Row, fields: readonly string[]) => Object.fromEntries(fields.map((field) => [field, row[field] ?? null]));

/** A source as the content API shows it: its descriptive fields (citations/source-fields.ts). */
export interface PublicSource extends Omit<SourceFields, 'type'> {
  documentId: string;
  key: string;
  /** The stored type; null on rows saved before the field was required. */
  type: SourceFields['type'] | null;
}

export const toPublicSource = (row: Row): PublicSource => {
  const shaped = pick(row, PUBLIC_SOURCE_FIELDS) as unknown as PublicSource;
  // authors is a JSON attribute: only a list of strings is meaningful to a frontend.
  shaped.authors = Array.isArray(row.authors) ? row.authors.filter((name: unknown): name is string => typeof name === 'string') : [];
  return shaped;
};

/** A source row as the citation engine takes it: the public fields plus its health. */
export const toCitableSource = (row: Row) => ({
  ...toPublicSource(row),
  linkStatus: typeof row.linkStatus === 'string' ? row.linkStatus : null,
  retracted: row.retracted === true || row.retracted === 1,
});

export const toPublicArticleSummary = (row: Row) => pick(row, PUBLIC_ARTICLE_FIELDS);

export interface PublicComment {
  documentId: string;
  parent: string | null;
  depth: number;
  authorName: string;
  content: string;
  /** content as escaped HTML (paragraphs and line breaks), safe to insert as is. */
  contentHtml: string;
  status: Extract<CommentStatus, 'pending' | 'approved'>;
  createdAt: string;
}

/**
 * A comment as the public sees it. The status is "approved" or "pending" only: a comment stored
 * as spam (a filled honeypot) is answered as pending, so that a bot learns nothing.
 */
export const toPublicComment = (row: Row): PublicComment => ({
  documentId: row.documentId,
  parent: typeof row.parent === 'string' ? row.parent : (row.parent?.documentId ?? null),
  depth: row.depth ?? 0,
  authorName: row.authorName ?? '',
  content: row.content ?? '',
  contentHtml: toSafeHtml(row.content ?? ''),
  status: row.status === 'approved' ? 'approved' : 'pending',
  createdAt: row.createdAt instanceof Date ? row.createdAt.toISOString() : row.createdAt,
});

export type PublicThread = PublicComment & { replies: PublicThread[] };

/** A thread as listComments builds it: each comment public, its replies nested below it. */
export const toPublicThread = (node: Row): PublicThread => ({
  ...toPublicComment(node),
  replies: (node.replies ?? []).map(toPublicThread),
});

/** A source and the published articles that cite it (GET /sources/:key, citedSource). */
export const toPublicSourceWithCitedBy = (row: Row) => ({
  ...toPublicSource(row),
  citedBy: (row.citedBy ?? []).map((article: Row) => {
    const { numberingStart, ...summary } = toPublicArticleSummary(article);
    return summary;
  }),
});
