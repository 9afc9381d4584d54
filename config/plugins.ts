import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // GraphQL at /graphql; the plugin adds its Cited* queries and mutations (README "GraphQL").
  // Limits stay on: a query nested deeper than depthLimit is refused before it runs, and the
  // collections Strapi generates never return more than maxLimit entries.
  // GRAPHQL_ENABLED=false runs the app without it (the plugin then adds nothing).
  graphql: {
    enabled: env.bool('GRAPHQL_ENABLED', true),
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: 10,
      defaultLimit: 25,
      maxLimit: 100,
      // Apollo parses /graphql bodies itself (strapi::body skips the endpoint): a query and its
      // variables, a comment included, fit in far less than koa-bodyparser's default of 1 MB.
      apolloServer: { bodyParserConfig: { jsonLimit: '100kb' } },
    },
  },
  // Email through SMTP (nodemailer) when SMTP_HOST is set; without it the plugin logs its emails
  // instead of sending them (notifications.delivery below).
  ...(env('SMTP_HOST', '')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.int('SMTP_PORT', 587) === 465,
              ...(env('SMTP_USERNAME', '') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD', '') } } : {}),
            },
            settings: {
              defaultFrom: env('EMAIL_FROM', 'no-reply@localhost'),
              defaultReplyTo: env('EMAIL_FROM', 'no-reply@localhost'),
            },
          },
        },
      }
    : {}),
  // Only for `npm run bench:stall -- --strapi-only`: a plain content type, to measure what saving
  // large entries costs with Strapi alone (bench/baseline-plugin). Never part of a normal run.
  ...(env('CITED_ARTICLES_BENCH_STRAPI_ONLY', '') === '1' ? { 'bench-baseline': { enabled: true, resolve: './bench/baseline-plugin' } } : {}),
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  // The plugin as any app installs it: the npm workspace links plugins/cited-articles into
  // node_modules as strapi-plugin-cited-articles, so no `resolve` path is needed.
  'cited-articles': {
    enabled: true,
    config: {
      // The Public and Authenticated roles get the reader actions once per database (README
      // "Permissions granted to readers"); false leaves Settings > Roles to the administrator.
      permissions: {
        grantReaderActions: env.bool('CITED_ARTICLES_GRANT_READER_ACTIONS', true),
      },
      // Reader comments; every option and its default is in the README ("Comments").
      comments: {
        moderation: env('CITED_ARTICLES_COMMENTS_MODERATION', 'pre'),
        // Shares flood control between several Strapi instances; unset keeps it in memory.
        redisUrl: env('CITED_ARTICLES_REDIS_URL', '') || null,
      },
      // Filling sources from a DOI, ISBN or URL, and the link check's remote services
      // (README, "Filling and checking sources"). Unset variables keep the public services.
      lookup: {
        doiResolver: env('CITED_ARTICLES_DOI_RESOLVER', 'https://doi.org'),
        isbnApi: env('CITED_ARTICLES_ISBN_API', 'https://openlibrary.org'),
        crossrefApi: env('CITED_ARTICLES_CROSSREF_API', 'https://api.crossref.org'),
        waybackApi: env('CITED_ARTICLES_WAYBACK_API', 'https://archive.org'),
        // Only for tests against a local fixture server: lets lookups reach private addresses.
        allowPrivateHosts: env.bool('CITED_ARTICLES_LOOKUP_ALLOW_PRIVATE', false),
      },
      // Emails to moderators and to readers answered (README, "Email notifications").
      notifications: {
        delivery: env('SMTP_HOST', '') ? 'email' : 'log',
        moderatorEmails: env.array('CITED_ARTICLES_MODERATOR_EMAILS', []),
        moderatorDigestMinutes: env.float('CITED_ARTICLES_MODERATOR_DIGEST_MINUTES', 10),
      },
      // HTTP caching of the public routes and purging of shared caches (README "Caching and CDNs").
      // CITED_ARTICLES_PURGE_URLS: comma-separated base URLs of the caches to purge on change.
      cache: {
        purgeUrls: env('CITED_ARTICLES_PURGE_URLS', '')
          .split(',')
          .map((url: string) => url.trim())
          .filter(Boolean),
        // The shared secret sent in X-Purge-Token; the caches check it (varnish/purge-secret.vcl.example).
        // Required with purge URLs: generate one with `openssl rand -hex 32`.
        purgeToken: env('CITED_ARTICLES_PURGE_TOKEN', '') || null,
        // Tells the other instances what changed, so their in-process caches drop it too; unset
        // uses CITED_ARTICLES_REDIS_URL. Several instances need one of them (or originCache off).
        redisUrl: env('CITED_ARTICLES_CACHE_REDIS_URL', '') || null,
        redisChannel: env('CITED_ARTICLES_CACHE_REDIS_CHANNEL', 'cited-articles:cache-invalidation'),
        originCache: env.bool('CITED_ARTICLES_ORIGIN_CACHE', true),
        // Builds the CSL engines after startup (the tests turn it off to save CPU, but one).
        warmUpStyles: env.bool('CITED_ARTICLES_WARM_UP_STYLES', true),
      },
      // Worker threads for parsing, resolving, formatting and import parsing (README "Heavy work off
      // the event loop"). Unset variables keep the defaults: threads from the machine's cores, 16
      // jobs waiting at most, 5000 ms of work per job.
      workers: {
        threads: env.int('CITED_ARTICLES_WORKER_THREADS', 0) || null,
        maxQueue: env.int('CITED_ARTICLES_WORKER_MAX_QUEUE', 16),
        timeoutMs: env.int('CITED_ARTICLES_WORKER_TIMEOUT_MS', 5000),
        maxMemoryMb: env.int('CITED_ARTICLES_WORKER_MAX_MEMORY_MB', 1024),
      },
      linkCheck: {
        // Daily at 03:00 by default; "off" leaves only the admin's "Check links" button.
        cron: ['off', 'false', ''].includes(env('CITED_ARTICLES_LINK_CHECK_CRON', '0 3 * * *'))
          ? null
          : env('CITED_ARTICLES_LINK_CHECK_CRON', '0 3 * * *'),
      },
    },
  },
});
