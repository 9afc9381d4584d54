// Admin routes, under /cited-articles. Each states its guard on the route itself: an
// authenticated admin holding the plugin's RBAC action for it, checked on the server.
import { ACTIONS } from '../utils/actions';

const guard = (...actions: string[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions } },
];

export default {
  type: 'admin',
  routes: [
    {
      method: 'POST',
      path: '/preview',
      handler: 'preview.resolve',
      config: { policies: guard(ACTIONS.previewReferences) },
    },
  ],
};
