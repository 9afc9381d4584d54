import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { commentSettings } from '../../utils/settings';
import { articlesRepository } from '../../repositories/articles';
import { commentsRepository } from '../../repositories/comments';
import type { Pagination } from '../../../../shared/contracts';
import type { CommentWithParentId } from './events';
import type { CommentPages } from './pages';

type Known = { approved: boolean; parent: string | null };

/**
 * The replies of one thread, a page at a time, for threads too long to travel whole with the
 * comment list (which carries the oldest `repliesPerThread` of each). Flat and oldest first, like
 * the thread itself: each reply names its parent and depth, so a client nests them as it goes.
 */
export const createCommentReplies = ({ strapi, pages }: { strapi: Core.Strapi; pages: CommentPages }) => {
  const comments = () => commentsRepository(strapi);

  /**
   * The replies whose every ancestor up to the root is approved (the rule of the comment list: a
   * reply under a comment sent back to pending leaves with it). Ancestors outside the page are read
   * one level at a time: at most maxDepth - 1 reads, whatever the size of the thread.
   */
  const visibleOnly = async <T extends { documentId: string; parent: string | null }>(rootId: string, rows: T[], maxDepth: number) => {
    const known = new Map<string, Known>([[rootId, { approved: true, parent: null }]]);
    for (const row of rows) known.set(row.documentId, { approved: true, parent: row.parent });
    const unknownParents = () =>
      [...new Set([...known.values()].map((entry) => entry.parent))].filter((id): id is string => id !== null && !known.has(id));
    for (let level = 0, wanted = unknownParents(); wanted.length > 0 && level < maxDepth; level++, wanted = unknownParents()) {
      const found = await comments().statusesWithParents(wanted);
      for (const id of wanted) known.set(id, { approved: false, parent: null });
      for (const row of found) known.set(row.documentId, { approved: row.status === 'approved', parent: row.parent?.documentId ?? null });
    }
    const shown = (id: string | null, steps = 0): boolean => {
      if (id === rootId) return true;
      const entry = id === null ? undefined : known.get(id);
      return entry !== undefined && entry.approved && steps <= maxDepth && shown(entry.parent, steps + 1);
    };
    return rows.filter((row) => shown(row.documentId));
  };

  return {
    async listReplies({
      documentId,
      page,
      pageSize,
    }: {
      documentId: string;
      page: number;
      pageSize: number;
    }): Promise<{ replies: CommentWithParentId[]; pagination: Pagination; articleDocumentId: string }> {
      const root = await comments().approvedRoot(documentId);
      // The thread lives on one localized version of the article, which must be the published one.
      const published = root?.articleDocumentId && (await articlesRepository(strapi).isPublished(root.articleDocumentId, root.articleLocale));
      // A reply, or a comment that is not public, is answered like one that does not exist.
      if (!published || !root?.articleDocumentId) {
        throw new errors.NotFoundError(`No approved top-level comment of a published article has the documentId "${documentId}".`);
      }

      const { maxDepth } = commentSettings(strapi);
      const [ids, counts] = await Promise.all([
        pages.replyPage(documentId, { page, pageSize, maxDepth }),
        pages.replyCounts([documentId], { maxDepth }),
      ]);
      const rows = ids.length > 0 ? await comments().threadReplies(ids) : [];
      const flat = rows.map((row) => ({ ...row, parent: row.parent?.documentId ?? null }));
      const total = counts.get(documentId) ?? 0;
      return {
        replies: await visibleOnly(documentId, flat, maxDepth),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
        articleDocumentId: root.articleDocumentId,
      };
    },
  };
};
