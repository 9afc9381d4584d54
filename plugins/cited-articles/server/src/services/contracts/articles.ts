// Articles as the content API reads and presents them.
import type { ArticleBySlug, ArticleRecord, SourceRecord } from '../../content-types/records';
import type { Pagination } from '../../../../shared/contracts';
import type { PresentedArticle } from './resolving';
import type { Audience } from '../../http-cache/audience';

export type ArticleStatus = 'published' | 'draft';

/** A citation of a listed article: enough to count references. */
export type ListedCitation = Pick<SourceRecord, 'id' | 'documentId' | 'key'>;

/** A row of the article list: summary fields, `referenceTargets` and its citations' keys. */
export type ArticleListRow = Omit<ArticleRecord, 'citations'> & { citations?: ListedCitation[] };

export interface ArticlesService {
  listPublished(query: { page: number; pageSize: number; locale: string }): Promise<{ rows: ArticleListRow[]; pagination: Pagination }>;
  /** The row with its body and its citations (public and health fields), or null. */
  findBySlug(slug: string, status: ArticleStatus, locale: string): Promise<ArticleBySlug | null>;
}

export interface ArticlePageRequest {
  slug: string;
  status: ArticleStatus;
  /** The requested style id (checked against the registered styles), or the default. */
  style?: string;
  /** The content locale (`?locale=`); the default locale when absent. */
  locale?: string;
  /** The locale references are formatted in; the article's own when absent. */
  referenceLocale?: string;
  /** Adds `bodyHtml`; rendering costs more than everything else, so only on request. */
  html?: boolean;
  jsonld?: boolean;
}

/** An entry of the article list: the public summary fields and two counts. */
export type ArticleListItem = Record<string, unknown> & { referenceCount: number; commentCount: number };

/** An article's answer before it is built: what it depends on, and how to build it. */
export interface PreparedArticlePage {
  etag: string;
  /** Surrogate keys: the article, its comments, its sources and the keys no source answers yet. */
  keys: string[];
  present: () => Promise<PresentedArticle>;
}

export interface ArticlePagesService {
  findBySlugOrThrow(slug: string, status: ArticleStatus, requestedLocale?: string): Promise<ArticleBySlug>;
  listPublished(query: { page: number; pageSize: number; locale?: string }): Promise<{ data: ArticleListItem[]; pagination: Pagination }>;
  presentBySlug(request: ArticlePageRequest): Promise<PresentedArticle>;
  publishedCacheId(request: Omit<ArticlePageRequest, 'status' | 'html' | 'jsonld'> & { format?: string }): string;
  /** `audience`: who asks (http-cache/audience.ts); credentials keep their own cache entries. */
  presentPublishedCached(
    request: Omit<ArticlePageRequest, 'status' | 'jsonld'>,
    audience: Audience
  ): Promise<{ body: PresentedArticle; keys: string[] }>;
  prepareBySlug(request: ArticlePageRequest): Promise<PreparedArticlePage>;
}
