import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../utils/request-context';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { unsubscribeQuery } from '../validation/comments';

// The page a reader lands on from an email: fixed text, nothing from the request in it.
const DONE_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head>' +
  '<body><p>You will receive no more emails about replies to your comments.</p></body></html>';

/** Email notification links (content API). */
const notification = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /notifications/unsubscribe?token=…: stops all reply emails to the token's address. */
  async unsubscribe(ctx: RequestContext) {
    const { token } = parseOrThrow(unsubscribeQuery, ctx.query, 'query');
    await getService('notifications', { strapi }).unsubscribe(token);
    ctx.set('Cache-Control', 'no-store');
    if (ctx.accepts('html', 'json') === 'html') {
      ctx.type = 'html';
      ctx.body = DONE_PAGE;
    } else {
      ctx.body = { data: { unsubscribed: true }, meta: {} };
    }
  },
});

export default notification;
