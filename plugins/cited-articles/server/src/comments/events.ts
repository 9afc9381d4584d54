/**
 * The plugin's comment events on Strapi's event hub, also offered as webhook events (Settings >
 * Webhooks): the key administrators pick and the name emitted.
 */
export const COMMENT_EVENTS = {
  created: { key: 'CITED_ARTICLES_COMMENT_CREATED', name: 'cited-articles.comment.created' },
  approved: { key: 'CITED_ARTICLES_COMMENT_APPROVED', name: 'cited-articles.comment.approved' },
  rejected: { key: 'CITED_ARTICLES_COMMENT_REJECTED', name: 'cited-articles.comment.rejected' },
} as const;

export type CommentEvent = keyof typeof COMMENT_EVENTS;
