import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, SOURCE_UID } from './utils/uids';

// uid attributes that must never be empty, whichever API creates the document. The Content
// Manager fills them in the browser; the REST API, the Document Service and imports do not, so the
// server generates a unique value from the title (slugify, as the Content Manager does).
const GENERATED_UIDS: Record<string, string> = {
  [ARTICLE_UID]: 'slug',
  [SOURCE_UID]: 'key',
};

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
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
