import { getService } from '../../utils/get-service';
import { blocksPublishOnCitationErrors } from '../../utils/settings';
import { ARTICLE_UID } from '../../../../shared/uids';
import type { DocumentMiddlewareFactory } from './types';
import { paramsOf } from './types';

/**
 * Publishing an article with citation errors is refused when the option says so, whichever API
 * publishes it (the Content Manager's publish button, bulk publish, the Document Service).
 */
export const refusePublishWithCitationErrors: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== ARTICLE_UID || context.action !== 'publish' || !blocksPublishOnCitationErrors(strapi)) return next();
  const { documentId, locale } = paramsOf(context);
  if (documentId) {
    await getService('articles', { strapi }).assertPublishable({ documentId, locale: locale === '*' ? undefined : locale });
  }
  return next();
};
