// The source library's services: reads for the content API and the admin's Sources page, imports,
// lookups by identifier and the link check.
import type { DuplicateGroup, LinkStatus } from '../../citations';
import type { ArticleRecord, SourceRecord } from '../../content-types/records';
import type { ImportFormat } from '../../interchange/split-entries';
import type { LookedUpSource } from '../../lookup/looked-up-source';
import type { Retraction } from '../../lookup/retraction';
import type { Pagination } from './pagination';

/** A source with the published articles of one locale that cite it (each article once). */
export interface SourceWithCitingArticles extends SourceRecord {
  citedBy: ArticleRecord[];
}

export interface SourcesService {
  findByKeyWithCitingArticles(key: string, requestedLocale?: string): Promise<SourceWithCitingArticles | null>;
}

export type LibraryFilter = 'all' | 'uncited' | 'duplicates' | 'broken';

export interface LibraryQuery {
  search?: string;
  filter: LibraryFilter;
  page: number;
  pageSize: number;
}

/** What the duplicate report compares a source by. */
export type LibraryIdentity = Pick<SourceRecord, 'documentId' | 'key' | 'title' | 'url' | 'doi'>;

/** An article citing a source, as the Sources page lists it. */
export interface CitingArticle {
  documentId: string;
  title: string;
  slug: string;
}

/** A row of the Sources page: the source's listed and health fields, and who cites it. */
export interface LibrarySource extends Omit<SourceRecord, 'id' | 'citedBy'> {
  citedByCount: number;
  citedBy: CitingArticle[];
}

export interface LibraryPage {
  data: LibrarySource[];
  meta: { pagination: Pagination; uncitedCount: number; duplicates: DuplicateGroup<LibraryIdentity>[] };
}

export interface SourceLibraryService {
  list(query: LibraryQuery): Promise<LibraryPage>;
}

export interface ImportReport {
  format: ImportFormat;
  created: Array<{ line: number; key: string; title: string; documentId: string }>;
  skipped: Array<{ line: number; title: string; reason: string }>;
}

export interface SourceImportService {
  importFile(content: string, format?: ImportFormat): Promise<ImportReport>;
}

export interface LookupResult {
  data: LookedUpSource;
  meta: { via: 'doi' | 'isbn' | 'url'; existing: string | null };
}

export interface SourceLookupService {
  lookup(identifier: string): Promise<LookupResult>;
  findExisting(doi: string | null, urls: Array<string | null>): Promise<string | null>;
}

export interface LinkCheckReport {
  checked: number;
  ok: number;
  redirected: number;
  broken: number;
  /** Broken links given an archived copy from the Wayback Machine. */
  archived: number;
  retracted: number;
}

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
  runScheduled(): Promise<void>;
  checkAll(documentIds?: string[]): Promise<LinkCheckReport>;
  checkPage(rows: LinkCheckRow[], report: LinkCheckReport): Promise<void>;
  checkLink(url: string): Promise<LinkVerdict>;
  findArchivedCopy(url: string): Promise<string | null>;
  /** null when the work has no retraction, undefined when Crossref could not be asked. */
  findRetraction(doi: string): Promise<Retraction | null | undefined>;
}
