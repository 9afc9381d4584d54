/**
 * Public contract of the citation engine. Field names are fixed: the admin
 * panel and the public frontends code against them.
 */

export type SourceType = 'news' | 'web' | 'journal' | 'book' | 'report' | 'other';

/** What the last link check saw at a source's URL. */
export type LinkStatus = 'unchecked' | 'ok' | 'redirected' | 'broken';

export interface CitableSource {
  documentId: string;
  key: string;
  title: string;
  publisher?: string | null;
  authors?: string[] | null;
  url?: string | null;
  /** 'YYYY-MM-DD' */
  publishedDate?: string | null;
  accessedDate?: string | null;
  archiveUrl?: string | null;
  doi?: string | null;
  type?: SourceType | null;
  language?: string | null;
  /**
   * Health of the source as the link check last saw it. Inputs for the `broken-link` and
   * `retracted-source` warnings only: the server reads them from admin-only fields and never shows
   * them in a public response.
   */
  linkStatus?: LinkStatus | null;
  retracted?: boolean | null;
}

/** One per cited source per marker occurrence, in body order. */
export interface CitationOccurrence {
  /** 'cite-<number>-<a|b|c…>': b = 2nd use of that reference, … after z: aa, ab … */
  id: string;
  number: number;
  marker: string;
  /** Offsets of the whole marker in the body (shared by every source of a multi-source marker). */
  start: number;
  end: number;
  sourceKey: string;
  locator: string | null;
}

export interface Reference {
  /** 'ref-<number>' */
  id: string;
  number: number;
  backlinks: string[];
  source: CitableSource;
}

export type IssueCode =
  'unknown-source' | 'index-out-of-range' | 'malformed-marker' | 'unused-source' | 'duplicate-source' | 'broken-link' | 'retracted-source';

export interface CitationIssue {
  code: IssueCode;
  severity: 'error' | 'warning';
  marker: string | null;
  start: number | null;
  end: number | null;
  sourceKey?: string;
  message: string;
}

export interface ResolveOptions {
  /** Number of the first listed source and of the first reference. Default 1. */
  numberingStart?: 0 | 1;
}

export interface ResolvedCitations {
  citations: CitationOccurrence[];
  references: Reference[];
  issues: CitationIssue[];
}

/* ------------------------------------------------------------------ */
/* Parser output (exported for the service and tests, not for frontends) */

/** One source cited inside a key marker: `@key` plus the optional locator after the first comma. */
export interface CitedItem {
  key: string;
  locator: string | null;
}

/** Why a number in brackets cannot be a position (reported as `index-out-of-range`). */
export type BadPositionReason = 'negative' | 'fractional' | 'leading-zero' | 'too-large' | 'signed';

/** Why a citation attempt is not valid syntax (reported as `malformed-marker`). */
export type MalformedReason =
  | 'missing-key' // [@]  [@, p. 3]
  | 'space-after-at' // [@ key]
  | 'invalid-key' // [@a!b]
  | 'empty-item' // [@a;]  [@a;;@b]
  | 'item-without-at' // [@a; b]
  | 'missing-comma' // [@a p. 3]
  | 'empty-locator' // [@a,]
  | 'position-list'; // [1, 2]  [1-3]  (a warning: could be prose such as an interval)

interface MarkerSpan {
  /** The exact source text of the marker, brackets included: body.slice(start, end). */
  marker: string;
  start: number;
  end: number;
}

export type ParsedMarker =
  | (MarkerSpan & { kind: 'key'; items: CitedItem[] })
  | (MarkerSpan & { kind: 'position'; position: number })
  | (MarkerSpan & { kind: 'bad-position'; reason: BadPositionReason })
  | (MarkerSpan & { kind: 'malformed'; reason: MalformedReason });
