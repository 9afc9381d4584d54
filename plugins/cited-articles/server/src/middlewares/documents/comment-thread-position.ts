import { commentsRepository } from '../../repositories/comments';
import { COMMENT_UID } from '../../../../shared/uids';
import type { DocumentMiddlewareFactory } from './types';
import { paramsOf } from './types';

/** The documentId named by a relation value: "abc", { documentId }, or { connect/set: [one] }. */
export const relatedDocumentId = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return null;
  const object = value as { documentId?: unknown; connect?: unknown; set?: unknown };
  if (typeof object.documentId === 'string') return object.documentId;
  const list = object.connect ?? object.set;
  const one = Array.isArray(list) ? (list.length === 1 ? list[0] : null) : list;
  return one ? relatedDocumentId(one) : null;
};

/**
 * A reply's depth and thread root are derived from its parent, whichever API creates it (the
 * public route sets them itself; demo content, imports and scripts do not). The public list reads
 * a whole thread in one query by threadRoot, so they must never be missing.
 */
export const commentThreadPosition: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== COMMENT_UID || context.action !== 'create') return next();
  const data = paramsOf(context).data;
  const parentId = data ? relatedDocumentId(data.parent) : null;
  if (data && parentId && (data.depth === undefined || data.threadRoot === undefined)) {
    const parent = await commentsRepository(strapi).threadPositionOf(parentId);
    if (parent) {
      data.depth = (parent.depth ?? 0) + 1;
      data.threadRoot = parent.threadRoot ?? parent.documentId;
    }
  }
  return next();
};
