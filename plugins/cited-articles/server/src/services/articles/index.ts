import type { Core } from '@strapi/strapi';
import { createCitationSync } from './citation-sync';
import { createLocalizationCitations } from './localization-citations';
import { createResolvedArticleMemo } from './memo';
import { createArticlePages } from './pages';
import { createDraftPreview } from './preview';
import { createPublishGuard } from './publish-guard';
import { createArticleReads } from './reads';
import { createReferenceCounts } from './reference-counts';
import { createArticleResolving } from './resolving';

export { articleUrlOf } from './resolving';
export type { ArticleListItem, ArticlePageRequest, PreparedArticlePage } from './pages';
export type { ArticleListRow, ArticleStatus, ListedCitation } from './reads';
export type { DraftPreviewInput } from './preview';
export type { PreparedArticle } from './memo';
export type { CountableRow } from './reference-counts';
export type { ArticleRow, PresentedArticle, ResolveRequest } from './resolving';

/**
 * Articles: the content API's reads (reads.ts) and answers (pages.ts), citations resolved by the
 * citation engine (resolving.ts) behind a memo (memo.ts), the editor's preview (preview.ts), the
 * reference counts of the list (reference-counts.ts) and what the Document Service middlewares ask
 * while an article is saved or published (citation-sync.ts, localization-citations.ts,
 * publish-guard.ts).
 */
export const createArticlesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const reads = createArticleReads({ strapi });
  const resolving = createArticleResolving({ strapi });
  const memo = createResolvedArticleMemo({ strapi, resolving });
  const referenceCounts = createReferenceCounts({ strapi });
  const pages = createArticlePages({ strapi, reads, memo, referenceCounts });
  const preview = createDraftPreview({ strapi, resolving });
  const citationSync = createCitationSync({ strapi });
  const localization = createLocalizationCitations({ strapi });
  const publishGuard = createPublishGuard({ strapi, resolving });

  return {
    /** The row with this slug, its body and its citations (public and health fields), or null. */
    findBySlug: reads.findBySlug,
    /** A page of published rows with what their reference counts are made from (no counts yet). */
    listPublishedRows: reads.listPublished,

    /** The article with this slug, or the error that says what to ask instead. */
    findBySlugOrThrow: pages.findBySlugOrThrow,
    /** A page of one locale's published articles, with reference and comment counts. */
    listPublished: pages.listPublished,
    presentBySlug: pages.presentBySlug,
    publishedCacheId: pages.publishedCacheId,
    presentPublishedCached: pages.presentPublishedCached,
    prepareBySlug: pages.prepareBySlug,

    /** Sources with these keys (the library that `[@key]` markers fall back to), in one query. */
    loadLibrary: resolving.loadLibrary,
    /** Keys cited in these bodies that their own lists do not hold. */
    missingKeys: resolving.missingKeys,
    resolveRow: resolving.resolveRow,
    resolveMany: resolving.resolveMany,
    /** The API's `data` and `meta` for one row, resolved afresh (not through the memo). */
    presentUnmemoized: resolving.present,

    /** What answering this request takes (fingerprint, sources), and `present()` through the memo. */
    prepareResolved: memo.prepare,
    /** The API's `data` and `meta` for one row, through the memo. */
    presentResolved: memo.present,
    /** Empties the memo of resolved articles. */
    clearMemo: memo.clear,
    /** The number of resolved articles held in the memo. */
    get memoSize() {
      return memo.size;
    },

    /** The resolved form of an unsaved article, for the editor's References panel. */
    resolveDraft: preview.resolveDraft,

    appendCitedSources: citationSync.appendCitedSources,
    isNewLocale: localization.isNewLocale,
    citationsToCopy: localization.citationsToCopy,
    assertPublishable: publishGuard.assertPublishable,

    /** Recomputes an article row's reference targets whenever a write sets its body (bootstrap). */
    subscribeReferenceTargets: referenceCounts.subscribe,
    /** Stores reference targets on rows without them (startup); returns how many. */
    backfillReferenceTargets: referenceCounts.backfill,
    /** The reference count of each row, in order. */
    countReferences: referenceCounts.countMany,
  };
};

export type ArticlesService = ReturnType<typeof createArticlesService>;
