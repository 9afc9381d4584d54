import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentFingerprint } from '../comments/duplicate-text';
import { getService } from '../utils/get-service';
import { commentSettings } from '../utils/settings';
import { inTransaction } from '../utils/transaction';
import { COMMENT_REPORT_UID, COMMENT_UID } from '../utils/uids';
import { PUBLIC_COMMENT_FIELDS } from './comments-public';

const MINUTE_MS = 60 * 1000;

type Author = { id: number | string; username?: string | null };

const minutes = (value: number) => {
  const rounded = Math.round(value * 100) / 100;
  return `${rounded} minute${rounded === 1 ? '' : 's'}`;
};

/**
 * What the author of a comment may do to it afterwards: edit it for a while, delete it. Only a
 * reader who posted with a Users & Permissions account is an author here; an anonymous comment has
 * nobody who can prove it is theirs.
 */
const commentAuthors = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(COMMENT_UID);

  /** The comment, refused unless it is `author`'s. Deleted comments are gone for their author too. */
  const findOwn = async (documentId: string, author: Author, verb: 'edit' | 'delete') => {
    const row: any = await query().findOne({
      where: { documentId },
      select: ['id', 'documentId', 'status', 'createdAt', 'deleted', 'heldReason', 'articleDocumentId', 'depth'],
      populate: { user: { select: ['id'] }, parent: { select: ['id', 'documentId', 'deleted'] } },
    });
    if (!row || row.deleted) throw new errors.NotFoundError(`No comment has the documentId "${documentId}".`);
    const done = verb === 'edit' ? 'edited' : 'deleted';
    if (!row.user) throw new errors.ForbiddenError(`A comment posted without an account cannot be ${done}.`);
    if (String(row.user.id) !== String(author.id)) throw new errors.ForbiddenError(`You can only ${verb} your own comments.`);
    // A moderator's decision stands: the author cannot bring a rejected comment back by editing it.
    if (row.status === 'rejected' || row.status === 'spam') {
      throw new errors.ForbiddenError(`This comment was rejected by a moderator and cannot be ${done}.`);
    }
    return row;
  };

  /** Deletes rows and their reports by id, children before parents. */
  const deleteRows = async (rows: Array<{ id: number; documentId: string }>) => {
    const reports = await strapi.db.query(COMMENT_REPORT_UID).findMany({
      where: { comment: { id: { $in: rows.map((row) => row.id) } } },
      select: ['id'],
    });
    if (reports.length > 0) await strapi.db.query(COMMENT_REPORT_UID).deleteMany({ where: { id: { $in: reports.map((r: any) => r.id) } } });
    for (const row of rows) await strapi.documents(COMMENT_UID).delete({ documentId: row.documentId });
  };

  const replyCount = (id: number) => query().count({ where: { parent: { id } } });

  return {
    /**
     * The author's new text, within `editWindowMinutes` of posting. An approved comment stays
     * approved unless the new text would be held (links, blocked words): then it waits for a
     * moderator again, whatever the moderation mode. A pending comment stays pending.
     */
    async edit({ documentId, author, content }: { documentId: string; author: Author; content: string }) {
      const row = await findOwn(documentId, author, 'edit');
      const { editWindowMinutes } = commentSettings(strapi);
      const age = Date.now() - new Date(row.createdAt).getTime();
      if (age > editWindowMinutes * MINUTE_MS) {
        throw new errors.ForbiddenError(
          `A comment can be edited for ${minutes(editWindowMinutes)} after it is posted; this one was posted ${minutes(age / MINUTE_MS)} ago.`,
          { editWindowMinutes }
        );
      }
      const held = getService('abuse-guard', { strapi }).holdReason({ content, authorName: author.username ?? '', authorEmail: '' });
      const status = held ? 'pending' : row.status;
      const sentBack = status === 'pending' && row.status !== 'pending';
      await query().update({
        where: { id: row.id },
        data: {
          content,
          editedAt: new Date(),
          status,
          contentFingerprint: row.articleDocumentId ? contentFingerprint(row.articleDocumentId, content) : null,
          ...(held ? { heldReason: held } : {}),
          ...(sentBack ? { heldAt: new Date() } : {}),
        },
      });
      if (status === 'pending' && held) getService('notifications', { strapi }).moderationWaiting();
      const updated = await query().findOne({ where: { id: row.id }, select: ['id', 'documentId', ...PUBLIC_COMMENT_FIELDS] });
      return { ...updated, parent: row.parent?.documentId ?? null };
    },

    /**
     * Deletes the author's comment. With replies it stays in its thread as a placeholder (no name,
     * no text, no account) so that the replies keep their context; without, it goes, and so does a
     * placeholder above it that answered nothing else any more. Returns what happened.
     */
    async remove({ documentId, author }: { documentId: string; author: Author }): Promise<{ placeholder: boolean }> {
      const row = await findOwn(documentId, author, 'delete');
      return inTransaction(strapi, async () => {
        if ((await replyCount(row.id)) > 0) {
          await query().update({
            where: { id: row.id },
            data: {
              deleted: true,
              content: '',
              authorName: null,
              authorEmail: null,
              user: null,
              notifyReplies: false,
              contentFingerprint: null,
              editedAt: null,
            },
          });
          return { placeholder: true };
        }
        const gone: Array<{ id: number; documentId: string }> = [{ id: row.id, documentId: row.documentId }];
        // Placeholders left with no reply go too, up the thread.
        let parent = row.parent;
        while (parent?.deleted) {
          const siblings = await query().count({ where: { parent: { id: parent.id }, id: { $notIn: gone.map((g) => g.id) } } });
          if (siblings > 0) break;
          gone.push({ id: parent.id, documentId: parent.documentId });
          const next: any = await query().findOne({
            where: { id: parent.id },
            select: ['id'],
            populate: { parent: { select: ['id', 'documentId', 'deleted'] } },
          });
          parent = next?.parent ?? null;
        }
        await deleteRows(gone);
        return { placeholder: false };
      });
    },
  };
};

export default commentAuthors;
