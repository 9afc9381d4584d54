import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, COMMENT_UID, SOURCE_UID } from './utils/uids';

// uid attributes that must never be empty, whichever API creates the document. The Content
// Manager fills them in the browser; the REST API, the Document Service and imports do not, so the
// server generates a unique value from the title (slugify, as the Content Manager does).
const GENERATED_UIDS: Record<string, string> = {
  [ARTICLE_UID]: 'slug',
  [SOURCE_UID]: 'key',
};

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

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

  strapi.documents.use(async (context, next) => {
    const field = GENERATED_UIDS[context.uid];
    if (!field || (context.action !== 'create' && context.action !== 'update')) {
      return next();
    }
    const params = context.params as { data?: Record<string, unknown>; locale?: string };
    const data = params.data;
    // On update, an absent field means "unchanged"; only an explicit blank asks for a new value.
    const wantsValue = data && (context.action === 'create' ? isBlank(data[field]) : field in data && isBlank(data[field]));
    if (wantsValue) {
      data[field] = await strapi
        .plugin('content-manager')
        .service('uid')
        .generateUIDField({ contentTypeUID: context.uid, field, data, locale: params.locale });
    }
    return next();
  });
};

export default register;
