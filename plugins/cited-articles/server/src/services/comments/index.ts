import type { Core } from '@strapi/strapi';
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

export { COMMENT_EVENTS, type CommentEvent, type CommentWithParentId, type EventArticle } from './events';
export type { ThreadRequest } from './actions';
export type { CommentAuthor } from './authors';
export type { ListedComment, ListedThread, NewComment, PublishedArticle } from './public';
export type { NewsroomAdmin } from './staff-replies';

/**
 * Comments as readers and the newsroom write and read them: a reader's use cases, one method each
 * (actions.ts), over the public threads, posting and reporting (public.ts), the page queries
 * (pages.ts, replies.ts, counts.ts), authors editing their own comments (authors.ts), the newsroom's
 * replies (staff-replies.ts), the events and webhooks (events.ts) and the data kept on each comment
 * (article-ref.ts, fingerprint.ts).
 */
export const createCommentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const events = createCommentEvents({ strapi });
  const pages = createCommentPages({ strapi });
  const counts = createCommentCounts({ strapi });
  const publicComments = createPublicComments({ strapi, pages, events });
  const authors = createCommentAuthors({ strapi });
  const actions = createCommentActions({ strapi, publicComments, authors });
  const replies = createCommentReplies({ strapi, pages });
  const staff = createStaffReplies({ strapi, events });
  const articleRef = createCommentArticleRef({ strapi });
  const fingerprints = createCommentFingerprint({ strapi });

  return {
    /** A reader's use cases, shared by the REST controller and the GraphQL resolvers (unvalidated input). */
    post: actions.post,
    edit: actions.edit,
    remove: actions.remove,
    report: actions.report,
    threadRequest: actions.threadRequest,
    threadPage: actions.threadPage,

    /** The published article with this slug in this locale, or the error that says what to ask instead. */
    findPublishedArticle: publicComments.findPublishedArticle,
    listApproved: publicComments.listApproved,
    /** Stores a validated comment from an admitted sender. */
    createComment: publicComments.create,
    /** Records a validated report from an admitted sender; whether it was new. */
    recordReport: publicComments.report,

    /** The author's own edit, validated (`edit` is the reader's use case around it). */
    editAsAuthor: authors.edit,
    /** The author's own deletion (`remove` is the reader's use case around it). */
    removeAsAuthor: authors.remove,

    rootPage: pages.rootPage,
    firstReplies: pages.firstReplies,
    replyPage: pages.replyPage,
    replyCounts: pages.replyCounts,
    approvedCounts: pages.approvedCounts,
    listReplies: replies.listReplies,
    /** Approved comments per article documentId in one locale (0 for articles with none). */
    approvedCountByArticle: counts.approvedByArticle,

    /** The newsroom's reply to a comment, from the admin panel. */
    staffReply: staff.reply,

    registerWebhookEvents: events.registerWebhookEvents,
    emitEvent: events.emit,

    /** Keeps each comment's copy of its article's documentId, locale and version (bootstrap). */
    subscribeArticleRef: articleRef.subscribe,
    /** Fills the article copies missing on stored comments (startup); returns how many. */
    backfillArticleRefs: articleRef.backfill,
    /** Stores duplicate fingerprints on comments without one (startup); returns how many. */
    backfillFingerprints: fingerprints.backfill,
  };
};

export type CommentsService = ReturnType<typeof createCommentsService>;
