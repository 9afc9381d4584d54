import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { toPublicArticleSummary } from '../utils/public-shape';
import { assertStyle } from '../utils/styles';
import type { ArticleStatus } from './articles';
import { strongEtag } from '../http-cache/etag';
import { articleKey, commentsKey, sourceKey, sourceKeyKey } from '../http-cache/keys';

export interface ArticlePageRequest {
  slug: string;
  status: ArticleStatus;
  /** The requested style id (checked against the registered styles), or the default. */
  style?: string;
  locale?: string;
  /** Adds `bodyHtml`; rendering costs more than everything else, so only on request. */
  html?: boolean;
  jsonld?: boolean;
}

/**
 * Articles as the content API presents them, whichever API asks (the REST routes and the GraphQL
 * queries call this, so their answers cannot drift).
 */
const articlePages = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** A page of published articles, newest first, with reference and comment counts. */
  async listPublished({ page, pageSize }: { page: number; pageSize: number }) {
    const { rows, pagination } = await getService('articles', { strapi }).listPublished({ page, pageSize });
    const [referenceCounts, counts] = await Promise.all([
      getService('reference-counts', { strapi }).countMany(rows),
      getService('comment-counts', { strapi }).approvedByArticle(rows.map((row) => row.documentId)),
    ]);
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
  async presentBySlug(request: ArticlePageRequest) {
    return (await this.prepareBySlug(request)).present();
  },

  /**
   * One article, up to the point where it would be resolved and formatted: its entity tag and
   * surrogate keys (what it depends on), and `present()` to build it. The reads are the same as
   * presentBySlug's; a conditional request that still holds this version stops here.
   */
  async prepareBySlug({ slug, status, style: requestedStyle, locale, html, jsonld }: ArticlePageRequest) {
    const style = assertStyle(strapi, requestedStyle);
    const row = await getService('articles', { strapi }).findBySlug(slug, status);
    if (!row) {
      const what = status === 'draft' ? 'article' : 'published article';
      throw new errors.NotFoundError(`No ${what} has the slug "${slug}".`);
    }
    const counts = await getService('comment-counts', { strapi }).approvedByArticle([row.documentId]);
    // Through the memo: the rows above are read every time, the work of resolving them is not repeated.
    const prepared = await getService('resolved-article-memo', { strapi }).prepare(
      row,
      { style, locale, html: Boolean(html), jsonld: Boolean(jsonld) },
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
