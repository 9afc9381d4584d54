// Admin routes, under /cited-articles. Each states its guard on the route itself: an
// authenticated admin holding the plugin's RBAC action for it, checked on the server.
import { ACTIONS } from '../utils/actions';

const guard = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export default {
  type: 'admin',
  routes: [
    { method: 'POST', path: '/preview', handler: 'preview.resolve', config: guard(ACTIONS.previewReferences) },
    { method: 'POST', path: '/sources/import', handler: 'source-import.import', config: guard(ACTIONS.importSources) },
    { method: 'GET', path: '/sources', handler: 'source-library.find', config: guard(ACTIONS.readSources) },
    { method: 'GET', path: '/comments', handler: 'moderation.find', config: guard(ACTIONS.readComments) },
    { method: 'GET', path: '/comments/:documentId', handler: 'moderation.findOne', config: guard(ACTIONS.readComments) },
    { method: 'POST', path: '/comments/actions/moderate', handler: 'moderation.moderate', config: guard(ACTIONS.moderateComments) },
    { method: 'POST', path: '/comments/actions/delete', handler: 'moderation.deleteMany', config: guard(ACTIONS.moderateComments) },
    { method: 'DELETE', path: '/comments/:documentId', handler: 'moderation.delete', config: guard(ACTIONS.moderateComments) },
  ],
};
