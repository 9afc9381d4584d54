import type { Core } from '@strapi/strapi';
import { joinParts } from '../../utils/join-parts';
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

  return joinParts(reads, pages, resolving, memo, preview, citationSync, localization, publishGuard, referenceCounts);
};

export type ArticlesService = ReturnType<typeof createArticlesService>;
