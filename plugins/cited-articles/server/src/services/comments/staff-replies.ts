import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { articleVersionKey } from '../../comments/article-version';
import { contentFingerprint } from '../../comments/duplicate-text';
import { replyDepthProblem } from '../../comments/thread';
import { ConflictError, fieldError } from '../../utils/errors';
import { getService } from '../../utils/get-service';
import { commentSettings } from '../../utils/settings';
import { commentsRepository } from '../../repositories/comments';
import { toAdminComment } from '../moderation';
import type { AdminComment } from '../../../../shared/contracts';
import type { CommentEvents } from './events';

/** The admin answering as the newsroom. */
export interface NewsroomAdmin {
  id: number | string;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string | null;
}

/** How an admin is shown under their reply: their name as Strapi shows it, else their username. */
export const adminDisplayName = (admin: Omit<NewsroomAdmin, 'id'>) =>
  [admin.firstname, admin.lastname].filter(Boolean).join(' ').trim() || admin.username || 'Newsroom';

/**
 * Replies from the newsroom: a moderator answers a reader's comment. The reply is approved at once
 * (a moderator wrote it) and marked `staff`. A pending comment is approved first, only when asked
 * (`approveParent`), so that a reply never hangs under a comment the public cannot see.
 */
export const createStaffReplies = ({ strapi, events }: { strapi: Core.Strapi; events: CommentEvents }) => ({
  async staffReply({
    documentId,
    content,
    approveParent,
    admin,
  }: {
    documentId: string;
    content: string;
    approveParent: boolean;
    admin: NewsroomAdmin;
  }): Promise<AdminComment> {
    const comments = commentsRepository(strapi);
    const parent = await comments.forStaffReply(documentId);
    if (!parent) throw new errors.NotFoundError(`No comment has the documentId "${documentId}".`);
    if (parent.deleted)
      throw new ConflictError('This comment was deleted by its author: answer one of its replies instead.', { field: 'documentId' });
    if (parent.status === 'rejected' || parent.status === 'spam') {
      throw new ConflictError(`This comment is ${parent.status}: approve it before answering it.`, { status: parent.status });
    }
    const { maxDepth } = commentSettings(strapi);
    const depth = (parent.depth ?? 0) + 1;
    const tooDeep = replyDepthProblem(parent.depth ?? 0, maxDepth);
    if (tooDeep) throw fieldError('reply', 'documentId', tooDeep);
    const moderator = admin.email ?? `admin:${admin.id}`;
    if (parent.status === 'pending') {
      if (!approveParent) {
        throw new ConflictError('The comment answered is pending: approve it first (send approveParent: true to approve it with this reply).', {
          parentStatus: 'pending',
        });
      }
      await getService('moderation', { strapi }).setStatus({ documentIds: [documentId], status: 'approved', moderator });
    }

    // The reply joins the thread where it stands: the same localized version of the article.
    const articleDocumentId = parent.articleDocumentId ?? parent.article?.documentId ?? null;
    const articleLocale: string | null = parent.articleLocale ?? parent.article?.locale ?? null;
    const created = await comments.create({
      content,
      authorName: adminDisplayName(admin).slice(0, 100),
      status: 'approved',
      staff: true,
      moderatedBy: moderator,
      moderatedAt: new Date(),
      article: articleDocumentId ? (articleLocale ? { documentId: articleDocumentId, locale: articleLocale } : articleDocumentId) : null,
      articleDocumentId,
      articleLocale,
      articleVersion: articleDocumentId && articleLocale ? articleVersionKey(articleDocumentId, articleLocale) : null,
      contentFingerprint: articleDocumentId ? contentFingerprint(articleDocumentId, content) : null,
      parent: documentId,
      depth,
      threadRoot: parent.threadRoot ?? documentId,
      reportCount: 0,
    });
    const row = await comments.adminView(created.documentId);
    if (!row) throw new errors.NotFoundError(`No comment has the documentId "${created.documentId}".`);
    await events.emitEvent('created', { ...row, parent: documentId }, parent.article ?? null);
    return toAdminComment(row);
  },
});
