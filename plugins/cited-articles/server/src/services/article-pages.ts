import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { toPublicArticleSummary } from '../utils/public-shape';
import { assertStyle } from '../utils/styles';
import { strongEtag } from '../http-cache/etag';
import { scopedCacheId } from '../http-cache/audience';
import { articleKey, commentsKey, sourceKey, sourceKeyKey } from '../http-cache/keys';
import type { ArticlePagesService, PresentedArticle } from './contracts';

export type { ArticlePageRequest } from './contracts';

/**
 * Articles as the content API presents them, whichever API asks (the REST routes and the GraphQL
 * queries call this, so their answers cannot drift).
 */
const articlePages = ({ strapi }: { strapi: Core.Strapi }): ArticlePagesService => ({
  /**
   * The article with this slug in this locale (the default one when none is asked for), or the
   * error that says what to ask instead (see the platform service's articleNotFound).
   */
  async findBySlugOrThrow(slug, status, requestedLocale) {
    const locales = getService('platform', { strapi });
    const locale = await locales.resolveLocale(requestedLocale);
    const row = await getService('articles', { strapi }).findBySlug(slug, status, locale);
    if (!row) throw await locales.articleNotFound({ slug, locale, status });
    return row;
  },

  /** A page of one locale's published articles, newest first, with reference and comment counts. */
  async listPublished({ page, pageSize, locale: requestedLocale }) {
    const locale = await getService('platform', { strapi }).resolveLocale(requestedLocale);
    const { rows, pagination } = await getService('articles', { strapi }).listPublished({ page, pageSize, locale });
    const [referenceCounts, counts] = await Promise.all([
      getService('reference-counts', { strapi }).countMany(rows),
      getService('comment-counts', { strapi }).approvedByArticle(
        rows.map((row) => row.documentId),
        locale
      ),
    ]);
    // An empty page for a locale the site does not have is a mistake worth naming (a 400).
    if (pagination.total === 0 && requestedLocale) await getService('platform', { strapi }).assertLocaleKnown(locale);
    const data = rows.map((row, index) => ({
      ...toPublicArticleSummary(row),
      referenceCount: referenceCounts[index],
      commentCount: counts.get(row.documentId) ?? 0,
    }));
    return { data, pagination };
  },

  /**
   * One article: read by slug, comment count, citations resolved through the memo. Who may ask
   * for a draft is the caller's decision, made before this.
   */
  async presentBySlug(request) {
    return (await this.prepareBySlug(request)).present();
  },

  /**
   * The id of a published article's answer in the in-process response cache (services/
   * response-cache.ts): what the answer depends on besides the data, the publication options
   * (JSON-LD's publisher and URL) included since they can change at runtime. `format` is the REST
   * query's; GraphQL asks for `html` when `bodyHtml` is selected, so both APIs share entries.
   */
  publishedCacheId(request) {
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
  },

  /**
   * A published article as `presentBySlug` builds it, from the response cache when nothing it
   * depends on changed since (the GraphQL field's path; the REST route also answers 304s and sends
   * the cached JSON as it is). With its surrogate keys, for the GraphQL GET's headers.
   */
  async presentPublishedCached(request, audience) {
    const cache = getService('caching', { strapi });
    // A caller with credentials never reads or fills the anonymous entry (http-cache/audience.ts).
    const id = scopedCacheId(audience, this.publishedCacheId({ ...request, format: request.html ? 'html' : undefined }));
    const cached = id === null ? undefined : cache.get(id);
    if (cached) return { body: JSON.parse(cached.json) as PresentedArticle, keys: cached.keys };
    const ticket = cache.begin();
    const prepared = await this.prepareBySlug({ ...request, status: 'published' });
    const body = await prepared.present();
    if (id !== null) cache.set(id, ticket, { etag: prepared.etag, keys: prepared.keys, body });
    return { body, keys: prepared.keys };
  },

  /**
   * One article, up to the point where it would be resolved and formatted: its entity tag and
   * surrogate keys (what it depends on), and `present()` to build it. The reads are the same as
   * presentBySlug's; a conditional request that still holds this version stops here.
   */
  async prepareBySlug({ slug, status, style: requestedStyle, locale: requestedLocale, referenceLocale, html, jsonld }) {
    const style = assertStyle(strapi, requestedStyle);
    const row = await this.findBySlugOrThrow(slug, status, requestedLocale);
    const counts = await getService('comment-counts', { strapi }).approvedByArticle([row.documentId], row.locale);
    // Through the memo: the rows above are read every time, the work of resolving them is not repeated.
    const prepared = await getService('resolved-article-memo', { strapi }).prepare(
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
  },
});

export default articlePages;
