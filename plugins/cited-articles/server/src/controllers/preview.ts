import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../utils/request-context';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { blocksPublishOnCitationErrors } from '../utils/settings';
import { assertStyle } from '../utils/styles';
import { previewBody } from '../validation/admin';

const preview = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /cited-articles/preview: resolve an unsaved body with the editor's citations list. */
  async resolve(ctx: RequestContext) {
    const input = parseOrThrow(previewBody, ctx.request.body, 'preview request');
    const style = assertStyle(strapi, input.style);
    const { data, meta } = await getService('articles', { strapi }).resolveDraft({ ...input, style });
    // The article's own fields mean nothing for an unsaved draft: the panel reads the rest.
    const { documentId, slug, title, summary, publishedAt, updatedAt, ...resolved } = data;
    // The panel's Publish button asks for confirmation, or refuses, as the server will.
    const publishGuard = blocksPublishOnCitationErrors(strapi) ? 'block' : 'confirm';
    ctx.body = { data: resolved, meta: { ...meta, publishGuard } };
  },
});

export default preview;
