import { z } from '@strapi/utils';
import { normaliseContent, normaliseLine } from '../comments/text';
import { COMMENT_STATUSES, MODERATION_DECISIONS } from '../../../shared/comment-statuses';
import { localeQuery, paginationQuery } from './content-api';

// Strapi documentIds are 24 lowercase letters and digits; anything else cannot name a comment.
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

export const documentId = (name: string) =>
  z.string({ error: `${name} must be a documentId` }).regex(DOCUMENT_ID, `${name} must be a documentId (letters and digits)`);

/**
 * An object schema that refuses fields it does not know, naming them: a misspelt field, or one a
 * caller hopes to set (status, ipHash), is a 400 rather than silently dropped.
 */
const closedObject = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} (remove ${issue.keys.length > 1 ? 'them' : 'it'})`
        : issue.code === 'invalid_type'
          ? 'the body must be a JSON object'
          : undefined,
  });

export const documentIdParams = z.object({ documentId: documentId('documentId') });

const commentContent = (maxLength: number) =>
  z
    .string({ error: 'content is required' })
    .transform(normaliseContent)
    .pipe(z.string().min(1, 'content is required').max(maxLength, `content is at most ${maxLength} characters`));

/**
 * The body of POST /articles/:slug/comments. Text is normalised before its length is checked, so
 * "   " is empty and invisible characters cannot pad a comment past the limit unnoticed. A reader
 * with an account (`account: true`) sends no name or email: the account's are used, and any sent
 * are ignored, so a widget that always sends them keeps working.
 */
export const createCommentBody = ({
  maxLength,
  honeypotField,
  account = false,
}: {
  maxLength: number;
  honeypotField: string | null;
  account?: boolean;
}) => {
  const authorName = z
    .string({ error: 'authorName is required' })
    .transform(normaliseLine)
    .pipe(z.string().min(1, 'authorName is required').max(100, 'authorName is at most 100 characters'));
  const authorEmail = z
    .string({ error: 'authorEmail is required' })
    .trim()
    .toLowerCase()
    .pipe(
      z
        .string()
        .min(1, 'authorEmail is required')
        .max(254, 'authorEmail is at most 254 characters')
        .pipe(z.email({ error: 'authorEmail must be a valid email address' }))
    );
  return closedObject({
    authorName: account ? z.unknown().optional() : authorName,
    authorEmail: account ? z.unknown().optional() : authorEmail,
    content: commentContent(maxLength),
    parent: documentId('parent').nullish(),
    /** Email me when a reply to this comment is approved. */
    notifyReplies: z.boolean({ error: 'notifyReplies must be true or false' }).optional(),
    // The honeypot is any value at all: a bot that fills it with a number is still a bot.
    ...(honeypotField ? { [honeypotField]: z.unknown().optional() } : {}),
  });
};

/** The body of PATCH /comments/:documentId: the new text, nothing else. */
export const editCommentBody = ({ maxLength }: { maxLength: number }) => closedObject({ content: commentContent(maxLength) });

/** The body of an admin's reply (POST /cited-articles/comments/:documentId/reply). */
export const staffReplyBody = closedObject({
  content: commentContent(5000),
  /** Approve the comment answered first, when it is pending (the admin page asks). */
  approveParent: z.boolean({ error: 'approveParent must be true or false' }).optional(),
});

/** GET /notifications/unsubscribe?token=… */
export const unsubscribeQuery = z.object({
  token: z.string({ error: 'token is required' }).min(1, 'token is required').max(200, 'token is at most 200 characters'),
});

export const listCommentsQuery = paginationQuery.extend({
  locale: localeQuery.shape.locale,
  sort: z.enum(['oldest', 'newest'], { error: 'sort must be "oldest" or "newest"' }).default('oldest'),
});

/** GET /comments/:documentId/replies; the default page size follows the replies a thread carries. */
export const replyPageQuery = (repliesPerThread: number) =>
  paginationQuery.extend({ pageSize: paginationQuery.shape.pageSize.removeDefault().default(repliesPerThread || 25) });

export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'misinformation', 'other'] as const;

export const reportBody = closedObject({
  reason: z.enum(REPORT_REASONS, { error: `reason must be one of ${REPORT_REASONS.join(', ')}` }),
  details: z
    .string({ error: 'details must be text' })
    .transform(normaliseContent)
    .pipe(z.string().max(1000, 'details is at most 1000 characters'))
    .nullish(),
});

/** Strapi's convention is { data: {...} }; a flat body is accepted too, as most comment widgets send. */
export const readBody = (body: unknown): unknown => {
  if (body && typeof body === 'object' && 'data' in body && typeof body.data === 'object') {
    return body.data;
  }
  return body ?? {};
};

// Moderation (admin API).

// Transforms end in a pipe to the type they produce, or in .overwrite() when the type stays: a
// route declares these schemas (routes/), and Strapi's OpenAPI document converts them to JSON
// Schema, which cannot describe a bare transform's output.
const booleanFlag = (name: string) =>
  z
    .enum(['true', 'false', '1', '0'], { error: `${name} must be true or false` })
    .transform((v) => v === 'true' || v === '1')
    .pipe(z.boolean());

export const moderationListQuery = paginationQuery.extend({
  status: z.enum(COMMENT_STATUSES, { error: `status must be one of ${COMMENT_STATUSES.join(', ')}` }).optional(),
  article: documentId('article').optional(),
  locale: localeQuery.shape.locale,
  reported: booleanFlag('reported').optional(),
  q: z.string().trim().max(200, 'q is at most 200 characters').optional(),
  sort: z.enum(['newest', 'oldest'], { error: 'sort must be "newest" or "oldest"' }).default('newest'),
});

const documentIds = z
  .array(documentId('documentIds[]'), { error: 'documentIds must be a list of documentIds' })
  .min(1, 'documentIds must name at least one comment')
  .max(100, 'documentIds may name at most 100 comments')
  .overwrite((ids) => [...new Set(ids)]);

export const moderateBody = closedObject({
  documentIds,
  status: z.enum(MODERATION_DECISIONS, { error: `status must be one of ${MODERATION_DECISIONS.join(', ')}` }),
});

export const bulkDeleteBody = closedObject({ documentIds });
