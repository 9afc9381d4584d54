// The plugin's services as interfaces, one per service, grouped by what they serve. getService
// (utils/get-service.ts) types its answers by this map, so no file needs the implementations'
// inferred types, and services/index.ts checks every implementation against its contract.
// Contracts import types only, never a service implementation.
import type { ArticlePagesService, ArticlesService } from './articles';
import type {
  CommentActionsService,
  CommentArticleRefService,
  CommentAuthorsService,
  CommentCountsService,
  CommentEventsService,
  CommentFingerprintService,
  CommentPagesService,
  CommentRepliesService,
  CommentsPublicService,
  ReferenceCountsService,
  StaffRepliesService,
} from './comments';
import type { CitationSyncService, LocalizationCitationsService, PublishGuardService } from './editing';
import type { PreviewService, ResolvedArticleMemoService, ResolvedArticlesService } from './resolving';

export interface PluginServices {
  'article-pages': ArticlePagesService;
  articles: ArticlesService;
  'citation-sync': CitationSyncService;
  'comment-actions': CommentActionsService;
  'comment-article-ref': CommentArticleRefService;
  'comment-authors': CommentAuthorsService;
  'comment-counts': CommentCountsService;
  'comment-events': CommentEventsService;
  'comment-fingerprint': CommentFingerprintService;
  'comment-pages': CommentPagesService;
  'comment-replies': CommentRepliesService;
  'comments-public': CommentsPublicService;
  'localization-citations': LocalizationCitationsService;
  preview: PreviewService;
  'publish-guard': PublishGuardService;
  'reference-counts': ReferenceCountsService;
  'resolved-article-memo': ResolvedArticleMemoService;
  'resolved-articles': ResolvedArticlesService;
  'staff-replies': StaffRepliesService;
}

export type ServiceName = keyof PluginServices;

export type * from './articles';
export type * from './comments';
export type * from './editing';
export type * from './resolving';
