import type { SourceName } from '../citations/types';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { admittedFor, graphQLState } from '../middlewares/comment-admission';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { toPublicComment, toPublicRoot, toPublicSourceWithCitedBy } from '../utils/public-shape';
import { articleQuery, keyParams, localeQuery, paginationQuery, slugParams } from '../validation/content-api';
import { withErrorCodes } from './errors';
import { audienceOf, type Caller } from '../http-cache/audience';
import { selectsField } from './selection';
import { recordAnswerKeys } from './get-cache';
import { articleListKeys, commentPageKeys, sourcePageKeys } from '../http-cache/keys';

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
        const { body, keys } = await service('articles').presentPublishedCached(
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
        // What a GET of this query is purged by (get-cache.ts): the REST route's keys.
        recordAnswerKeys(context.koaContext, keys);
        const { data, meta } = body;
        return { ...data, issues: meta.issues, style: meta.style, locale: meta.locale ?? null, referenceLocale: meta.referenceLocale ?? null };
      }),

      citedArticles: withErrorCodes(async (_parent, args, context) => {
        const { page, pageSize } = parseOrThrow(paginationQuery, given({ page: args.page, pageSize: args.pageSize }), 'pagination');
        const { locale } = parseOrThrow(localeQuery, given({ locale: args.locale }), 'query');
        const list = await service('articles').listPublished({ page, pageSize, locale });
        recordAnswerKeys(context.koaContext, articleListKeys());
        return list;
      }),

      citedSource: withErrorCodes(async (_parent, args, context) => {
        const { key } = parseOrThrow(keyParams, { key: args.key }, 'source key');
        const { locale } = parseOrThrow(localeQuery, given({ locale: args.locale }), 'query');
        const row = await service('sources').findByKeyWithCitingArticles(key, locale);
        if (!row) throw new errors.NotFoundError(`No source has the key "${key}".`);
        recordAnswerKeys(context.koaContext, sourcePageKeys(row.documentId, key));
        return toPublicSourceWithCitedBy(row);
      }),

      articleComments: withErrorCodes(async (_parent, args, context) => {
        const actions = service('comments');
        const { threads, pagination, sort, commentCount, articleDocumentId } = await actions.threadPage(
          actions.threadRequest({ slug: args.slug, page: args.page, pageSize: args.pageSize, sort: args.sort, locale: args.locale })
        );
        recordAnswerKeys(context.koaContext, commentPageKeys(articleDocumentId));
        return { data: threads.map(toPublicRoot), pagination, sort, commentCount };
      }),
    },

    // The REST routes' use cases (services/comments/actions.ts): the same admission (flood control,
    // reader accounts; run before each of these by resolversConfig, graphql/access.ts), validation
    // and errors. A reader signs in with the JWT in the Authorization
    // header, as on REST.
    Mutation: {
      createArticleComment: withErrorCodes(async (_parent, args, context) => {
        const created = await service('comments').post({
          admitted: admittedFor(graphQLState(context), 'post'),
          slug: args.slug,
          locale: args.locale,
          body: given({ ...args.data }),
        });
        return { ...toPublicComment(created), replies: [] };
      }),

      updateMyComment: withErrorCodes(async (_parent, args, context) => {
        const updated = await service('comments').edit({
          admitted: admittedFor(graphQLState(context), 'edit'),
          documentId: args.documentId,
          body: given({ ...args.data }),
        });
        return { ...toPublicComment(updated), replies: [] };
      }),

      deleteMyComment: withErrorCodes(async (_parent, args, context) => {
        const { documentId, placeholder } = await service('comments').remove({
          admitted: admittedFor(graphQLState(context), 'delete'),
          documentId: args.documentId,
        });
        return { documentId, deleted: true, placeholder };
      }),

      reportComment: withErrorCodes(async (_parent, args, context) => {
        const { documentId, reason, counted } = await service('comments').report({
          admitted: admittedFor(graphQLState(context), 'report'),
          documentId: args.documentId,
          body: given({ reason: args.reason, details: args.details }),
        });
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
