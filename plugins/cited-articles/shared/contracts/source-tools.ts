import type { InterchangeFormat, LookedUpSource } from '../engine';

/** POST /cited-articles/sources/lookup */
export interface LookupRequest {
  identifier: string;
}

export interface LookupResponse {
  data: LookedUpSource;
  /** `existing`: the documentId of a library source with the same DOI or URL. */
  meta: { via: 'doi' | 'isbn' | 'url'; existing: string | null };
}

/** POST /cited-articles/sources/import */
export interface ImportRequest {
  content: string;
  /** Detected from the content when left out. */
  format?: InterchangeFormat;
}

export interface ImportedSource {
  line: number;
  key: string;
  title: string;
  documentId: string;
}

export interface SkippedEntry {
  line: number;
  title: string;
  reason: string;
}

export interface ImportResponse {
  data: { created: ImportedSource[]; skipped: SkippedEntry[] };
}

/** The `details` of the 400 an unreadable file gets: one error per line (`path: ['content', line]`). */
export interface ImportRefusalDetails {
  errors: Array<{ path: string[]; message: string; name: string }>;
}

/** POST /cited-articles/sources/check-links: some sources, or (no body) the whole library. */
export interface CheckLinksRequest {
  documentIds?: string[];
}

export interface LinkCheckSummary {
  checked: number;
  ok: number;
  redirected: number;
  broken: number;
  /** Broken links given an archived copy from the Wayback Machine. */
  archived: number;
  retracted: number;
}

export interface CheckLinksResponse {
  data: LinkCheckSummary;
}

/* The Sources page's tools, a namespace per route (see contracts/moderation.ts). */

/** POST /cited-articles/sources/lookup */
export declare namespace LookupSource {
  export interface Request {
    body: LookupRequest;
  }
  export type Response = LookupResponse;
}

/** POST /cited-articles/sources/import */
export declare namespace ImportSources {
  export interface Request {
    body: ImportRequest;
  }
  export type Response = ImportResponse;
}

/** POST /cited-articles/sources/check-links */
export declare namespace CheckSourceLinks {
  export interface Request {
    body: CheckLinksRequest;
  }
  export type Response = CheckLinksResponse;
}
