import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { inTransaction } from '../utils/transaction';
import { COMMENT_REPORT_UID, COMMENT_UID } from '../utils/uids';
import { COMMENT_STATUSES, type CommentStatus } from '../comments/statuses';

const ADMIN_FIELDS = [
  'content',
  'authorName',
  'authorEmail',
  'status',
  'depth',
  'threadRoot',
  'reportCount',
  'heldReason',
  'ipHash',
  'moderatedBy',
  'moderatedAt',
  'articleLocale',
  'createdAt',
  'updatedAt',
];
const ADMIN_POPULATE = {
  article: { fields: ['slug', 'title'] },
  parent: { fields: ['depth'] },
};

/** A comment as moderators see it: everything, emails included (this never leaves the admin API). */
export const toAdminComment = (row: any) => ({
  documentId: row.documentId,
  content: row.content,
  authorName: row.authorName,
  authorEmail: row.authorEmail,
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
  moderatedAt: row.moderatedAt ?? null,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export interface ModerationFilters {
  status?: CommentStatus;
  article?: string;
  locale?: string;
  reported?: boolean;
  q?: string;
}

/** Moderators' operations: the queue with counts, decisions in bulk, deletion, a comment in context. */
const commentModeration = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = () => strapi.documents(COMMENT_UID);

  /** Filters other than status, shared by the list and the per-status counts. */
  const scope = ({ article, locale, reported, q }: ModerationFilters) => {
    const and: any[] = [];
    if (article) and.push({ article: { documentId: article } });
    if (locale) and.push({ articleLocale: locale });
    if (reported === true) and.push({ reportCount: { $gt: 0 } });
    if (reported === false) and.push({ $or: [{ reportCount: 0 }, { reportCount: { $null: true } }] });
    if (q) {
      and.push({
        $or: [{ content: { $containsi: q } }, { authorName: { $containsi: q } }, { authorEmail: { $containsi: q } }],
      });
    }
    return and;
  };

  const findByDocumentIds = async (documentIds: string[]) => {
    const rows: any[] = await comments().findMany({
      filters: { documentId: { $in: documentIds } } as any,
      fields: ADMIN_FIELDS as any,
      populate: ADMIN_POPULATE as any,
    });
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
   * with the comment, and the report would stay behind, counted by nothing. Sweep those.
   */
  const deleteOrphanReports = async () => {
    const reports = strapi.db.metadata.get(COMMENT_REPORT_UID);
    const link = (reports.attributes.comment as any).joinTable;
    const knex = strapi.db.connection;
    // Read first, then delete by primary key: a DELETE with the subquery locks ranges of both
    // tables, which deadlocks on MariaDB against reports being written. The sweep is housekeeping:
    // if it loses a race, the next deletion sweeps what is left, so its failure fails nothing.
    try {
      const orphans: number[] = await knex(reports.tableName).whereNotIn('id', knex(link.name).select(link.joinColumn.name)).pluck('id');
      if (orphans.length > 0) await knex(reports.tableName).whereIn('id', orphans).del();
    } catch (error) {
      strapi.log.warn(`cited-articles: could not sweep orphaned comment reports (${(error as Error).message})`);
    }
  };

  /** The comments named, every reply below them and their reports; runs inside delete's transaction. */
  const deleteThreads = async (documentIds: string[]) => {
    const targets = await findByDocumentIds(documentIds);
    const roots = [...new Set(targets.map((row) => row.threadRoot ?? row.documentId))];
    const threads: any[] = await comments().findMany({
      filters: { threadRoot: { $in: roots } } as any,
      fields: ['threadRoot'] as any,
      populate: { parent: { fields: ['depth'] } } as any,
    });
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
    const reports = await strapi.documents(COMMENT_REPORT_UID).findMany({
      filters: { comment: { documentId: { $in: ids } } } as any,
      fields: ['reason'] as any,
      sort: [{ id: 'asc' }] as any,
    });
    for (const report of reports) await strapi.documents(COMMENT_REPORT_UID).delete({ documentId: report.documentId });
    for (const id of [...ids].sort()) await comments().delete({ documentId: id });
    return ids;
  };

  return {
    async list({ page, pageSize, sort, status, ...filters }: ModerationFilters & { page: number; pageSize: number; sort: 'newest' | 'oldest' }) {
      const shared = scope(filters);
      const where = (extra: any[]) => ({ $and: [...shared, ...extra] });
      const listed = where(status ? [{ status }] : []);
      const order = sort === 'oldest' ? 'asc' : 'desc';

      const [rows, total, ...perStatus] = await Promise.all([
        comments().findMany({
          filters: listed as any,
          fields: ADMIN_FIELDS as any,
          populate: ADMIN_POPULATE as any,
          sort: [{ createdAt: order }, { id: order }] as any,
          start: (page - 1) * pageSize,
          limit: pageSize,
        }),
        comments().count({ filters: listed as any }),
        ...COMMENT_STATUSES.map((name) => comments().count({ filters: where([{ status: name }]) as any })),
      ]);
      return {
        rows: rows.map(toAdminComment),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
        counts: Object.fromEntries(COMMENT_STATUSES.map((name, index) => [name, perStatus[index]])) as Record<CommentStatus, number>,
      };
    },

    /** A comment with its article, its whole thread (any status, oldest first) and its reports. */
    async findOne(documentId: string) {
      const [comment] = await findByDocumentIds([documentId]);
      const root = comment.threadRoot ?? comment.documentId;
      const [thread, reports] = await Promise.all([
        comments().findMany({
          filters: { $or: [{ documentId: root }, { threadRoot: root }] } as any,
          fields: ADMIN_FIELDS as any,
          populate: ADMIN_POPULATE as any,
          sort: [{ createdAt: 'asc' }, { id: 'asc' }] as any,
        }),
        strapi.documents(COMMENT_REPORT_UID).findMany({
          filters: { comment: { documentId } } as any,
          fields: ['reason', 'details', 'resolved', 'createdAt'] as any,
          sort: [{ createdAt: 'desc' }] as any,
        }),
      ]);
      return {
        ...toAdminComment(comment),
        thread: thread.map(toAdminComment),
        reports: reports.map((report: any) => ({
          documentId: report.documentId,
          reason: report.reason,
          details: report.details ?? null,
          resolved: Boolean(report.resolved),
          createdAt: report.createdAt,
        })),
      };
    },

    /**
     * Sets one or many comments to approved, rejected or spam in one call. Approving also settles
     * the comment's reports (they no longer count towards sending it back to pending). Unknown
     * documentIds fail the whole call before anything changes.
     */
    async setStatus({ documentIds, status, moderator }: { documentIds: string[]; status: 'approved' | 'rejected' | 'spam'; moderator: string }) {
      const before = await findByDocumentIds(documentIds);
      await strapi.db.query(COMMENT_UID).updateMany({
        where: { documentId: { $in: documentIds } },
        data: {
          status,
          moderatedBy: moderator,
          moderatedAt: new Date(),
          heldReason: null,
          ...(status === 'approved' ? { reportCount: 0 } : {}),
        },
      });
      if (status === 'approved') {
        const open = await strapi.db.query(COMMENT_REPORT_UID).findMany({
          where: { comment: { documentId: { $in: documentIds } }, resolved: false },
          select: ['id'],
        });
        if (open.length > 0) {
          await strapi.db.query(COMMENT_REPORT_UID).updateMany({
            where: { id: { $in: open.map((report: any) => report.id) } },
            data: { resolved: true },
          });
        }
      }

      // In the order the moderator named them, for the response and the events.
      const order = new Map(documentIds.map((id, index) => [id, index]));
      const after = (await findByDocumentIds(documentIds)).sort((a, b) => order.get(a.documentId)! - order.get(b.documentId)!);
      // Events only for real changes, so re-approving does not notify anyone twice; none for spam.
      if (status !== 'spam') {
        const events = getService('comment-events', { strapi });
        const changed = new Set(before.filter((row) => row.status !== status).map((row) => row.documentId));
        for (const row of after.filter((comment) => changed.has(comment.documentId))) {
          await events.emit(status, { ...row, parent: row.parent?.documentId ?? null }, row.article);
        }
      }
      return after.map(toAdminComment);
    },

    /**
     * Deletes comments with their replies (a reply without the comment it answers has no context)
     * and their reports, in one transaction: a failure midway leaves every row in place rather than
     * replies without their comment or reports without either. Returns the documentIds deleted.
     */
    async delete(documentIds: string[]) {
      const ids = await inTransaction(strapi, () => deleteThreads(documentIds));
      // After the commit, outside the transaction: the sweep may lose a race and must fail nothing.
      await deleteOrphanReports();
      return ids;
    },
  };
};

export default commentModeration;
