import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../../utils/get-service';
import { inTransaction } from '../../utils/transaction';
import { COMMENT_STATUSES, type CommentStatus } from '../../../../shared/comment-statuses';
import type {
  AdminComment,
  AdminCommentDetail,
  CommentReport,
  ModerationDecision,
  ModerationQueueCapped,
  Pagination,
} from '../../../../shared/contracts';
import type { DateValue } from '../../content-types/records';
import { commentsRepository, type AdminCommentRow } from '../../repositories/comments';
import { commentReportsRepository, type AdminReportRow } from '../../repositories/comment-reports';

export interface ModerationFilters {
  status?: CommentStatus;
  article?: string;
  locale?: string;
  reported?: boolean;
  q?: string;
}

/**
 * The most comments the moderation queue counts in a status (and in the page's total, unless the
 * next page is further): past it the count reads "1,000+", as the Sources page's do. A plain count
 * reads every match, 900,000 approved comments on a news site.
 */
export const QUEUE_COUNT_CAP = 1000;

/** A date as the admin's JSON carries it (what JSON.stringify would make of a Date anyway). */
const iso = <T extends DateValue | null | undefined>(value: T) => (value instanceof Date ? value.toISOString() : value) as Exclude<T, Date>;

/** A comment as moderators see it: everything, emails included (this never leaves the admin API). */
export const toAdminComment = (row: AdminCommentRow): AdminComment => ({
  documentId: row.documentId,
  content: row.content,
  // None on the placeholder of a comment its author deleted (kept for its replies).
  authorName: row.authorName ?? null,
  authorEmail: row.authorEmail ?? null,
  status: row.status,
  depth: row.depth ?? 0,
  parent: row.parent?.documentId ?? null,
  threadRoot: row.threadRoot ?? null,
  article: row.article ? { documentId: row.article.documentId, slug: row.article.slug, title: row.article.title } : null,
  // The localized version of the article the comment belongs to (a thread per locale).
  locale: row.articleLocale ?? null,
  reportCount: row.reportCount ?? 0,
  heldReason: row.heldReason ?? null,
  ipHash: row.ipHash ?? null,
  moderatedBy: row.moderatedBy ?? null,
  moderatedAt: iso(row.moderatedAt ?? null),
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
  editedAt: iso(row.editedAt ?? null),
  deleted: row.deleted === true || row.deleted === 1,
  staff: row.staff === true || row.staff === 1,
});

const toAdminReport = (report: AdminReportRow): CommentReport => ({
  documentId: report.documentId,
  reason: report.reason,
  details: report.details ?? null,
  resolved: Boolean(report.resolved),
  createdAt: iso(report.createdAt),
});

