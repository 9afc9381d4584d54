import type { Core } from '@strapi/strapi';
import { appendCitedSources } from './cited-sources';
import { checkSourceFields } from './source-fields-check';
import { storeSourceIdentities } from './source-identities';
import { citationOrder } from './citation-order';
import { commentThreadPosition } from './comment-thread-position';
import { generatedUids } from './generated-uids';
import { copyCitationsToNewLocale } from './locale-citations';
import { refusePublishWithCitationErrors } from './publish-guard';

/**
 * The plugin's Document Service middlewares, in the order they wrap an action: the outer ones run
 * first on the way in. Citation sync is innermost so that it sees the saved document and runs after
 * the uid, locale and order middlewares have shaped the data.
 */
export const DOCUMENT_MIDDLEWARES = {
  checkSourceFields,
  storeSourceIdentities,
  commentThreadPosition,
  refusePublishWithCitationErrors,
  generatedUids,
  copyCitationsToNewLocale,
  citationOrder,
  appendCitedSources,
};

export const registerDocumentMiddlewares = (strapi: Core.Strapi) => {
  for (const middleware of Object.values(DOCUMENT_MIDDLEWARES)) strapi.documents.use(middleware(strapi));
};
