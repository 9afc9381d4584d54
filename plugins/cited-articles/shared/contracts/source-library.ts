import type { DuplicateGroup, LinkStatus, SourceType } from '../engine';
import type { Pagination } from './pagination';

export type LibraryFilter = 'all' | 'uncited' | 'duplicates' | 'broken';

/** GET /cited-articles/sources: the query. */
export interface SourceLibraryQuery {
  search?: string;
  filter?: LibraryFilter;
  page?: number;
  pageSize?: number;
}

/** What the last link and retraction check found (admin-only fields of a source). */
export interface SourceHealth {
  archiveUrl: string | null;
  linkStatus: LinkStatus | null;
  linkHttpStatus: number | null;
  linkRedirectUrl: string | null;
  linkCheckedAt: string | null;
  retracted: boolean | null;
  retractionDoi: string | null;
}

export interface CitingArticle {
  documentId: string;
  title: string;
  slug: string;
}

/** A source on the Sources page: its list fields, its health, and the articles citing it. */
export interface LibrarySource extends SourceHealth {
  documentId: string;
  key: string;
  title: string;
  /** The newspaper, site or journal the work is part of. */
  containerTitle: string | null;
  publisher: string | null;
  url: string | null;
  doi: string | null;
  type: SourceType | null;
  publishedDate: string | null;
  updatedAt: string;
  /** Each article once, draft or published. */
  citedByCount: number;
  citedBy: CitingArticle[];
}

export interface DuplicateSource {
  documentId: string;
  key: string;
  title: string;
  url: string | null;
  doi: string | null;
}

/** GET /cited-articles/sources */
export interface SourceLibraryResponse {
  data: LibrarySource[];
  meta: {
    pagination: Pagination;
    /** Sources cited by no article, in the whole library (up to 1,000: see `capped`). */
    uncitedCount: number;
    /**
     * Which counts stopped at their cap and are a lower bound ("1,000+"): `pagination.total` (the
     * cap is 1,000, or the end of the next page when further) and `uncitedCount` (1,000). When the
     * total is capped, `pagination.pageCount` counts one page past it.
     */
    capped: { total: boolean; uncited: boolean };
    /** Groups of likely duplicates, in the whole library (not only this page). */
    duplicates: Array<DuplicateGroup<DuplicateSource>>;
  };
}

/** GET /cited-articles/sources, as a namespace per route (see contracts/moderation.ts). */
export declare namespace GetSources {
  export interface Request {
    query: SourceLibraryQuery;
  }
  export type Response = SourceLibraryResponse;
}
