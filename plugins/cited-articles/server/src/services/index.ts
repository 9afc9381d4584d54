import abuseGuard from './abuse-guard';
import articles from './articles';
import commentCounts from './comment-counts';
import commentEvents from './comment-events';
import commentModeration from './comment-moderation';
import commentsPublic from './comments-public';
import rateLimit from './rate-limit';
import sources from './sources';

export default {
  'abuse-guard': abuseGuard,
  articles,
  'comment-counts': commentCounts,
  'comment-events': commentEvents,
  'comment-moderation': commentModeration,
  'comments-public': commentsPublic,
  'rate-limit': rateLimit,
  sources,
};
