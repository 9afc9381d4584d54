/**
 * The statuses a comment can have, in the order the moderation page lists them. The comment
 * schema's `status` enum (content-types/comment/schema.json) holds the same values; a unit test
 * checks that they agree. Only `approved` comments are public; a reader sees `pending` once, in
 * the answer to their own post.
 */
export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const;

export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** What a moderator can decide about a comment (every status but `pending`). */
export const MODERATION_DECISIONS = ['approved', 'rejected', 'spam'] as const satisfies readonly CommentStatus[];
