import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { ARTICLE_UID } from '../../../../shared/uids';
import type { DocumentParams } from './types';

/**
 * Whether an update creates a new locale of an article: how the Content Manager adds a
 * localization (`PUT …/:documentId?locale=fr`). Read by the middlewares that treat such an update
 * as a creation.
 */
export const createsArticleLocale = async (strapi: Core.Strapi, context: { uid: string; action: string }, params: DocumentParams) =>
  context.uid === ARTICLE_UID && context.action === 'update' && !!params.data && !!params.locale && !!params.documentId
    ? getService('articles', { strapi }).isNewLocale(params.documentId, params.locale)
    : false;
