// Public read routes, under /api/cited-articles. Access goes through Users & Permissions: each
// route is the action plugin::cited-articles.<controller>.<action> that a role or API token may be
// granted.
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/articles', handler: 'article.find', config: { policies: [] } },
    { method: 'GET', path: '/articles/:slug', handler: 'article.findOne', config: { policies: [] } },
    // The draft of an article, for API tokens with this action (also reachable as ?status=draft).
    { method: 'GET', path: '/preview/articles/:slug', handler: 'article.preview', config: { policies: [] } },
    { method: 'GET', path: '/sources/:key', handler: 'source.findOne', config: { policies: [] } },
    // Reference styles and interchange: the styles `?style=` accepts, BibTeX/RIS/CSL-JSON files.
    { method: 'GET', path: '/styles', handler: 'style.find', config: { policies: [] } },
    { method: 'GET', path: '/articles/:slug/references', handler: 'reference-export.articleReferences', config: { policies: [] } },
    { method: 'GET', path: '/articles/:slug/cite', handler: 'reference-export.citeArticle', config: { policies: [] } },
    { method: 'GET', path: '/sources/:key/cite', handler: 'reference-export.source', config: { policies: [] } },
    { method: 'GET', path: '/articles/:slug/comments', handler: 'comment.find', config: { policies: [] } },
    { method: 'POST', path: '/articles/:slug/comments', handler: 'comment.create', config: { policies: [] } },
    // The rest of a thread whose comment-list entry says moreReplies (see comments.repliesPerThread).
    { method: 'GET', path: '/comments/:documentId/replies', handler: 'comment.replies', config: { policies: [] } },
    { method: 'POST', path: '/comments/:documentId/report', handler: 'comment.report', config: { policies: [] } },
    // A reader's own comment: edit it for a while, delete it (granted to the Authenticated role).
    { method: 'PATCH', path: '/comments/:documentId', handler: 'comment.update', config: { policies: [] } },
    { method: 'DELETE', path: '/comments/:documentId', handler: 'comment.delete', config: { policies: [] } },
    // The one-click link of reply emails: a signed token, no login.
    // The reader kit as one script for plain HTML pages (<cited-article>, <cited-comments>): public
    // like any static file, so no permission to grant.
    { method: 'GET', path: '/reader.js', handler: 'reader-script.serve', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/notifications/unsubscribe', handler: 'notification.unsubscribe', config: { policies: [] } },
  ],
};
