import type { Core } from '@strapi/strapi';
import { COMMENT_EVENTS, type CommentEvent } from '../comments/events';
import { toPublicComment } from '../utils/public-shape';
import type { CommentEventsService } from './contracts/comments';

export { COMMENT_EVENTS, type CommentEvent };

/**
 * Events on Strapi's event hub, also offered as webhook events (Settings > Webhooks), so that a
 * publication can notify people: moderators of a new comment, authors of a decision. The payload
 * holds no email or IP hash, because webhooks leave the server; a listener inside Strapi that needs
 * the email reads the comment by its documentId.
 */
const commentEvents = ({ strapi }: { strapi: Core.Strapi }): CommentEventsService => ({
  /** Lets administrators pick the events in Settings > Webhooks. */
  registerWebhookEvents() {
    const store = strapi.get('webhookStore');
    for (const { key, name } of Object.values(COMMENT_EVENTS)) store.addAllowedEvent(key, name);
  },

  async emit(event, comment, article) {
    await strapi.eventHub.emit(COMMENT_EVENTS[event].name, {
      // The real status (a webhook for "rejected" should say rejected), otherwise the public shape.
      comment: { ...toPublicComment(comment), status: comment.status },
      article: article ? { documentId: article.documentId, slug: article.slug } : null,
    });
  },
});

export default commentEvents;
