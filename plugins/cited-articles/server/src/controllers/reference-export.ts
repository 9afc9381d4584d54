import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../utils/request-context';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { exportQuery, keyParams, slugParams } from '../validation/content-api';
import type { ExportFile } from '../services/references';
import { sendPublic } from '../http-cache/respond';

const referenceExport = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Answers with a file: its content type and a download name (slugs and keys are filename-safe). */
  const send = (ctx: RequestContext, file: ExportFile) => {
    ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
    ctx.type = file.contentType;
    sendPublic(ctx, strapi, file.body, file.keys);
  };

  return {
    /** GET /articles/:slug/references?format=bibtex|ris|csl-json */
    async articleReferences(ctx: RequestContext) {
      const { slug } = parseOrThrow(slugParams, ctx.params, 'article slug');
      const { format, locale } = parseOrThrow(exportQuery, ctx.query, 'query');
      send(ctx, await getService('references', { strapi }).articleReferences(slug, format, locale));
    },

    /** GET /articles/:slug/cite?format=…: the article itself, for "cite this article". */
    async citeArticle(ctx: RequestContext) {
      const { slug } = parseOrThrow(slugParams, ctx.params, 'article slug');
      const { format, locale } = parseOrThrow(exportQuery, ctx.query, 'query');
      send(ctx, await getService('references', { strapi }).citeArticle(slug, format, locale));
    },

    /** GET /sources/:key/cite?format=…: one source. */
    async source(ctx: RequestContext) {
      const { key } = parseOrThrow(keyParams, ctx.params, 'source key');
      const { format } = parseOrThrow(exportQuery, ctx.query, 'query');
      send(ctx, await getService('references', { strapi }).sourceFile(key, format));
    },
  };
};

export default referenceExport;
