import type { Core } from '@strapi/strapi';
import type { CommentReportRecord, WithFields } from '../content-types/records';
import { COMMENT_REPORT_UID } from '../../../shared/uids';

/** A report as moderators see it: its reason is required by the schema. */
export type AdminReportRow = WithFields<CommentReportRecord, 'reason' | 'createdAt'>;

/** The fields a report is written with (its comment by documentId). */
export type NewReportData = Omit<CommentReportRecord, 'id' | 'documentId' | 'comment'> & { comment: string };

/**
 * The queries of comment reports: recording a reader's report, the reports moderators see, and
 * resolving or deleting them with their comments. A plain module taking `strapi`, like
 * commentsRepository (comments.ts), which holds the queries of the comments themselves.
 */
export const commentReportsRepository = (strapi: Core.Strapi) => {
  const reportQuery = () => strapi.db.query(COMMENT_REPORT_UID);
  const reportDocuments = () => strapi.documents(COMMENT_REPORT_UID);

  return {
    /** Records a report (the Document Service: its lifecycles must run). */
    async createReport(data: NewReportData) {
      return (await reportDocuments().create({ data })) as CommentReportRecord;
    },

    /** Claims a report's network place (unique: a second report from the network fails here). */
    async setReportNetwork(reportId: number, networkFingerprint: string): Promise<void> {
      await reportQuery().update({ where: { id: reportId }, data: { networkFingerprint } });
    },

    /** Deletes the reports of the comments with these ids (two statements, one when there are none). */
    async deleteReportsOfIds(commentIds: number[]): Promise<void> {
      const reports = (await reportQuery().findMany({
        where: { comment: { id: { $in: commentIds } } },
        select: ['id'],
      })) as Array<Pick<CommentReportRecord, 'id'>>;
      if (reports.length > 0) await reportQuery().deleteMany({ where: { id: { $in: reports.map((report) => report.id) } } });
    },

    /** A comment's reports, newest first. */
    async reportsOf(documentId: string) {
      return (await reportDocuments().findMany({
        filters: { comment: { documentId } },
        fields: ['reason', 'details', 'resolved', 'createdAt'],
        sort: [{ createdAt: 'desc' }],
      })) as AdminReportRow[];
    },

    /** Deletes the reports of the comments named, one by one in id order (see comment-moderation.ts). */
    async deleteReportsOf(documentIds: string[]): Promise<void> {
      const reports = await reportDocuments().findMany({
        filters: { comment: { documentId: { $in: documentIds } } },
        fields: ['reason'],
        sort: [{ id: 'asc' }],
      });
      for (const report of reports) await reportDocuments().delete({ documentId: report.documentId });
    },

    /** Marks the open reports of the comments named as resolved (two statements, one when none is open). */
    async resolveReportsOf(documentIds: string[]): Promise<void> {
      const open = (await reportQuery().findMany({
        where: { comment: { documentId: { $in: documentIds } }, resolved: false },
        select: ['id'],
      })) as Array<Pick<CommentReportRecord, 'id'>>;
      if (open.length > 0) {
        await reportQuery().updateMany({
          where: { id: { $in: open.map((report) => report.id) } },
          data: { resolved: true },
        });
      }
    },
  };
};
