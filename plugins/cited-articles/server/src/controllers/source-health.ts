import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../utils/request-context';
import type { CheckLinksResponse, LookupResponse } from '../../../shared/contracts';
import { RemoteServiceError } from '../outbound/errors';
import { ConflictError, parseOrThrow } from '../utils/errors';
import { getService } from '../utils/get-service';
import { checkLinksBody, lookupBody } from '../validation/admin';

/** 502 and 409 have no Strapi error class: answered here in Strapi's error shape. */
const answerErrors = async (ctx: RequestContext, work: () => Promise<void>) => {
  try {
    await work();
  } catch (error) {
    if (error instanceof RemoteServiceError) return ctx.badGateway(error.message);
    if (error instanceof ConflictError) return ctx.conflict(error.message, error.details);
    throw error;
  }
};

const sourceHealth = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /cited-articles/sources/lookup: source fields from a DOI, ISBN or URL; saves nothing. */
  lookup: (ctx: RequestContext) =>
    answerErrors(ctx, async () => {
      const { identifier } = parseOrThrow(lookupBody, ctx.request.body, 'lookup request');
      const body: LookupResponse = await getService('sources', { strapi }).lookup(identifier);
      ctx.body = body;
    }),

  /** POST /cited-articles/sources/check-links: checks links and retractions now. */
  checkLinks: (ctx: RequestContext) =>
    answerErrors(ctx, async () => {
      const { documentIds } = parseOrThrow(checkLinksBody, ctx.request.body ?? {}, 'link check request');
      const body: CheckLinksResponse = { data: await getService('sources', { strapi }).checkLinks({ documentIds }) };
      ctx.body = body;
    }),
});

export default sourceHealth;
