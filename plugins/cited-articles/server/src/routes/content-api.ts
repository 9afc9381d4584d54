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
import { jsonBody, route } from './request';
import { commentAdmission } from '../middlewares/comment-admission';
import type { CommentAction } from '../comments/admission';

// No policy of its own: a route's access is its Users & Permissions action (one config object per route).
const open = () => ({ policies: [] });

// The comment routes' schemas follow the comment options (maxLength, honeypotField,
// repliesPerThread), read when the routes are registered.

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = commentSettings(strapi);
  // A comment write: admitted (flood control, account rules) before its handler reads any input.
  const admitted = (action: CommentAction) => ({ policies: [], middlewares: [commentAdmission(strapi, action)] });
  return {
    type: 'content-api',
    routes: [
      route('GET', '/articles', 'article.find', open(), { query: { ...paginationQuery.shape, ...localeQuery.shape } }),
      route('GET', '/articles/:slug', 'article.findOne', open(), { params: slugParams.shape, query: articleQuery.shape }),
      // The draft of an article, for API tokens with this action (also reachable as ?status=draft).
      route('GET', '/preview/articles/:slug', 'article.preview', open(), { params: slugParams.shape, query: articleQuery.shape }),
      route('GET', '/sources/:key', 'source.findOne', open(), { params: keyParams.shape, query: localeQuery.shape }),
      // Reference styles and interchange: the styles `?style=` accepts, BibTeX/RIS/CSL-JSON files.
      route('GET', '/styles', 'style.find', open()),
      route('GET', '/articles/:slug/references', 'reference-export.articleReferences', open(), {
        params: slugParams.shape,
        query: exportQuery.shape,
      }),
      route('GET', '/articles/:slug/cite', 'reference-export.citeArticle', open(), { params: slugParams.shape, query: exportQuery.shape }),
      route('GET', '/sources/:key/cite', 'reference-export.source', open(), { params: keyParams.shape, query: exportQuery.shape }),
      route('GET', '/articles/:slug/comments', 'comment.find', open(), { params: slugParams.shape, query: listCommentsQuery.shape }),
      // The body may also come wrapped as { data: {...} }, Strapi's convention (validation/comments.ts readBody).
      route('POST', '/articles/:slug/comments', 'comment.create', admitted('post'), {
        params: slugParams.shape,
        query: localeQuery.shape,
        body: jsonBody(createCommentBody(comments)),
      }),
      // The rest of a thread whose comment-list entry says moreReplies (see comments.repliesPerThread).
      route('GET', '/comments/:documentId/replies', 'comment.replies', open(), {
        params: documentIdParams.shape,
        query: replyPageQuery(comments.repliesPerThread).shape,
      }),
      route('POST', '/comments/:documentId/report', 'comment.report', admitted('report'), {
        params: documentIdParams.shape,
        body: jsonBody(reportBody),
      }),
      // A reader's own comment: edit it for a while, delete it (granted to the Authenticated role).
      route('PATCH', '/comments/:documentId', 'comment.update', admitted('edit'), {
        params: documentIdParams.shape,
        body: jsonBody(editCommentBody(comments)),
      }),
      route('DELETE', '/comments/:documentId', 'comment.delete', admitted('delete'), { params: documentIdParams.shape }),
      // The reader kit as one script for plain HTML pages (<cited-article>, <cited-comments>): public
      // like any static file, so no permission to grant.
      route('GET', '/reader.js', 'reader-script.serve', { auth: false, policies: [] }),
      // The one-click link of reply emails: a signed token, no login.
      route('GET', '/notifications/unsubscribe', 'notification.unsubscribe', open(), { query: unsubscribeQuery.shape }),
    ],
  } satisfies Core.RouterInput;
};
