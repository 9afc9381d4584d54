import { z } from '@strapi/utils';

const seconds = (name: string, fallback: number) =>
  z
    .number({ error: `cache.${name} must be a number of seconds` })
    .int(`cache.${name} must be a whole number of seconds`)
    .min(0, `cache.${name} must be at least 0`)
    .max(31_536_000, `cache.${name} must be at most 31536000 (a year)`)
    .default(fallback);

/**
 * HTTP caching of the public GET routes and purging of shared caches (README "Caching and CDNs").
 * The defaults suit news: browsers keep an answer a minute, shared caches (which the plugin purges
 * on every change) five minutes, and may serve it half a minute past that while they refetch.
 */
export const cacheOptionsSchema = z
  .object({
    /** Cache-Control max-age: how long browsers may reuse an answer without asking. */
    maxAge: seconds('maxAge', 60),
    /** Cache-Control s-maxage: how long shared caches (Varnish, a CDN) may serve it. */
    sMaxAge: seconds('sMaxAge', 300),
    /** Cache-Control stale-while-revalidate: how long a stale answer may be served while refetched. */
    staleWhileRevalidate: seconds('staleWhileRevalidate', 30),
    /** Base URLs of the caches to purge on change (http or https), e.g. ["http://127.0.0.1:6081"]. */
    purgeUrls: z
      .array(z.string().regex(/^https?:\/\/\S+$/, 'cache.purgeUrls entries must be http(s) URLs'), {
        error: 'cache.purgeUrls must be a list of URLs',
      })
      .default([]),
    /** HTTP method of purge requests: PURGE (Fastly, the shipped Varnish configuration) or BAN. */
    purgeMethod: z.enum(['PURGE', 'BAN'], { error: 'cache.purgeMethod must be "PURGE" or "BAN"' }).default('PURGE'),
    /** Milliseconds before a purge request is given up and retried. */
    purgeTimeoutMs: z.number().int().min(100, 'cache.purgeTimeoutMs must be at least 100').max(60_000).default(2000),
    /**
     * Keep resolved articles and list pages in this process's memory, dropped on the same changes
     * that purge shared caches. With several Strapi instances, set `redisUrl` (or comments.redisUrl)
     * so that a change on one reaches the others, or turn this off.
     */
    originCache: z.boolean({ error: 'cache.originCache must be true or false' }).default(true),
    /** Longest time an answer stays in the in-process cache even if no change is seen. */
    originTtlSeconds: seconds('originTtlSeconds', 300),
    /** Most answers kept in the in-process cache. */
    originMaxEntries: z.number().int().min(1, 'cache.originMaxEntries must be at least 1').max(100_000).default(2000),
    /** redis://… over which instances tell each other what changed; null: comments.redisUrl. */
    redisUrl: z
      .string()
      .regex(/^rediss?:\/\//, 'cache.redisUrl must start with redis:// or rediss://')
      .nullable()
      .default(null),
    /** Redis pub/sub channel of those messages (one per app sharing a Redis). */
    redisChannel: z.string().min(1, 'cache.redisChannel must not be empty').default('cited-articles:cache-invalidation'),
    /** Build the CSL engines of the reference styles in the background after startup. */
    warmUpStyles: z.boolean({ error: 'cache.warmUpStyles must be true or false' }).default(true),
    /** Attempts per purge request (the first included) before it is logged as failed. */
    purgeAttempts: z.number().int().min(1, 'cache.purgeAttempts must be at least 1').max(10).default(4),
    /**
     * The shared secret sent in `X-Purge-Token` with every purge; the shipped Varnish configuration
     * refuses a purge without it (varnish/purge-secret.vcl.example). At least 32 characters of
     * letters, digits and `-` `_` `.` `~`, so that it fits a VCL string as it is (`openssl rand -hex 32`).
     */
    purgeToken: z
      .string({ error: 'cache.purgeToken must be a string' })
      .regex(/^[\w.~-]{32,256}$/, 'cache.purgeToken must be 32 to 256 letters, digits, "-", "_", "." or "~" (e.g. openssl rand -hex 32)')
      .nullable()
      .default(null),
  })
  .strict();

/**
 * The options as checked at startup: purge URLs need the purge secret. A cache that takes purges
 * from anyone who can reach it can be emptied by anyone, and an address ACL alone trusts every
 * client of a TLS terminator on the same host. (Reads at request time use the schema above.)
 */
export const startupCacheOptionsSchema = cacheOptionsSchema.refine((options) => options.purgeUrls.length === 0 || options.purgeToken !== null, {
  path: ['purgeToken'],
  error: 'cache.purgeToken must be set when cache.purgeUrls is (CITED_ARTICLES_PURGE_TOKEN): caches refuse purges without it',
});

export type CacheOptions = z.output<typeof cacheOptionsSchema>;
