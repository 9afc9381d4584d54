import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { articleVersionKey } from '../../comments/article-version';
import { contentFingerprint } from '../../comments/duplicate-text';
import { buildThreads, replyDepthProblem } from '../../comments/thread';
import { ConflictError, fieldError, isUniqueViolation } from '../../utils/errors';
import { getService } from '../../utils/get-service';
import { inTransaction } from '../../utils/transaction';
import { commentSettings } from '../../utils/settings';
import type { CommentRecord, CommentReportRecord, ReportReason } from '../../content-types/records';
import { articlesRepository } from '../../repositories/articles';
import { commentsRepository, PUBLIC_COMMENT_FIELDS } from '../../repositories/comments';
import { commentReportsRepository } from '../../repositories/comment-reports';
import type { Threaded } from '../../comments/thread';
import type { Pagination } from '../../../../shared/contracts';
import type { CommentEvents, CommentWithParentId } from './events';
import type { CommentPages } from './pages';

/** A comment of the public list: its depth always set. */
export type ListedComment = CommentWithParentId & { depth: number };

/** A root of the public list with its first replies nested, and how many replies its thread has. */
export type ListedThread = Threaded<ListedComment> & { replyCount: number; moreReplies: boolean };

/** The published article a public comment route names. */
export interface PublishedArticle {
  id: number;
  documentId: string;
  locale: string;
  slug: string;
  commentsEnabled: boolean | null;
  publishedAt: string;
}

export interface NewComment {
  authorName: string;
  /** null for a reader with an account: their address stays on the account. */
  authorEmail: string | null;
  /** The Users & Permissions user posting, if any. */
  userId?: number | null;
  notifyReplies?: boolean;
  content: string;
  parent?: string | null;
  honeypot?: unknown;
}

export { PUBLIC_COMMENT_FIELDS };

const DAY_MS = 24 * 60 * 60 * 1000;

/** A row with its parent as a documentId and its depth set, as threads are built from. */
const listed = (row: CommentRecord): ListedComment => ({ ...row, parent: row.parent?.documentId ?? null, depth: row.depth ?? 0 });

/**
 * Reader-facing comment operations: the approved threads of an article, posting a comment and
 * reporting one. Only approved comments under a published article are ever read here.
 */
