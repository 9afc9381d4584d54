import type { Core } from '@strapi/strapi';
import bodyLimit from './middlewares/body-limit';
import { getService } from './utils/get-service';
import { blocksPublishOnCitationErrors } from './utils/settings';
import { applyRelationPayload, movesToStart } from './utils/relation-order';
import { ARTICLE_UID, COMMENT_UID, SOURCE_UID } from './utils/uids';
import { registerGraphQL } from './graphql';

// uid attributes that must never be empty, whichever API creates the document. The Content
// Manager fills them in the browser; the REST API, the Document Service and imports do not, so the
// server generates a unique value from the title (slugify, as the Content Manager does).
const GENERATED_UIDS: Record<string, string> = {
  [ARTICLE_UID]: 'slug',
  [SOURCE_UID]: 'key',
};

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

type Params = { data?: Record<string, unknown>; locale?: string; status?: string };

/** The documentId named by a relation value: "abc", { documentId }, or { connect/set: [one] }. */
const relatedDocumentId = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return null;
  const object = value as Record<string, any>;
  if (typeof object.documentId === 'string') return object.documentId;
  const list = object.connect ?? object.set;
  const one = Array.isArray(list) ? (list.length === 1 ? list[0] : null) : list;
  return one ? relatedDocumentId(one) : null;
};

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Added now, before Strapi adds config/middlewares.ts (at bootstrap), so that it runs before the
  // body parser: an oversized body is refused before anything reads it (see body-limit.ts).
  strapi.server.use(bodyLimit({ strapi }));

  // Cited* queries and mutations, when the app runs @strapi/plugin-graphql (README "GraphQL").
  if (strapi.plugin('graphql')) registerGraphQL(strapi);

  // A reply's depth and thread root are derived from its parent, whichever API creates it (the
  // public route sets them itself; demo content, imports and scripts do not). The public list reads
  // a whole thread in one query by threadRoot, so they must never be missing.
  strapi.documents.use(async (context, next) => {
    if (context.uid !== COMMENT_UID || context.action !== 'create') return next();
    const data = (context.params as { data?: Record<string, any> }).data;
    const parentId = data ? relatedDocumentId(data.parent) : null;
    if (data && parentId && (data.depth === undefined || data.threadRoot === undefined)) {
      const parent: any = await strapi.documents(COMMENT_UID).findOne({
        documentId: parentId,
        fields: ['depth', 'threadRoot'] as any,
      });
      if (parent) {
        data.depth = (parent.depth ?? 0) + 1;
        data.threadRoot = parent.threadRoot ?? parent.documentId;
      }
    }
    return next();
  });

  // Publishing an article with citation errors is refused when the option says so, whichever API
  // publishes it (the Content Manager's publish button, bulk publish, the Document Service).
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE_UID || context.action !== 'publish' || !blocksPublishOnCitationErrors(strapi)) {
      return next();
    }
    const { documentId, locale } = context.params as { documentId?: string; locale?: string };
    if (documentId) {
      await getService('publish-guard', { strapi }).assertPublishable({
        documentId,
        locale: locale === '*' ? undefined : locale,
      });
    }
    return next();
  });

  strapi.documents.use(async (context, next) => {
    const field = GENERATED_UIDS[context.uid];
    if (!field || (context.action !== 'create' && context.action !== 'update')) {
      return next();
    }
    const params = context.params as Params;
    const data = params.data;
    // On update, an absent field means "unchanged"; only an explicit blank asks for a new value. An
    // update that creates a new locale of an article (how the Content Manager adds a localization)
    // is a creation for this row.
    const documentId = (context.params as { documentId?: string }).documentId;
    const newLocale =
      context.uid === ARTICLE_UID && context.action === 'update' && data && params.locale && documentId
        ? await getService('localization-citations', { strapi }).isNewLocale(documentId, params.locale)
        : false;
    const wantsValue = data && (context.action === 'create' || newLocale ? isBlank(data[field]) : field in data && isBlank(data[field]));
    if (wantsValue) {
      data[field] = await strapi
        .plugin('content-manager')
        .service('uid')
        .generateUIDField({ contentTypeUID: context.uid, field, data, locale: params.locale });
    }

    // A new locale of an existing article starts with the citations list of the others.
    if (newLocale && data && documentId) {
      const copied = await getService('localization-citations', { strapi }).citationsToCopy(documentId, data);
      if (copied) data.citations = { set: copied };
    }

    // Reordering citations to the top: send Strapi a plain ordered set (see relation-order.ts).
    if (context.uid === ARTICLE_UID && context.action === 'update' && data && movesToStart(data.citations)) {
      const current: any = documentId
        ? await strapi.documents(ARTICLE_UID).findOne({
            documentId,
            locale: params.locale,
            status: 'draft',
            fields: ['id'] as any,
            populate: { citations: { fields: ['id'] } } as any,
          })
        : null;
      const ordered = current
        ? applyRelationPayload(
            (current.citations ?? []).map((source: any) => source.documentId),
            data.citations
          )
        : null;
      if (ordered) data.citations = { set: ordered };
    }

    const result: any = await next();

    // An article saved with a body: append sources it cites by key but does not list yet.
    if (context.uid === ARTICLE_UID && result?.documentId && typeof data?.body === 'string') {
      const appended = await getService('citation-sync', { strapi }).appendCitedSources({
        documentId: result.documentId,
        body: data.body,
        locale: params.locale,
      });
      // Created straight as published (seeds, imports): publish the completed draft too.
      if (appended.length > 0 && params.status === 'published') {
        await strapi.documents(ARTICLE_UID).publish({ documentId: result.documentId, locale: params.locale });
      }
    }
    return result;
  });
};

export default register;
