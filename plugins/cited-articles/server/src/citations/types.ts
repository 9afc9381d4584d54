/**
 * Public contract of the citation engine. Field names are fixed: the admin
 * panel and the public frontends code against them.
 */

/** The kinds of work a source can be; each maps to one CSL type (csl/source-to-csl.ts, `CSL_TYPE_OF`). */
export const SOURCE_TYPES = ['news', 'web', 'journal', 'magazine', 'book', 'chapter', 'report', 'thesis', 'dataset', 'other'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/**
 * One name of a source's author, editor or translator, as CSL-JSON writes it: a person with the
 * parts apart (`{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }`), or an
 * organisation kept whole (`{ literal: 'World Health Organization' }`), never both.
 */
export interface SourceName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

/** The name lists of a source, per role. */
export const NAME_ROLES = ['authors', 'editors', 'translators'] as const;
export type NameRole = (typeof NAME_ROLES)[number];

/** What the last link check saw at a source's URL. */
export type LinkStatus = 'unchecked' | 'ok' | 'redirected' | 'broken';

export interface CitableSource {
  documentId: string;
  key: string;
  title: string;
  /** The journal, newspaper, site or book the work is part of. */
  containerTitle?: string | null;
  publisher?: string | null;
  publisherPlace?: string | null;
  authors?: SourceName[] | null;
  editors?: SourceName[] | null;
  translators?: SourceName[] | null;
  url?: string | null;
  /** A partial date: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (citations/partial-date.ts). */
  publishedDate?: string | null;
  accessedDate?: string | null;
  volume?: string | null;
  issue?: string | null;
  /** A page or a range, as printed: '45-67', 'e101', 'xii–xv'. */
  pages?: string | null;
  edition?: string | null;
  isbn?: string | null;
  issn?: string | null;
  /** A report's or document's number. */
  number?: string | null;
  /** The kind within the type, as printed: 'PhD thesis', 'Technical report'. */
  genre?: string | null;
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

/**
 * A marker as an author-date style prints it in the text: one citeproc cluster for the whole
 * marker (`[@a; @b, p. 3]` → `(Adams, 2020; Baker, 2021, p. 3)`).
 */
export interface InTextCitation {
  text: string;
  /**
   * `text` in order, cut where each cited source's part begins and ends: a piece with `cite` is
   * the part that cites that occurrence (its id and reference number). Joined, the pieces are
   * `text`. Null when the parts could not be told apart in the style's output.
   */
  pieces: Array<{ text: string; cite: { id: string; number: number } | null }> | null;
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