export const createPublicComments = ({ strapi, pages, events }: { strapi: Core.Strapi; pages: CommentPages; events: CommentEvents }) => {
  const comments = () => commentsRepository(strapi);
  const articles = () => articlesRepository(strapi);
  const guard = () => getService('moderation', { strapi });

  /** The published article with this slug in this locale (the default one when none is asked for). */
  const findPublishedArticle = async (slug: string, requestedLocale?: string): Promise<PublishedArticle> => {
    const locales = getService('platform', { strapi });
    const locale = await locales.resolveLocale(requestedLocale);
    const article = (await articles().publishedForComments(slug, locale)) as PublishedArticle | null;
    if (!article) throw await locales.articleNotFound({ slug, locale, status: 'published' });
    return article;
  };

  const assertOpen = (article: { commentsEnabled: boolean | null; publishedAt: string }) => {
    if (article.commentsEnabled === false) {
      throw new errors.ForbiddenError('Comments are closed on this article.');
    }
    const { closeAfterDays } = commentSettings(strapi);
    if (closeAfterDays !== null && Date.now() - new Date(article.publishedAt).getTime() > closeAfterDays * DAY_MS) {
      throw new errors.ForbiddenError(`Comments close ${closeAfterDays} days after an article is published.`);
    }
  };

  /**
   * The comment answered: approved, on the same localized version of the article (a thread per
   * locale), and not already at the deepest level.
   */
  const resolveParent = async (parentId: string, article: { documentId: string; locale: string }) => {
    const parent = await comments().approvedReplyTarget(parentId);
    if (!parent) throw fieldError('comment', 'parent', 'no approved comment has this documentId');
    if (parent.articleDocumentId !== article.documentId) {
      throw fieldError('comment', 'parent', 'the comment answered belongs to another article');
    }
    if (parent.articleLocale !== article.locale) {
      throw fieldError(
        'comment',
        'parent',
        `the comment answered is on the "${parent.articleLocale}" version of this article; reply with ?locale=${parent.articleLocale}`
      );
    }
    const { maxDepth } = commentSettings(strapi);
    const depth = (parent.depth ?? 0) + 1;
    const tooDeep = replyDepthProblem(parent.depth ?? 0, maxDepth);
    if (tooDeep) throw fieldError('comment', 'parent', tooDeep);
    return { documentId: parentId, depth, threadRoot: parent.threadRoot ?? parentId };
  };

  /**
   * The durable half of duplicate detection, for claims a restart or an expiry has forgotten. The
   * stored fingerprint (article and normalised text, see comments/duplicate-text.ts) stands for the
   * text, so "Great  Article" finds "great article" here as it does in the claim.
   */
  const isStoredDuplicate = async (fingerprint: string, input: NewComment, ipHash: string) => {
    const since = new Date(Date.now() - commentSettings(strapi).duplicateWindowSeconds * 1000);
    const count = await comments().countRecentDuplicates({
      fingerprint,
      since,
      ipHash,
      userId: input.userId,
      authorEmail: input.authorEmail,
    });
    return count > 0;
  };

  return {
    findPublishedArticle,

    /**
     * Approved comments of a published article: root comments paginated, replies nested, at most
     * `repliesPerThread` of them per thread (the oldest); each root says how many its thread has.
     */
    async listApproved({
      slug,
      locale,
      page,
      pageSize,
      sort,
    }: {
      slug: string;
      locale?: string;
      page: number;
      pageSize: number;
      sort: 'oldest' | 'newest';
    }): Promise<{ threads: ListedThread[]; pagination: Pagination; commentCount: number; articleDocumentId: string }> {
      const article = await findPublishedArticle(slug, locale);
      const { maxDepth, repliesPerThread } = commentSettings(strapi);
      const order = sort === 'newest' ? 'desc' : 'asc';

      // Counts and ids by plain indexed queries (see pages.ts), then the page's rows. The count
      // first: a page past the middle is read from the end (a last page costs what a first does).
      const version = articleVersionKey(article.documentId, article.locale);
      const counts = await pages.approvedCounts(article.documentId, article.locale);
      const rootPageIds = await pages.rootPage(version, { page, pageSize, order, roots: counts.roots });
      const rootRows = rootPageIds.length > 0 ? await comments().publicRows(rootPageIds) : [];
      const position = new Map(rootPageIds.map((id, index) => [id, index]));
      const roots = rootRows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
      const rootIds = roots.map((row) => row.documentId);
      const rootTotal = counts.roots;

      // The oldest approved replies of each thread of this page and every thread's count, by
      // threadRoot (indexed; a thread never spans two articles). A reply's ancestors are older than
      // it, so the ones it needs to be shown are among them when they are approved.
      const [firstReplies, replyCounts] = await Promise.all([
        pages.firstReplies(rootIds, { limit: repliesPerThread, maxDepth }),
        pages.replyCounts(rootIds, { maxDepth }),
      ]);
      const replies = firstReplies.length > 0 ? await comments().listedReplies(firstReplies.map((reply) => reply.documentId)) : [];

      return {
        threads: buildThreads(roots.map(listed), replies.map(listed), maxDepth).map((thread) => {
          const replyCount = replyCounts.get(thread.documentId) ?? 0;
          return { ...thread, replyCount, moreReplies: replyCount > repliesPerThread };
        }),
        pagination: { page, pageSize, pageCount: Math.ceil(rootTotal / pageSize), total: rootTotal },
        commentCount: counts.all,
        articleDocumentId: article.documentId,
      };
    },

    /**
     * Stores a new comment from a sender that has passed flood control (the controller runs it
     * first, before the body is even validated). The cheapest refusals come first: the article and
     * the parent, then duplicates, right before the insert.
     */
    async createComment({
      slug,
      locale,
      input,
      ipHash,
    }: {
      slug: string;
      locale?: string;
      input: NewComment;
      ipHash: string;
    }): Promise<CommentWithParentId> {
      const settings = commentSettings(strapi);

      const article = await findPublishedArticle(slug, locale);
      assertOpen(article);
      const parent = input.parent ? await resolveParent(input.parent, article) : null;

      const held = guard().holdReason({
        content: input.content,
        authorName: input.authorName,
        authorEmail: input.authorEmail ?? '',
        honeypot: input.honeypot ? String(input.honeypot) : undefined,
      });
      // A filled honeypot is a bot: stored as spam for the record, answered like any pending comment.
      const status = held === 'honeypot' ? 'spam' : held || settings.moderation === 'pre' ? 'pending' : 'approved';

      const fingerprint = contentFingerprint(article.documentId, input.content);
      let release: (() => Promise<void>) | null = null;
      if (status !== 'spam') {
        release = await guard().claimDuplicate(article.documentId, input.content, [
          `ip:${ipHash}`,
          input.userId ? `user:${input.userId}` : `email:${input.authorEmail}`,
        ]);
        const duplicate = !release || (await isStoredDuplicate(fingerprint, input, ipHash));
        if (duplicate) {
          // A stored duplicate found after a fresh claim: keep the claim, it is a duplicate anyway.
          throw new ConflictError('You already posted this comment on this article.', { field: 'content' });
        }
      }

      let created: CommentRecord;
      try {
        // Its own transaction, run again if the database picks it as a deadlock victim (another
        // instance on the same SQLite file committing at that moment answers BUSY at once).
        created = await inTransaction(strapi, () =>
          comments().create(
            {
              content: input.content,
              authorName: input.authorName,
              authorEmail: input.authorEmail,
              user: input.userId ?? null,
              notifyReplies: input.notifyReplies === true,
              status,
              heldReason: held,
              heldAt: status === 'pending' ? new Date() : null,
              // The localized version the reader commented on (a thread per locale).
              article: { documentId: article.documentId, locale: article.locale },
              articleDocumentId: article.documentId,
              articleLocale: article.locale,
              articleVersion: articleVersionKey(article.documentId, article.locale),
              contentFingerprint: fingerprint,
              parent: parent?.documentId ?? null,
              depth: parent?.depth ?? 0,
              threadRoot: parent?.threadRoot ?? null,
              ipHash,
              reportCount: 0,
            },
            { fields: PUBLIC_COMMENT_FIELDS }
          )
        );
      } catch (error) {
        await release?.();
        throw error;
      }

      const comment = { ...created, parent: parent?.documentId ?? null };
      if (status !== 'spam') await events.emitEvent('created', comment, article);
      return comment;
    },

    /**
     * Records a reader's report (flood control has run in the controller). One report per reporter
     * and comment is recorded; the reporter is a logged-in user or else an IP hash. One report per
     * network and comment counts toward `reportThreshold`. Returns whether this report was new.
     */
    async recordReport({
      documentId,
      reason,
      details,
      ipHash,
      userId,
    }: {
      documentId: string;
      reason: ReportReason;
      details?: string | null;
      ipHash: string;
      userId?: number | string | null;
    }): Promise<{ counted: boolean }> {
      const reporterHash = guard().reporterHash({ userId, ipHash });

      const comment = await comments().approvedForReport(documentId);
      // The locale the comment was posted on must be published (a thread per locale).
      const articlePublished = comment?.articleDocumentId && (await articles().isPublished(comment.articleDocumentId, comment.articleLocale));
      // Pending, rejected or spam comments, or comments under an unpublished article, are not
      // public: answering 404 does not even confirm that they exist.
      if (!articlePublished) throw new errors.NotFoundError(`No published comment has the documentId "${documentId}".`);

      // The unique fingerprint makes "one report per reporter" hold even for simultaneous requests.
      const fingerprint = crypto.createHash('sha256').update(`${documentId}:${reporterHash}`).digest('hex');
      let created: CommentReportRecord;
      try {
        created = await inTransaction(strapi, () =>
          commentReportsRepository(strapi).createReport({
            comment: documentId,
            reason,
            details: details || null,
            reporterHash,
            fingerprint,
            resolved: false,
          })
        );
      } catch (error) {
        if (isUniqueViolation(error)) return { counted: false };
        // A moderator deleted the comment while this report was being stored: its relation no longer
        // resolves (400 from the Document Service) or the link's foreign key fails once the deletion
        // commits (500). Either way the comment is gone, which the reader is told as for any other.
        if (!(await comments().exists(documentId))) {
          throw new errors.NotFoundError(`No published comment has the documentId "${documentId}".`);
        }
        throw error;
      }

      // Several accounts on one network weigh as one reader: the first report from a network claims
      // the network's place under a unique index; the others are kept for the moderator but do not
      // add to reportCount. The answer is the same, so an account does not learn that another on
      // its network reported the comment.
      const networkFingerprint = crypto
        .createHash('sha256')
        .update(`${documentId}:${guard().reporterHash({ ipHash })}`)
        .digest('hex');
      try {
        await commentReportsRepository(strapi).setReportNetwork(created.id, networkFingerprint);
      } catch (error) {
        if (isUniqueViolation(error)) return { counted: true };
        throw error;
      }

      // Counted in SQL so that simultaneous reports each add one.
      await comments().incrementReportCount(documentId);

      const { reportThreshold } = commentSettings(strapi);
      const sentBack = await comments().sendBackIfReported(documentId, reportThreshold);
      // Moderators hear of a comment the readers sent back (after the response, see notifications.ts).
      if (sentBack) getService('notifications', { strapi }).moderationWaiting();
      return { counted: true };
    },
  };
};

export type PublicComments = ReturnType<typeof createPublicComments>;
