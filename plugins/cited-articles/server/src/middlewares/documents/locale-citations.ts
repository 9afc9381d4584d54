import { getService } from '../../utils/get-service';
import { createsArticleLocale } from './new-locale';
import type { DocumentMiddlewareFactory } from './types';
import { paramsOf } from './types';

/** A new locale of an existing article starts with the citations list of the others. */
export const copyCitationsToNewLocale: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  const params = paramsOf(context);
  if (params.data && params.documentId && (await createsArticleLocale(strapi, context, params))) {
    const copied = await getService('articles', { strapi }).citationsToCopy(params.documentId, params.data);
    if (copied) params.data.citations = { set: copied };
  }
  return next();
};
