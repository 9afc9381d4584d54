import type { Core } from '@strapi/strapi';
import { joinParts } from '../../utils/join-parts';
import { createCommentActions } from './actions';
import { createCommentArticleRef } from './article-ref';
import { createCommentAuthors } from './authors';
import { createCommentCounts } from './counts';
import { createCommentEvents } from './events';
import { createCommentFingerprint } from './fingerprint';
import { createCommentPages } from './pages';
import { createPublicComments } from './public';
import { createCommentReplies } from './replies';
import { createStaffReplies } from './staff-replies';
import { createCommentTallies } from './tallies';

export { COMMENT_EVENTS, type CommentEvent, type CommentWithParentId, type EventArticle } from './events';
export type { ThreadRequest } from './actions';
export type { CommentAuthor } from './authors';
export type { ListedComment, ListedThread, NewComment, PublishedArticle } from './public';
export type { NewsroomAdmin } from './staff-replies';

/**
 * Comments as readers and the newsroom write and read them: a reader's use cases, one method each
 * (actions.ts), over the public threads, posting and reporting (public.ts), the page queries
 * (pages.ts, replies.ts, counts.ts, and the counts kept by tallies.ts), authors editing their own comments (authors.ts), the newsroom's
 * replies (staff-replies.ts), the events and webhooks (events.ts) and the data kept on each comment
 * (article-ref.ts, fingerprint.ts).
 */
export const createCommentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const events = createCommentEvents({ strapi });
  const tallies = createCommentTallies({ strapi });
  const pages = createCommentPages({ strapi, tallies });
  const counts = createCommentCounts({ tallies });
  const publicComments = createPublicComments({ strapi, pages, events });
  const authors = createCommentAuthors({ strapi });
  const actions = createCommentActions({ strapi, publicComments, authors });
  const replies = createCommentReplies({ strapi, pages });
  const staff = createStaffReplies({ strapi, events });
  const articleRef = createCommentArticleRef({ strapi });
  const fingerprints = createCommentFingerprint({ strapi });

  return joinParts(actions, publicComments, authors, pages, replies, counts, tallies, staff, events, articleRef, fingerprints);
};

export type CommentsService = ReturnType<typeof createCommentsService>;
