import { articlesRepository } from '../../repositories/articles';
import { getService } from '../../utils/get-service';
import { ARTICLE_UID } from '../../utils/uids';
import type { DocumentMiddlewareFactory } from './types';
import { paramsOf } from './types';

/** The documentId of what create or update answered (the saved document), if any. */
const savedDocumentId = (result: unknown): string | null =>
  result && typeof result === 'object' && 'documentId' in result && typeof result.documentId === 'string' ? result.documentId : null;

/**
 * An article saved with a body: append the sources it cites by key but does not list yet, after
 * the save. Created straight as published (seeds, imports): publish the completed draft too.
 */
export const appendCitedSources: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  const result = await next();
  if (context.uid !== ARTICLE_UID || (context.action !== 'create' && context.action !== 'update')) return result;
  const params = paramsOf(context);
  const documentId = savedDocumentId(result);
  if (documentId && typeof params.data?.body === 'string') {
    const appended = await getService('citation-sync', { strapi }).appendCitedSources({
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
