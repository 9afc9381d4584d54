import abuseGuard from './abuse-guard';
import articles from './articles';
import citationSync from './citation-sync';
import commentCounts from './comment-counts';
import commentPages from './comment-pages';
import commentEvents from './comment-events';
import commentModeration from './comment-moderation';
import commentsPublic from './comments-public';
import preview from './preview';
import rateLimit from './rate-limit';
import referenceStyles from './reference-styles';
import resolvedArticleMemo from './resolved-article-memo';
import resolvedArticles from './resolved-articles';
import sources from './sources';

export default {
  'abuse-guard': abuseGuard,
  articles,
  'citation-sync': citationSync,
  'comment-counts': commentCounts,
  'comment-pages': commentPages,
  'comment-events': commentEvents,
  'comment-moderation': commentModeration,
  'comments-public': commentsPublic,
  preview,
  'rate-limit': rateLimit,
  'reference-styles': referenceStyles,
  'resolved-article-memo': resolvedArticleMemo,
  'resolved-articles': resolvedArticles,
  sources,
};
