// Admin routes, under /cited-articles. Each states its guard on the route itself: an
// authenticated admin holding the plugin's RBAC action for it, checked on the server.
//
// Each route declares its input (`request`: params, query, body) with the zod schemas of
// validation/ that its controller parses it with (see routes/content-api.ts).
import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../../../shared/actions';
import { SOURCE_UID } from '../../../shared/uids';
import { checkLinksBody, importBody, lookupBody, previewBody, sourceLibraryQuery } from '../validation/admin';
import { bulkDeleteBody, documentIdParams, moderateBody, moderationListQuery, staffReplyBody } from '../validation/comments';
import { jsonBody } from './request';

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
    {
      method: 'POST',
      path: '/preview',
      handler: 'preview.resolve',
      config: guard(ACTIONS.previewReferences),
      request: { body: jsonBody(previewBody) },
    },
    {
      method: 'POST',
      path: '/sources/import',
      handler: 'source-import.import',
      config: guard(ACTIONS.importSources),
      request: { body: jsonBody(importBody) },
    },
    {
      method: 'GET',
      path: '/sources',
      handler: 'source-library.find',
      config: guard(ACTIONS.readSources),
      request: { query: sourceLibraryQuery.shape },
    },
    {
      method: 'POST',
      path: '/sources/lookup',
      handler: 'source-health.lookup',
      config: canCreateSources,
      request: { body: jsonBody(lookupBody) },
    },
    {
      method: 'POST',
      path: '/sources/check-links',
      handler: 'source-health.checkLinks',
      config: guard(ACTIONS.checkSourceLinks),
      request: { body: jsonBody(checkLinksBody) },
    },
    {
      method: 'GET',
      path: '/comments',
      handler: 'moderation.find',
      config: guard(ACTIONS.readComments),
      request: { query: moderationListQuery.shape },
    },
    {
      method: 'GET',
      path: '/comments/:documentId',
      handler: 'moderation.findOne',
      config: guard(ACTIONS.readComments),
      request: { params: documentIdParams.shape },
    },
    {
      method: 'POST',
      path: '/comments/actions/moderate',
      handler: 'moderation.moderate',
      config: guard(ACTIONS.moderateComments),
      request: { body: jsonBody(moderateBody) },
    },
    {
      method: 'POST',
      path: '/comments/actions/delete',
      handler: 'moderation.deleteMany',
      config: guard(ACTIONS.moderateComments),
      request: { body: jsonBody(bulkDeleteBody) },
    },
    {
      method: 'DELETE',
      path: '/comments/:documentId',
      handler: 'moderation.delete',
      config: guard(ACTIONS.moderateComments),
      request: { params: documentIdParams.shape },
    },
    {
      method: 'POST',
      path: '/comments/:documentId/reply',
      handler: 'moderation.reply',
      config: guard(ACTIONS.moderateComments),
      request: { params: documentIdParams.shape, body: jsonBody(staffReplyBody) },
    },
  ],
} satisfies Core.RouterInput;
