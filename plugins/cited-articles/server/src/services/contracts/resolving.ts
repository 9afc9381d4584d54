// Citations resolved by the citation engine: for the content API (through the memo), the editor's
// preview and the publish guard.
import type { CitableSource, ResolvedCitations } from '../../citations';
import type { ArticleRecord } from '../../content-types/records';

/** An article as resolving reads it: whichever fields were read, its citations populated. */
export type ArticleRow = Partial<ArticleRecord> & { documentId: string };

export interface ResolveRequest {
  style: string;
  /** The locale references are formatted in; without it, the one of the article's own locale. */
  referenceLocale?: string;
  html?: boolean;
  /** Adds `jsonLd`: the article as a schema.org NewsArticle citing its references. */
  jsonld?: boolean;
}

/** The content API's `data` and `meta` for one article. */
export interface PresentedArticle {
  data: Record<string, unknown>;
  meta: Record<string, unknown>;
}

export interface ResolvedArticlesService {
  loadLibrary(keys: string[]): Promise<CitableSource[]>;
  /** Parsed in a worker thread unless the body was seen before (work-pool bodyIndex). */
  missingKeys(rows: ArticleRow[]): Promise<string[]>;
  /** In a worker thread, within workers.timeoutMs (422 past it, 503 when the queue is full). */
  resolveRow(row: ArticleRow, library: CitableSource[]): Promise<ResolvedCitations>;
  resolveMany(rows: ArticleRow[]): Promise<ResolvedCitations[]>;
  present(row: ArticleRow, request: ResolveRequest, extra?: Record<string, unknown>): Promise<PresentedArticle>;
}

/** What answering a request takes, before the work: see resolved-article-memo's `prepare`. */
export interface PreparedArticle {
  fingerprint: string;
  sourceDocumentIds: string[];
  unansweredKeys: string[];
  present: () => Promise<PresentedArticle>;
}

export interface ResolvedArticleMemoService {
  prepare(row: ArticleRow, request: ResolveRequest, extra?: Record<string, unknown>): Promise<PreparedArticle>;
  present(row: ArticleRow, request: ResolveRequest, extra?: Record<string, unknown>): Promise<PresentedArticle>;
  clear(): void;
  readonly size: number;
}

/** An unsaved article as the References panel sends it. */
export interface DraftPreviewInput {
  body: string;
  /** Source documentIds, in the editor's order. */
  citations: string[];
  numberingStart: 0 | 1;
  style: string;
  locale?: string;
  referenceLocale?: string;
}

export interface PreviewService {
  resolveDraft(input: DraftPreviewInput): Promise<PresentedArticle>;
}
