// Admin routes, under /cited-articles. Each states its guard on the route itself: an
// authenticated admin holding the plugin's RBAC action for it, checked on the server.
import { ACTIONS } from '../../../shared/actions';
import { SOURCE_UID } from '../../../shared/uids';

const guard = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

// Looking a source up fills the Content Manager's create form, so it needs what saving it needs:
// the Content Manager's create permission on the source type (subject-checked), no plugin action.
const canCreateSources = {
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [{ action: 'plugin::content-manager.explorer.create', subject: SOURCE_UID }] } },
  ],
};

export default {
  type: 'admin',
  routes: [
    { method: 'POST', path: '/preview', handler: 'preview.resolve', config: guard(ACTIONS.previewReferences) },
    { method: 'POST', path: '/sources/import', handler: 'source-import.import', config: guard(ACTIONS.importSources) },
    { method: 'GET', path: '/sources', handler: 'source-library.find', config: guard(ACTIONS.readSources) },
    { method: 'POST', path: '/sources/lookup', handler: 'source-health.lookup', config: canCreateSources },
    { method: 'POST', path: '/sources/check-links', handler: 'source-health.checkLinks', config: guard(ACTIONS.checkSourceLinks) },
    { method: 'GET', path: '/comments', handler: 'moderation.find', config: guard(ACTIONS.readComments) },
    { method: 'GET', path: '/comments/:documentId', handler: 'moderation.findOne', config: guard(ACTIONS.readComments) },
    { method: 'POST', path: '/comments/actions/moderate', handler: 'moderation.moderate', config: guard(ACTIONS.moderateComments) },
    { method: 'POST', path: '/comments/actions/delete', handler: 'moderation.deleteMany', config: guard(ACTIONS.moderateComments) },
    { method: 'DELETE', path: '/comments/:documentId', handler: 'moderation.delete', config: guard(ACTIONS.moderateComments) },
    { method: 'POST', path: '/comments/:documentId/reply', handler: 'moderation.reply', config: guard(ACTIONS.moderateComments) },
  ],
};
