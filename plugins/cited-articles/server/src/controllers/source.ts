import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../utils/request-context';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { toPublicSourceWithCitedBy } from '../utils/public-shape';
import { keyParams, localeQuery } from '../validation/content-api';
import { sendPublic } from '../http-cache/respond';
import { sourcePageKeys } from '../http-cache/keys';

const source = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /sources/:key?locale=: a source and the published articles of that locale that cite it. */
  async findOne(ctx: RequestContext) {
    const { key } = parseOrThrow(keyParams, ctx.params, 'source key');
    const { locale } = parseOrThrow(localeQuery, { locale: ctx.query.locale }, 'query');
    const row = await getService('sources', { strapi }).findByKeyWithCitingArticles(key, locale);
    if (!row) throw new errors.NotFoundError(`No source has the key "${key}".`);
    sendPublic(ctx, strapi, { data: toPublicSourceWithCitedBy(row), meta: {} }, sourcePageKeys(row.documentId, key));
  },
});

export default source;
