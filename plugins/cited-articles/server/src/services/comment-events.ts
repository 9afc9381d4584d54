import type { Core } from '@strapi/strapi';
import { toPublicComment } from '../utils/public-shape';

/**
 * Events on Strapi's event hub, also offered as webhook events (Settings > Webhooks), so that a
 * publication can notify people: moderators of a new comment, authors of a decision. The payload
 * holds no email or IP hash, because webhooks leave the server; a listener inside Strapi that needs
 * the email reads the comment by its documentId.
 */
export const COMMENT_EVENTS = {
  created: { key: 'CITED_ARTICLES_COMMENT_CREATED', name: 'cited-articles.comment.created' },
  approved: { key: 'CITED_ARTICLES_COMMENT_APPROVED', name: 'cited-articles.comment.approved' },
  rejected: { key: 'CITED_ARTICLES_COMMENT_REJECTED', name: 'cited-articles.comment.rejected' },
} as const;

export type CommentEvent = keyof typeof COMMENT_EVENTS;

const commentEvents = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Lets administrators pick the events in Settings > Webhooks. */
  registerWebhookEvents() {
    const store = strapi.get('webhookStore');
    for (const { key, name } of Object.values(COMMENT_EVENTS)) store.addAllowedEvent(key, name);
  },

  async emit(event: CommentEvent, comment: Record<string, any>, article: { documentId: string; slug: string } | null) {
    await strapi.eventHub.emit(COMMENT_EVENTS[event].name, {
      // The real status (a webhook for "rejected" should say rejected), otherwise the public shape.
      comment: { ...toPublicComment(comment), status: comment.status },
      article: article ? { documentId: article.documentId, slug: article.slug } : null,
    });
  },
});

export default commentEvents;
