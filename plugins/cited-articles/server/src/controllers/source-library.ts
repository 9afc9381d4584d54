import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../utils/request-context';
import type { SourceLibraryResponse } from '../../../shared/contracts';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { readPagination } from '../validation/content-api';
import { sourceLibraryQuery } from '../validation/admin';

const sourceLibrary = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /cited-articles/sources: the library for the Sources page. */
  async find(ctx: RequestContext) {
    const query = parseOrThrow(sourceLibraryQuery, { ...ctx.query, ...readPagination(ctx.query) }, 'query');
    const body: SourceLibraryResponse = await getService('sources', { strapi }).listLibrary(query);
    ctx.body = body;
  },
});

export default sourceLibrary;
