import { z } from '@strapi/utils';
import { linkCheckOptionsSchema, lookupOptionsSchema } from './sources-options';
import { startupCacheOptionsSchema } from './cache-options';
import { workersOptionsSchema } from './workers-options';
import { permissionsOptionsSchema } from './permissions-options';

// The plugin's options, set in the host app's config/plugins.ts under 'cited-articles'.config.
// Strapi fills missing keys from `default()` (deeply) and then calls `validator`, which refuses a
// bad value at startup with a message naming the option, rather than misbehaving at request time.

const whole = (name: string, min: number, max?: number) => {
  let schema = z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`);
  if (max !== undefined) schema = schema.max(max, `${name} must be at most ${max}`);
  return schema;
};

const limit = (name: string, points: number, durationSeconds: number) =>
  z
    .object({
      points: whole(`${name}.points`, 1).default(points),
      durationSeconds: whole(`${name}.durationSeconds`, 1).default(durationSeconds),
    })
    .prefault({});

export const commentsOptionsSchema = z
  .object({
    /** 'pre': new comments wait for a moderator. 'post': they are shown at once unless held. */
    moderation: z.enum(['pre', 'post'], { error: 'moderation must be "pre" or "post"' }).default('pre'),
    /** Comments close this many days after the article's publishedAt; null keeps them open. */
    closeAfterDays: whole('closeAfterDays', 1).nullable().default(null),
    /** How deep replies nest: 0 allows no replies, 1 replies to top-level comments only, … */
    maxDepth: whole('maxDepth', 0, 20).default(3),
    /**
     * Replies shown under each top-level comment of a page (oldest first); the rest of a thread is
     * paged through GET /comments/:documentId/replies. 0 shows counts only.
     */
    repliesPerThread: whole('repliesPerThread', 0, 100).default(50),
    /** Longest comment, in characters (the content type caps it at 5000). */
    maxLength: whole('maxLength', 1, 5000).default(3000),
    /** A comment with more links than this is held as pending (WordPress's default is 2). */
    maxLinks: whole('maxLinks', 0).default(2),
    /** Words or phrases that hold a comment as pending when found in its text, name or email. */
    blockedWords: z.array(z.string({ error: 'blockedWords must be a list of strings' })).default([]),
    /** Name of the honeypot body field; a request that fills it is stored as spam. null: off. */
    honeypotField: z.string().min(1).nullable().default('homepage'),
    /** Flood control: at most `points` comments per sender (IP hash) per `durationSeconds`. */
    rateLimit: limit('rateLimit', 5, 60),
    /** Reports: at most `points` reports per sender per `durationSeconds`. */
    reportRateLimit: limit('reportRateLimit', 10, 60),
    /** The same text from the same sender on the same article within this window is a duplicate. */
    duplicateWindowSeconds: whole('duplicateWindowSeconds', 1).default(3600),
    /** An approved comment with this many reports goes back to pending. */
    reportThreshold: whole('reportThreshold', 1).default(3),
    /** Secret mixed into IP hashes. Default: derived from the app's keys (server.app.keys). */
    ipHashSalt: z.string().min(16, 'ipHashSalt must be at least 16 characters').nullable().default(null),
    /** Only readers logged in with Users & Permissions may post (anonymous posting answers 401). */
    requireAccount: z.boolean({ error: 'requireAccount must be true or false' }).default(false),
    /** How long after posting a reader with an account may edit their comment (fractions allowed). */
    editWindowMinutes: z
      .number({ error: 'editWindowMinutes must be a number' })
      .positive('editWindowMinutes must be more than 0')
      .max(525_600, 'editWindowMinutes must be at most 525600 (a year)')
      .default(15),
    /** redis://… to share rate limits between Strapi instances; null keeps them in memory. */
    redisUrl: z
      .string()
      .regex(/^rediss?:\/\//, 'redisUrl must start with redis:// or rediss://')
      .nullable()
      .default(null),
    /** Prefix of the plugin's Redis keys, to share one Redis between apps. */
    redisKeyPrefix: z.string().min(1).default('cited-articles'),
  })
  .strict();

/** The publication the articles belong to: named in "cite this article" and in JSON-LD. */
export const publicationOptionsSchema = z
  .object({
    /** The publisher's name, e.g. "The Daily Planet"; null leaves it out. */
    name: z.string().min(1, 'publication.name must not be empty').nullable().default(null),
    /** Public URL of an article, with `{slug}` for its slug; null leaves the URL out. */
    articleUrl: z
      .string()
      .regex(/^https?:\/\/.*\{slug\}/, 'publication.articleUrl must be an http(s) URL containing {slug}')
      .nullable()
      .default(null),
  })
  .strict();

/** Emails to moderators and to readers (README, "Email notifications"). */
export const notificationsOptionsSchema = z
  .object({
    /**
     * 'email' sends through Strapi's email plugin; 'log' writes each email to the log instead (the
     * host app picks 'log' when SMTP_HOST is unset).
     */
    delivery: z.enum(['email', 'log'], { error: 'notifications.delivery must be "email" or "log"' }).default('email'),
    /** Moderators' addresses. Empty: every active admin whose role holds comments.moderate. */
    moderatorEmails: z.array(z.email({ error: 'notifications.moderatorEmails must be a list of email addresses' })).default([]),
    /** At most one email to moderators per this many minutes, listing everything new (fractions allowed). */
    moderatorDigestMinutes: z
      .number({ error: 'notifications.moderatorDigestMinutes must be a number' })
      .positive('notifications.moderatorDigestMinutes must be more than 0')
      .default(10),
    /** Sender ("Name <address>" or an address); null uses the email plugin's defaultFrom. */
    from: z.string({ error: 'notifications.from must be text' }).min(3, 'notifications.from must be an address').nullable().default(null),
  })
  .strict();

const bytes = (name: string, fallback: number) => whole(`bodyLimits.${name}`, 1024).default(fallback);

/**
 * Largest request body, in bytes, each body-taking route accepts; larger ones are refused (413)
 * from their Content-Length before Strapi's body parser reads them (middlewares/body-limit.ts).
 */
export const bodyLimitsOptionsSchema = z
  .object({
    /** POST /articles/:slug/comments. 16 kB holds a comment of maxLength 5000 in 3-byte characters. */
    comment: bytes('comment', 16_384),
    /** PATCH /comments/:documentId (an edit) and an admin's reply: as large as a comment. */
    edit: bytes('edit', 16_384),
    /** POST /comments/:documentId/report: a reason and at most 1000 characters of details. */
    report: bytes('report', 8_192),
    /** POST /cited-articles/preview (admin): Strapi's own JSON limit (1 MB) by default. */
    preview: bytes('preview', 1_048_576),
    /** POST /cited-articles/sources/import (admin): Strapi's own JSON limit (1 MB) by default. */
    import: bytes('import', 1_048_576),
    /** Strapi's GraphQL endpoint (when the GraphQL plugin is installed): a query and its variables. */
    graphql: bytes('graphql', 102_400),
  })
  .strict();

export const configSchema = z
  .object({
    comments: commentsOptionsSchema.prefault({}),
    bodyLimits: bodyLimitsOptionsSchema.prefault({}),
    publication: publicationOptionsSchema.prefault({}),
    notifications: notificationsOptionsSchema.prefault({}),
    lookup: lookupOptionsSchema.prefault({}),
    linkCheck: linkCheckOptionsSchema.prefault({}),
    cache: startupCacheOptionsSchema.prefault({}),
    workers: workersOptionsSchema.prefault({}),
    permissions: permissionsOptionsSchema.prefault({}),
    /** Refuse to publish an article whose body has citation errors (unknown key, out of range…). */
    blockPublishOnCitationErrors: z.boolean({ error: 'blockPublishOnCitationErrors must be true or false' }).default(false),
  })
  // Only the comments block is strict: other features add their own top-level blocks.
  .loose();

export type CommentsOptions = z.output<typeof commentsOptionsSchema>;
export type PublicationOptions = z.output<typeof publicationOptionsSchema>;
export type BodyLimitsOptions = z.output<typeof bodyLimitsOptionsSchema>;
export type NotificationsOptions = z.output<typeof notificationsOptionsSchema>;
export type CitedArticlesConfig = z.output<typeof configSchema>;

export default {
  default: (): z.input<typeof configSchema> => ({ comments: {}, blockPublishOnCitationErrors: false }),
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new Error(`invalid option ${where}${issue.message}`);
    }
  },
};
