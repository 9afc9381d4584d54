import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { assertStyle } from '../utils/styles';
import type { ArticleStatus } from './articles';

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
 * One article as the content API presents it, whichever API asks (the REST route and the GraphQL
 * query call this, so their answers cannot drift): read by slug, comment count, citations resolved
 * through the memo. Who may ask for a draft is the caller's decision, made before this.
 */
const articlePages = ({ strapi }: { strapi: Core.Strapi }) => ({
  async presentBySlug({ slug, status, style: requestedStyle, locale, html, jsonld }: ArticlePageRequest) {
    const style = assertStyle(strapi, requestedStyle);
    const row = await getService('articles', { strapi }).findBySlug(slug, status);
    if (!row) {
      const what = status === 'draft' ? 'article' : 'published article';
      throw new errors.NotFoundError(`No ${what} has the slug "${slug}".`);
    }
    const counts = await getService('comment-counts', { strapi }).approvedByArticle([row.documentId]);
    // Through the memo: the rows above are read every time, the work of resolving them is not repeated.
    return getService('resolved-article-memo', { strapi }).present(
      row,
      { style, locale, html: Boolean(html), jsonld: Boolean(jsonld) },
      { commentsEnabled: row.commentsEnabled !== false, commentCount: counts.get(row.documentId) ?? 0 }
    );
  },
});

export default articlePages;
