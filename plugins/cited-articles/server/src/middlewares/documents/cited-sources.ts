import { articlesRepository } from '../../repositories/articles';
import { getService } from '../../utils/get-service';
import { ARTICLE_UID } from '../../../../shared/uids';
import type { DocumentMiddlewareFactory } from './types';
import { paramsOf } from './types';

/** The documentId of what create or update answered (the saved document), if any. */
const savedDocumentId = (result: unknown): string | null =>
  result && typeof result === 'object' && 'documentId' in result && typeof result.documentId === 'string' ? result.documentId : null;

/**
 * An article saved with a body: append the sources it cites by key but does not list yet, after
 * the save. Created straight as published (seeds, imports): publish the completed draft too.
 *
 * The body is parsed before the save, in a worker thread within the work budget (work-pool's
 * bodyIndex): a body too complex to parse in time answers 422 and nothing is written. The save's
 * own uses of the parse (the stored reference targets, the keys appended below) then find it in
 * memory.
 */
export const appendCitedSources: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== ARTICLE_UID || (context.action !== 'create' && context.action !== 'update')) return next();
  const body = paramsOf(context).data?.body;
  if (typeof body === 'string') await getService('platform', { strapi }).bodyIndex(body, 'This article');
  const result = await next();
  const params = paramsOf(context);
  const documentId = savedDocumentId(result);
  if (documentId && typeof params.data?.body === 'string') {
    const appended = await getService('articles', { strapi }).appendCitedSources({
      documentId,
      body: params.data.body,
      locale: params.locale,
    });
    if (appended.length > 0 && params.status === 'published') {
      await articlesRepository(strapi).publish(documentId, params.locale);
    }
  }
  return result;
};
