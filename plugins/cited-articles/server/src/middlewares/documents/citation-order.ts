import { articlesRepository } from '../../repositories/articles';
import { applyRelationPayload, movesToStart } from '../../utils/relation-order';
import { ARTICLE_UID } from '../../../../shared/uids';
import type { DocumentMiddlewareFactory } from './types';
import { paramsOf } from './types';

/**
 * Moving citations to the top of the list (the Content Manager's drag and drop sends
 * `connect … position: { start: true }`): send Strapi a plain ordered set instead (see
 * relation-order.ts for why).
 */
export const citationOrder: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  const params = paramsOf(context);
  const data = params.data;
  if (context.uid !== ARTICLE_UID || context.action !== 'update' || !data || !movesToStart(data.citations)) return next();
  const current = params.documentId ? await articlesRepository(strapi).draftCitationIds(params.documentId, params.locale) : null;
  const ordered = current ? applyRelationPayload(current, data.citations) : null;
  if (ordered) data.citations = { set: ordered };
  return next();
};
