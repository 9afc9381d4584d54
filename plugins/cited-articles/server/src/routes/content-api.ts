// Public routes, under /api/cited-articles. Access goes through Users & Permissions: each
// route is the action plugin::cited-articles.<controller>.<action> that a role may be granted.
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/articles', handler: 'article.find', config: { policies: [] } },
    { method: 'GET', path: '/articles/:slug', handler: 'article.findOne', config: { policies: [] } },
    { method: 'GET', path: '/sources/:key', handler: 'source.findOne', config: { policies: [] } },
    { method: 'GET', path: '/articles/:slug/comments', handler: 'comment.find', config: { policies: [] } },
    { method: 'POST', path: '/articles/:slug/comments', handler: 'comment.create', config: { policies: [] } },
    { method: 'POST', path: '/comments/:documentId/report', handler: 'comment.report', config: { policies: [] } },
  ],
};
