// Admin routes, under /cited-articles. Each states its guard on the route itself: an
// authenticated admin holding the plugin's RBAC action for it (checked on the server).
export const ACTIONS = {
  read: 'plugin::cited-articles.comments.read',
  moderate: 'plugin::cited-articles.comments.moderate',
} as const;

const guard = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/comments', handler: 'moderation.find', config: guard(ACTIONS.read) },
    { method: 'GET', path: '/comments/:documentId', handler: 'moderation.findOne', config: guard(ACTIONS.read) },
    { method: 'POST', path: '/comments/actions/moderate', handler: 'moderation.moderate', config: guard(ACTIONS.moderate) },
    { method: 'POST', path: '/comments/actions/delete', handler: 'moderation.deleteMany', config: guard(ACTIONS.moderate) },
    { method: 'DELETE', path: '/comments/:documentId', handler: 'moderation.delete', config: guard(ACTIONS.moderate) },
  ],
};
