import type { Core } from '@strapi/strapi';
import type { ArticleBySlug } from '../../content-types/records';
import type { Pagination } from '../../../../shared/contracts';
import { getService } from '../../utils/get-service';
import { toPublicArticleSummary } from '../../utils/public-shape';
import { assertStyle } from '../../utils/styles';
import { strongEtag } from '../../http-cache/etag';
import { scopedCacheId, type Audience } from '../../http-cache/audience';
import { articleKey, commentsKey, sourceKey, sourceKeyKey } from '../../http-cache/keys';
import type { ArticleReads, ArticleStatus } from './reads';
import type { ResolvedArticleMemo } from './memo';
import type { ReferenceCounts } from './reference-counts';
import type { PresentedArticle } from './resolving';

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

/**
 * Articles as the content API presents them, whichever API asks (the REST routes and the GraphQL
 * queries call this, so their answers cannot drift).
 */
export const createArticlePages = ({
  strapi,
  reads,
  memo,
  referenceCounts,
}: {
  strapi: Core.Strapi;
  reads: ArticleReads;
  memo: ResolvedArticleMemo;
  referenceCounts: ReferenceCounts;
}) => {
  /**
   * The article with this slug in this locale (the default one when none is asked for), or the
   * error that says what to ask instead (see the platform service's articleNotFound).
   */
  const findBySlugOrThrow = async (slug: string, status: ArticleStatus, requestedLocale?: string): Promise<ArticleBySlug> => {
    const locales = getService('platform', { strapi });
    const locale = await locales.resolveLocale(requestedLocale);
    const row = await reads.findBySlug(slug, status, locale);
    if (!row) throw await locales.articleNotFound({ slug, locale, status });
    return row;
  };

  /** A page of one locale's published articles, newest first, with reference and comment counts. */
  const listPublished = async ({
    page,
    pageSize,
    locale: requestedLocale,
  }: {
    page: number;
    pageSize: number;
    locale?: string;
  }): Promise<{ data: ArticleListItem[]; pagination: Pagination }> => {
    const locale = await getService('platform', { strapi }).resolveLocale(requestedLocale);
    const { rows, pagination } = await reads.listPublishedRows({ page, pageSize, locale });
    const [counted, counts] = await Promise.all([
      referenceCounts.countReferences(rows),
      getService('comments', { strapi }).approvedCountByArticle(
        rows.map((row) => row.documentId),
        locale
      ),
    ]);
    // An empty page for a locale the site does not have is a mistake worth naming (a 400).
    if (pagination.total === 0 && requestedLocale) await getService('platform', { strapi }).assertLocaleKnown(locale);
    const data = rows.map((row, index) => ({
      ...toPublicArticleSummary(row),
      referenceCount: counted[index],
      commentCount: counts.get(row.documentId) ?? 0,
    }));
    return { data, pagination };
  };

  /**
   * One article, up to the point where it would be resolved and formatted: its entity tag and
   * surrogate keys (what it depends on), and `present()` to build it. The reads are the same as
   * presentBySlug's; a conditional request that still holds this version stops here.
   */
  const prepareBySlug = async ({
    slug,
    status,
    style: requestedStyle,
    locale: requestedLocale,
    referenceLocale,
    html,
    jsonld,
  }: ArticlePageRequest): Promise<PreparedArticlePage> => {
    const style = assertStyle(strapi, requestedStyle);
    const row = await findBySlugOrThrow(slug, status, requestedLocale);
    const counts = await getService('comments', { strapi }).approvedCountByArticle([row.documentId], row.locale);
    // Through the memo: the rows above are read every time, the work of resolving them is not repeated.
    const prepared = await memo.prepareResolved(
      row,
      { style, referenceLocale, html: Boolean(html), jsonld: Boolean(jsonld) },
      { commentsEnabled: row.commentsEnabled !== false, commentCount: counts.get(row.documentId) ?? 0 }
    );
    return {
      etag: strongEtag(prepared.fingerprint),
      keys: [
        articleKey(row.documentId),
        commentsKey(row.documentId),
        ...prepared.sourceDocumentIds.map(sourceKey),
        ...prepared.unansweredKeys.map(sourceKeyKey),
      ],
      present: prepared.present,
    };
  };

  /**
   * The id of a published article's answer in the in-process response cache (services/caching/
   * response-cache.ts): what the answer depends on besides the data, the publication options
   * (JSON-LD's publisher and URL) included since they can change at runtime. `format` is the REST
   * query's; GraphQL asks for `html` when `bodyHtml` is selected, so both APIs share entries.
   */
  const publishedCacheId = (request: Omit<ArticlePageRequest, 'status' | 'html' | 'jsonld'> & { format?: string }): string => {
    const publication = strapi.config.get('plugin::cited-articles.publication') ?? null;
    return JSON.stringify([
      'article',
      request.slug,
      request.locale ?? null,
      request.style ?? null,
      request.referenceLocale ?? null,
      request.format ?? null,
      publication,
    ]);
  };

  return {
    findBySlugOrThrow,
    listPublished,

    /**
     * One article: read by slug, comment count, citations resolved through the memo. Who may ask
     * for a draft is the caller's decision, made before this.
     */
    async presentBySlug(request: ArticlePageRequest): Promise<PresentedArticle> {
      return (await prepareBySlug(request)).present();
    },

    publishedCacheId,

    /**
     * A published article as `presentBySlug` builds it, from the response cache when nothing it
     * depends on changed since (the GraphQL field's path; the REST route also answers 304s and sends
     * the cached JSON as it is). With its surrogate keys, for the GraphQL GET's headers. `audience`:
     * who asks (http-cache/audience.ts); credentials keep their own cache entries.
     */
    async presentPublishedCached(
      request: Omit<ArticlePageRequest, 'status' | 'jsonld'>,
      audience: Audience
    ): Promise<{ body: PresentedArticle; keys: string[] }> {
      const cache = getService('caching', { strapi });
      // A caller with credentials never reads or fills the anonymous entry (http-cache/audience.ts).
      const id = scopedCacheId(audience, publishedCacheId({ ...request, format: request.html ? 'html' : undefined }));
      const cached = id === null ? undefined : cache.get(id);
      if (cached) return { body: JSON.parse(cached.json) as PresentedArticle, keys: cached.keys };
      const ticket = cache.begin();
      const prepared = await prepareBySlug({ ...request, status: 'published' });
      const body = await prepared.present();
      if (id !== null) cache.set(id, ticket, { etag: prepared.etag, keys: prepared.keys, body });
      return { body, keys: prepared.keys };
    },

    prepareBySlug,
  };
};
