// Public read routes, under /api/cited-articles. Access goes through Users & Permissions: each
// route is the action plugin::cited-articles.<controller>.<action> that a role or API token may be
// granted.
//
// Each route declares its input (`request`: params, query, body) with the zod schemas of
// validation/ that its controller or use case parses it with: the same objects, not copies. Strapi
// does not check a custom route's input with them (the controllers still do, with parseOrThrow);
// it reads them to describe the route, as in its OpenAPI document (docs/decisions.md, "Route
// request schemas").
import type { Core } from '@strapi/strapi';
import { commentSettings } from '../utils/settings';
import { articleQuery, exportQuery, keyParams, localeQuery, paginationQuery, slugParams } from '../validation/content-api';
import {
  createCommentBody,
  documentIdParams,
  editCommentBody,
  listCommentsQuery,
  replyPageQuery,
  reportBody,
  unsubscribeQuery,
} from '../validation/comments';
import { jsonBody } from './request';

// The comment routes' schemas follow the comment options (maxLength, honeypotField,
// repliesPerThread), read when the routes are registered.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = commentSettings(strapi);
  return {
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/articles',
        handler: 'article.find',
        config: { policies: [] },
        request: { query: { ...paginationQuery.shape, ...localeQuery.shape } },
      },
      {
        method: 'GET',
        path: '/articles/:slug',
        handler: 'article.findOne',
        config: { policies: [] },
        request: { params: slugParams.shape, query: articleQuery.shape },
      },
      // The draft of an article, for API tokens with this action (also reachable as ?status=draft).
      {
        method: 'GET',
        path: '/preview/articles/:slug',
        handler: 'article.preview',
        config: { policies: [] },
        request: { params: slugParams.shape, query: articleQuery.shape },
      },
      {
        method: 'GET',
        path: '/sources/:key',
        handler: 'source.findOne',
        config: { policies: [] },
        request: { params: keyParams.shape, query: localeQuery.shape },
      },
      // Reference styles and interchange: the styles `?style=` accepts, BibTeX/RIS/CSL-JSON files.
      { method: 'GET', path: '/styles', handler: 'style.find', config: { policies: [] } },
      {
        method: 'GET',
        path: '/articles/:slug/references',
        handler: 'reference-export.articleReferences',
        config: { policies: [] },
        request: { params: slugParams.shape, query: exportQuery.shape },
      },
      {
        method: 'GET',
        path: '/articles/:slug/cite',
        handler: 'reference-export.citeArticle',
        config: { policies: [] },
        request: { params: slugParams.shape, query: exportQuery.shape },
      },
      {
        method: 'GET',
        path: '/sources/:key/cite',
        handler: 'reference-export.source',
        config: { policies: [] },
        request: { params: keyParams.shape, query: exportQuery.shape },
      },
      {
        method: 'GET',
        path: '/articles/:slug/comments',
        handler: 'comment.find',
        config: { policies: [] },
        request: { params: slugParams.shape, query: listCommentsQuery.shape },
      },
      // The body may also come wrapped as { data: {...} }, Strapi's convention (validation/comments.ts readBody).
      {
        method: 'POST',
        path: '/articles/:slug/comments',
        handler: 'comment.create',
        config: { policies: [] },
        request: { params: slugParams.shape, query: localeQuery.shape, body: jsonBody(createCommentBody(comments)) },
      },
      // The rest of a thread whose comment-list entry says moreReplies (see comments.repliesPerThread).
      {
        method: 'GET',
        path: '/comments/:documentId/replies',
        handler: 'comment.replies',
        config: { policies: [] },
        request: { params: documentIdParams.shape, query: replyPageQuery(comments.repliesPerThread).shape },
      },
      {
        method: 'POST',
        path: '/comments/:documentId/report',
        handler: 'comment.report',
        config: { policies: [] },
        request: { params: documentIdParams.shape, body: jsonBody(reportBody) },
      },
      // A reader's own comment: edit it for a while, delete it (granted to the Authenticated role).
      {
        method: 'PATCH',
        path: '/comments/:documentId',
        handler: 'comment.update',
        config: { policies: [] },
        request: { params: documentIdParams.shape, body: jsonBody(editCommentBody(comments)) },
      },
      {
        method: 'DELETE',
        path: '/comments/:documentId',
        handler: 'comment.delete',
        config: { policies: [] },
        request: { params: documentIdParams.shape },
      },
      // The reader kit as one script for plain HTML pages (<cited-article>, <cited-comments>): public
      // like any static file, so no permission to grant.
      { method: 'GET', path: '/reader.js', handler: 'reader-script.serve', config: { auth: false, policies: [] } },
      // The one-click link of reply emails: a signed token, no login.
      {
        method: 'GET',
        path: '/notifications/unsubscribe',
        handler: 'notification.unsubscribe',
        config: { policies: [] },
        request: { query: unsubscribeQuery.shape },
      },
    ],
  } satisfies Core.RouterInput;
};
