import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { toPublicSourceWithCitedBy } from '../utils/public-shape';
import { keyParams } from '../validation/content-api';

const source = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /sources/:key: a source and the published articles that cite it. */
  async findOne(ctx) {
    const { key } = parseOrThrow(keyParams, ctx.params, 'source key');
    const row = await getService('sources', { strapi }).findByKeyWithCitingArticles(key);
    if (!row) throw new errors.NotFoundError(`No source has the key "${key}".`);
    ctx.body = { data: toPublicSourceWithCitedBy(row), meta: {} };
  },
});

export default source;
