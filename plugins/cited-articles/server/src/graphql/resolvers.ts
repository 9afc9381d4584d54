import type { SourceName } from '../citations/types';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { toPublicComment, toPublicSourceWithCitedBy, toPublicThread } from '../utils/public-shape';
import { commentSettings } from '../utils/settings';
import { articleQuery, keyParams, localeQuery, paginationQuery, slugParams } from '../validation/content-api';
import { createCommentBody, documentIdParams, listCommentsQuery, reportBody } from '../validation/comments';
import { withErrorCodes } from './errors';
import { audienceOf, type Caller } from '../http-cache/audience';
import { selectsField } from './selection';

/**
 * The plugin's GraphQL fields. Each one validates its arguments with the zod schema of the REST
 * route it mirrors and calls the same services, so both APIs answer alike; errors keep their
 * messages and get an extensions.code (errors.ts).
 */

/** An argument sent as null means "not given", as an absent query parameter does on REST. */
const given = (args: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null && value !== undefined));

/** Dates as the REST answers show them (JSON of a Date): ISO strings. */
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));
const dateFields = (...names: string[]) => Object.fromEntries(names.map((name) => [name, (parent: Record<string, unknown>) => iso(parent[name])]));

export const createResolvers = (strapi: Core.Strapi) => {
  const service = <N extends Parameters<typeof getService>[0]>(name: N) => getService(name, { strapi });

  return {
    Query: {
      citedArticle: withErrorCodes(async (_parent, args, context, info) => {
        const { slug } = parseOrThrow(slugParams, { slug: args.slug }, 'article slug');
        const query = parseOrThrow(articleQuery, given({ style: args.style, locale: args.locale, referenceLocale: args.referenceLocale }), 'query');
        // Shares the REST route's in-process cache: a repeated read costs no SQL and no resolving.
        const { data, meta } = await service('article-pages').presentPublishedCached(
          {
            slug,
            style: query.style,
            locale: query.locale,
            referenceLocale: query.referenceLocale,
            html: selectsField(info, 'bodyHtml'),
          },
          // A reader's JWT or an API token keeps its own entries, apart from the anonymous ones.
          context.koaContext?.get ? audienceOf(context.koaContext as Caller) : { credentialed: true, scope: null }
        );
        return { ...data, issues: meta.issues, style: meta.style, locale: meta.locale ?? null, referenceLocale: meta.referenceLocale ?? null };
      }),

      citedArticles: withErrorCodes(async (_parent, args) => {
        const { page, pageSize } = parseOrThrow(paginationQuery, given({ page: args.page, pageSize: args.pageSize }), 'pagination');
        const { locale } = parseOrThrow(localeQuery, given({ locale: args.locale }), 'query');
        return service('article-pages').listPublished({ page, pageSize, locale });
      }),

      citedSource: withErrorCodes(async (_parent, args) => {
        const { key } = parseOrThrow(keyParams, { key: args.key }, 'source key');
        const { locale } = parseOrThrow(localeQuery, given({ locale: args.locale }), 'query');
        const row = await service('sources').findByKeyWithCitingArticles(key, locale);
        if (!row) throw new errors.NotFoundError(`No source has the key "${key}".`);
        return toPublicSourceWithCitedBy(row);
      }),

      articleComments: withErrorCodes(async (_parent, args) => {
        const { slug } = parseOrThrow(slugParams, { slug: args.slug }, 'article slug');
        const query = parseOrThrow(
          listCommentsQuery,
          given({ page: args.page, pageSize: args.pageSize, sort: args.sort, locale: args.locale }),
          'query'
        );
        const { threads, pagination, commentCount } = await service('comments-public').listApproved({ slug, ...query });
        // Roots also say how many replies their thread has, and whether more exist than are nested.
        const data = threads.map((node) => ({ ...toPublicThread(node), replyCount: node.replyCount, moreReplies: node.moreReplies }));
        return { data, pagination, sort: query.sort, commentCount };
      }),
    },

    Mutation: {
      createArticleComment: withErrorCodes(async (_parent, args, context) => {
        // The REST route's order: flood control first, so a sender over budget costs no validation.
        const guard = service('abuse-guard');
        const ipHash = guard.hashIp(context.koaContext?.request?.ip);
        await guard.assertCommentBudget(ipHash);

        const { slug } = parseOrThrow(slugParams, { slug: args.slug }, 'article slug');
        const { locale } = parseOrThrow(localeQuery, given({ locale: args.locale }), 'query');
        const settings = commentSettings(strapi);
        // Comments from reader accounts go through the REST route; this mutation posts anonymously.
        if (settings.requireAccount) {
          throw new errors.UnauthorizedError('Log in to comment: this site accepts comments from reader accounts only (REST route).');
        }
        const body = parseOrThrow(createCommentBody(settings), { ...args.data }, 'comment');
        const created = await service('comments-public').create({
          slug,
          locale,
          ipHash,
          input: {
            authorName: body.authorName as string,
            authorEmail: body.authorEmail as string,
            content: body.content,
            parent: body.parent ?? null,
            honeypot: settings.honeypotField ? (body as Record<string, unknown>)[settings.honeypotField] : undefined,
          },
        });
        return { ...toPublicComment(created), replies: [] };
      }),

      reportComment: withErrorCodes(async (_parent, args, context) => {
        // Flood control first, per network and per account, as on the REST route.
        const guard = service('abuse-guard');
        const reporter = { ipHash: guard.hashIp(context.koaContext?.request?.ip), userId: context.state?.user?.id ?? null };
        await guard.assertReportBudget(reporter);

        const { documentId } = parseOrThrow(documentIdParams, { documentId: args.documentId }, 'comment documentId');
        const { reason, details } = parseOrThrow(reportBody, given({ reason: args.reason, details: args.details }), 'report');
        const { counted } = await service('comments-public').report({ documentId, reason, details, ...reporter });
        return { comment: documentId, reason, counted };
      }),
    },

    CitedArticle: dateFields('publishedAt', 'updatedAt'),
    CitedArticleSummary: dateFields('publishedAt', 'updatedAt'),
    CitedCitingArticle: dateFields('publishedAt', 'updatedAt'),
    CitedComment: dateFields('createdAt'),
    // CSL's hyphenated name parts, which a GraphQL field name cannot hold.
    CitedName: {
      nonDroppingParticle: (name: SourceName) => name['non-dropping-particle'] ?? null,
      droppingParticle: (name: SourceName) => name['dropping-particle'] ?? null,
    },
  };
};
