import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../utils/request-context';
import type { ImportResponse } from '../../../shared/contracts';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { importBody } from '../validation/admin';

const sourceImport = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /cited-articles/sources/import: create sources from a BibTeX, RIS or CSL-JSON file. */
  async import(ctx: RequestContext) {
    const { content, format } = parseOrThrow(importBody, ctx.request.body, 'import request');
    const { created, skipped } = await getService('sources', { strapi }).importFile(content, format);
    const body: ImportResponse = { data: { created, skipped } };
    ctx.body = body;
  },
});

export default sourceImport;
