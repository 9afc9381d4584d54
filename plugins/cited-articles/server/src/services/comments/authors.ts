import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentFingerprint } from '../../comments/duplicate-text';
import { getService } from '../../utils/get-service';
import { commentSettings } from '../../utils/settings';
import { inTransaction } from '../../utils/transaction';
import { commentsRepository } from '../../repositories/comments';
import { commentReportsRepository } from '../../repositories/comment-reports';
import type { CommentWithParentId } from './events';

/** A reader acting on their own comment: their Users & Permissions account. */
export interface CommentAuthor {
  id: number | string;
  username?: string | null;
}

const MINUTE_MS = 60 * 1000;

const minutes = (value: number) => {
  const rounded = Math.round(value * 100) / 100;
  return `${rounded} minute${rounded === 1 ? '' : 's'}`;
};

/**
 * What the author of a comment may do to it afterwards: edit it for a while, delete it. Only a
 * reader who posted with a Users & Permissions account is an author here; an anonymous comment has
 * nobody who can prove it is theirs.
 */
export const createCommentAuthors = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = () => commentsRepository(strapi);

  /** The comment, refused unless it is `author`'s. Deleted comments are gone for their author too. */
  const findOwn = async (documentId: string, author: CommentAuthor, verb: 'edit' | 'delete') => {
    const row = await comments().forAuthor(documentId);
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
    await commentReportsRepository(strapi).deleteReportsOfIds(rows.map((row) => row.id));
    for (const row of rows) await comments().delete(row.documentId);
  };

  return {
    /**
     * The author's new text, within `editWindowMinutes` of posting. Under pre-moderation, readers
     * see only text a moderator approved: an edited approved comment goes back to `pending`
     * (heldReason `edited`) until a moderator approves it again (docs/decisions.md). Under
     * post-moderation it stays approved unless the new text would be held (links, blocked words):
     * then it waits for a moderator again. A pending comment stays pending.
     */
    async editAsAuthor({
      documentId,
      author,
      content,
    }: {
      documentId: string;
      author: CommentAuthor;
      content: string;
    }): Promise<CommentWithParentId> {
      const row = await findOwn(documentId, author, 'edit');
      const { editWindowMinutes, moderation } = commentSettings(strapi);
      const age = Date.now() - new Date(row.createdAt).getTime();
      if (age > editWindowMinutes * MINUTE_MS) {
        throw new errors.ForbiddenError(
          `A comment can be edited for ${minutes(editWindowMinutes)} after it is posted; this one was posted ${minutes(age / MINUTE_MS)} ago.`,
          { editWindowMinutes }
        );
      }
      const held = getService('moderation', { strapi }).holdReason({ content, authorName: author.username ?? '', authorEmail: '' });
      // An approval was of the text approved, not of whatever replaces it.
      const reviewAgain = !held && moderation === 'pre' && row.status === 'approved';
      const heldReason = held ?? (reviewAgain ? 'edited' : null);
      const status = heldReason ? 'pending' : row.status;
      const sentBack = status === 'pending' && row.status !== 'pending';
      await comments().update(row.id, {
        content,
        editedAt: new Date(),
        status,
        contentFingerprint: row.articleDocumentId ? contentFingerprint(row.articleDocumentId, content) : null,
        ...(heldReason ? { heldReason } : {}),
        ...(sentBack ? { heldAt: new Date() } : {}),
      });
      if (heldReason) getService('notifications', { strapi }).moderationWaiting();
      const updated = await comments().publicRow(row.id);
      // A moderator may have deleted it between the update and this read.
      if (!updated) throw new errors.NotFoundError(`No comment has the documentId "${documentId}".`);
      return { ...updated, parent: row.parent?.documentId ?? null };
    },

    /**
     * Deletes the author's comment. With replies it stays in its thread as a placeholder (no name,
     * no text, no account) so that the replies keep their context; without, it goes, and so does a
     * placeholder above it that answered nothing else any more. Returns what happened.
     */
    async removeAsAuthor({ documentId, author }: { documentId: string; author: CommentAuthor }): Promise<{ placeholder: boolean }> {
      const row = await findOwn(documentId, author, 'delete');
      return inTransaction(strapi, async () => {
        if ((await comments().countReplies(row.id)) > 0) {
          await comments().update(row.id, {
            deleted: true,
            content: '',
            authorName: null,
            authorEmail: null,
            user: null,
            notifyReplies: false,
            contentFingerprint: null,
            editedAt: null,
          });
          return { placeholder: true };
        }
        const gone: Array<{ id: number; documentId: string }> = [{ id: row.id, documentId: row.documentId }];
        // Placeholders left with no reply go too, up the thread.
        let parent = row.parent;
        while (parent?.deleted) {
          const goneIds = gone.map((g) => g.id);
          const siblings = await comments().countReplies(parent.id, goneIds);
          if (siblings > 0) break;
          gone.push({ id: parent.id, documentId: parent.documentId });
          parent = await comments().parentOf(parent.id);
        }
        await deleteRows(gone);
        return { placeholder: false };
      });
    },
  };
};

export type CommentAuthors = ReturnType<typeof createCommentAuthors>;
