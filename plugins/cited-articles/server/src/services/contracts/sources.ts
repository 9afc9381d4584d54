// The source library's services: reads for the content API and the admin's Sources page, imports,
// lookups by identifier and the link check. Where a service builds an admin route's answer, its
// type is that route's HTTP contract (server/src/contracts/).
import type { LinkStatus } from '../../citations';
import type { ArticleRecord, SourceRecord } from '../../content-types/records';
import type { LibraryFilter, LinkCheckSummary, LookupResponse, SourceLibraryResponse } from '../../../../shared/contracts';
import type { ImportFormat } from '../../interchange/split-entries';
import type { Retraction } from '../../lookup/retraction';

/** A source with the published articles of one locale that cite it (each article once). */
export interface SourceWithCitingArticles extends SourceRecord {
  citedBy: ArticleRecord[];
}

export interface SourcesService {
  findByKeyWithCitingArticles(key: string, requestedLocale?: string): Promise<SourceWithCitingArticles | null>;
}

export type { LibraryFilter };

/** The Sources page's query once validated: filter and page filled in. */
export interface LibraryQuery {
  search?: string;
  filter: LibraryFilter;
  page: number;
  pageSize: number;
}

export interface SourceLibraryService {
  list(query: LibraryQuery): Promise<SourceLibraryResponse>;
  /** Fills missing identity fingerprints; the number of sources filled. */
  backfill(): Promise<number>;
}

export interface ImportReport {
  format: ImportFormat;
  created: Array<{ line: number; key: string; title: string; documentId: string }>;
  skipped: Array<{ line: number; title: string; reason: string }>;
}

export interface SourceImportService {
  importFile(content: string, format?: ImportFormat): Promise<ImportReport>;
}

/** The lookup's answer, as POST /sources/lookup sends it. */
export type LookupResult = LookupResponse;

export interface SourceLookupService {
  lookup(identifier: string): Promise<LookupResult>;
  findExisting(doi: string | null, urls: Array<string | null>): Promise<string | null>;
}

/** The link check's counts, as POST /sources/check-links sends them. */
export type LinkCheckReport = LinkCheckSummary;

/** What one request says about a link; a null status leaves the stored one as it is. */
export interface LinkVerdict {
  status: Exclude<LinkStatus, 'unchecked'> | null;
  httpStatus: number | null;
  redirectUrl: string | null;
}

/** A source as the link check reads it. */
export type LinkCheckRow = Pick<SourceRecord, 'id' | 'documentId' | 'url' | 'archiveUrl' | 'doi'>;

export interface LinkCheckService {
  run(options?: { documentIds?: string[] }): Promise<LinkCheckReport>;
  /** `slot`: the firing this run belongs to (the minute the cron fired, by default now's). */
  runScheduled(slot?: string): Promise<void>;
  checkAll(documentIds?: string[]): Promise<LinkCheckReport>;
  checkPage(rows: LinkCheckRow[], report: LinkCheckReport): Promise<void>;
  checkLink(url: string): Promise<LinkVerdict>;
  findArchivedCopy(url: string): Promise<string | null>;
  /** null when the work has no retraction, undefined when Crossref could not be asked. */
  findRetraction(doi: string): Promise<Retraction | null | undefined>;
}