/** Moderators' operations: the queue with counts, decisions in bulk, deletion, a comment in context. */
export const createCommentModeration = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = () => commentsRepository(strapi);

  const findByDocumentIds = async (documentIds: string[]) => {
    const rows = await comments().adminRows(documentIds);
    const missing = documentIds.filter((id) => !rows.some((row) => row.documentId === id));
    if (missing.length > 0) {
      throw new errors.NotFoundError(`No comment has the documentId ${missing.map((id) => `"${id}"`).join(', ')}.`, {
        documentIds: missing,
      });
    }
    return rows;
  };

  /**
   * A reader may report a comment while it is being deleted: the report's link to the comment goes
   * with the comment, and the report would stay behind, counted by nothing. Sweep those. The sweep
   * is housekeeping: if it loses a race, the next deletion sweeps what is left, so its failure fails
   * nothing.
   */
  const deleteOrphanReports = async () => {
    try {
      await comments().deleteOrphanReports();
    } catch (error) {
      strapi.log.warn(`cited-articles: could not sweep orphaned comment reports (${(error as Error).message})`);
    }
  };

  /** The comments named, every reply below them and their reports; runs inside delete's transaction. */
  const deleteThreads = async (documentIds: string[]) => {
    const targets = await findByDocumentIds(documentIds);
    const roots = [...new Set(targets.map((row) => row.threadRoot ?? row.documentId))];
    const threads = await comments().threadMembers(roots);
    const deleted = new Set(documentIds);
    // Replies of replies: repeat until no reply of a deleted comment is left.
    for (let grew = true; grew;) {
      grew = false;
      for (const row of threads) {
        if (!deleted.has(row.documentId) && row.parent && deleted.has(row.parent.documentId)) {
          deleted.add(row.documentId);
          grew = true;
        }
      }
    }
    // In a fixed order (by documentId, reports by id), so that two deletions of the same thread
    // lock its rows in the same order rather than deadlock.
    const ids = [...deleted];
    await commentReportsRepository(strapi).deleteReportsOf(ids);
    for (const id of [...ids].sort()) await comments().delete(id);
    return ids;
  };

  return {
    /**
     * The moderation queue's page, with the count per status. Two statements whatever the size of
     * the queue: the page, and the counts, each capped (`QUEUE_COUNT_CAP`; the total at least past
     * the next page, so that the pagination offers it): `capped` says which stopped at its cap.
     */
    async listComments({
      page,
      pageSize,
      sort,
      status,
      ...filters
    }: ModerationFilters & { page: number; pageSize: number; sort: 'newest' | 'oldest' }): Promise<{
      rows: AdminComment[];
      pagination: Pagination;
      counts: Record<CommentStatus, number>;
      capped: ModerationQueueCapped;
    }> {
      const order = sort === 'oldest' ? 'asc' : 'desc';
      const totalCap = Math.max(QUEUE_COUNT_CAP, (page + 1) * pageSize);
      const [rows, counted] = await Promise.all([
        comments().queuePage(filters, { status, order, start: (page - 1) * pageSize, limit: pageSize }),
        comments().queueCounts(filters, { status, totalCap, cap: QUEUE_COUNT_CAP }),
      ]);
      const total = Math.min(counted.total, totalCap);
      const each = <T>(value: (name: CommentStatus) => T) =>
        Object.fromEntries(COMMENT_STATUSES.map((name) => [name, value(name)])) as Record<CommentStatus, T>;
      return {
        rows: rows.map(toAdminComment),
        // Past a capped total there is one page more at least: the pagination offers it.
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize) + (counted.total > totalCap ? 1 : 0), total },
        counts: each((name) => Math.min(counted.counts[name], QUEUE_COUNT_CAP)),
        capped: { total: counted.total > totalCap, counts: each((name) => counted.counts[name] > QUEUE_COUNT_CAP) },
      };
    },

    /** On PostgreSQL, statistics on the queue's searched text (repositories/comments-sql.ts). */
    async ensureSearchStatistics(): Promise<boolean> {
      return comments().ensureSearchStatistics();
    },

    /** A comment with its article, its whole thread (any status, oldest first) and its reports. */
    async findComment(documentId: string): Promise<AdminCommentDetail> {
      const [comment] = await findByDocumentIds([documentId]);
      const root = comment.threadRoot ?? comment.documentId;
      const [thread, reports] = await Promise.all([comments().adminThread(root), commentReportsRepository(strapi).reportsOf(documentId)]);
      return {
        ...toAdminComment(comment),
        thread: thread.map(toAdminComment),
        reports: reports.map(toAdminReport),
      };
    },

    /**
     * Sets one or many comments to approved, rejected or spam in one call. Approving also settles
     * the comment's reports (they no longer count towards sending it back to pending). Unknown
     * documentIds fail the whole call before anything changes.
     */
    async setStatus({
      documentIds,
      status,
      moderator,
    }: {
      documentIds: string[];
      status: ModerationDecision;
      moderator: string;
    }): Promise<AdminComment[]> {
      const before = await findByDocumentIds(documentIds);
      // One transaction: the decision and the settled reports go together, and a deadlock with a
      // deletion or a report racing it (MySQL/MariaDB) is run again instead of answering 500.
      await inTransaction(strapi, async () => {
        await comments().updateMany(documentIds, {
          status,
          moderatedBy: moderator,
          moderatedAt: new Date(),
          heldReason: null,
          ...(status === 'approved' ? { reportCount: 0 } : {}),
        });
        if (status === 'approved') await commentReportsRepository(strapi).resolveReportsOf(documentIds);
      });

      // In the order the moderator named them, for the response and the events.
      const order = new Map(documentIds.map((id, index) => [id, index]));
      const after = (await findByDocumentIds(documentIds)).sort((a, b) => order.get(a.documentId)! - order.get(b.documentId)!);
      // Events only for real changes, so re-approving does not notify anyone twice; none for spam.
      if (status !== 'spam') {
        const commentService = getService('comments', { strapi });
        const changed = new Set(before.filter((row) => row.status !== status).map((row) => row.documentId));
        for (const row of after.filter((comment) => changed.has(comment.documentId))) {
          await commentService.emitEvent(status, { ...row, parent: row.parent?.documentId ?? null }, row.article ?? null);
        }
      }
      return after.map(toAdminComment);
    },

    /**
     * Deletes comments with their replies (a reply without the comment it answers has no context)
     * and their reports, in one transaction: a failure midway leaves every row in place rather than
     * replies without their comment or reports without either. Returns the documentIds deleted.
     */
    async deleteComments(documentIds: string[]): Promise<string[]> {
      const ids = await inTransaction(strapi, () => deleteThreads(documentIds));
      // After the commit, outside the transaction: the sweep may lose a race and must fail nothing.
      await deleteOrphanReports();
      return ids;
    },
  };
};
