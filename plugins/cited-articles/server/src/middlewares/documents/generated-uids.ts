import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, SOURCE_UID } from '../../../../shared/uids';
import { createsArticleLocale } from './new-locale';
import type { DocumentMiddlewareFactory } from './types';
import { paramsOf } from './types';

// uid attributes that must never be empty, whichever API creates the document. The Content
// Manager fills them in the browser; the REST API, the Document Service and imports do not, so the
// server generates a unique value from the title (slugify, as the Content Manager does).
const GENERATED_UIDS: Record<string, string> = {
  [ARTICLE_UID]: 'slug',
  [SOURCE_UID]: 'key',
};

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * A free value for the uid attribute `field` of `contentTypeUID`, made from `data`'s title as the
 * Content Manager makes it (its uid service: slugify, then `-1`, `-2`… past the values stored).
 */
export const generateUid = (
  strapi: Core.Strapi,
  contentTypeUID: string,
  field: string,
  data: Record<string, unknown>,
  locale?: string
): Promise<string> => strapi.plugin('content-manager').service('uid').generateUIDField({ contentTypeUID, field, data, locale });

/** Fills an article's slug or a source's key from its title when it is left blank. */
export const generatedUids: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  const field = GENERATED_UIDS[context.uid];
  if (!field || (context.action !== 'create' && context.action !== 'update')) return next();
  const params = paramsOf(context);
  const data = params.data;
  if (!data) return next();
  // On update, an absent field means "unchanged"; only an explicit blank asks for a new value. An
  // update that creates a new locale of an article is a creation for this row.
  const creates = context.action === 'create' || (await createsArticleLocale(strapi, context, params));
  if (creates ? isBlank(data[field]) : field in data && isBlank(data[field])) {
    data[field] = await generateUid(strapi, context.uid, field, data, params.locale);
  }
  return next();
};
