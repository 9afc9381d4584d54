import type { Core } from '@strapi/strapi';
import { COMMENT_EVENTS, type CommentEvent } from '../../comments/events';
import { toPublicComment } from '../../utils/public-shape';
import type { CommentRecord } from '../../content-types/records';

export { COMMENT_EVENTS, type CommentEvent };

/** A comment row with its parent named by documentId (null for a root), as services pass comments on. */
export type CommentWithParentId = Omit<CommentRecord, 'parent'> & { parent: string | null };

/** An article as a comment event names it (webhooks get its documentId and slug only). */
export interface EventArticle {
  documentId: string;
  slug?: string;
}

/**
 * Events on Strapi's event hub, also offered as webhook events (Settings > Webhooks), so that a
 * publication can notify people: moderators of a new comment, authors of a decision. The payload
 * holds no email or IP hash, because webhooks leave the server; a listener inside Strapi that needs
 * the email reads the comment by its documentId.
 */
export const createCommentEvents = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Lets administrators pick the events in Settings > Webhooks. */
  registerWebhookEvents(): void {
    const store = strapi.get('webhookStore');
    for (const { key, name } of Object.values(COMMENT_EVENTS)) store.addAllowedEvent(key, name);
  },

  async emitEvent(event: CommentEvent, comment: CommentWithParentId, article: EventArticle | null): Promise<void> {
    await strapi.eventHub.emit(COMMENT_EVENTS[event].name, {
      // The real status (a webhook for "rejected" should say rejected), otherwise the public shape.
      comment: { ...toPublicComment(comment), status: comment.status },
      article: article ? { documentId: article.documentId, slug: article.slug } : null,
    });
  },
});

export type CommentEvents = ReturnType<typeof createCommentEvents>;
