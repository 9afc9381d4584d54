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
import { jsonBody, route } from './request';

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
    route('POST', '/preview', 'preview.resolve', guard(ACTIONS.previewReferences), { body: jsonBody(previewBody) }),
    route('POST', '/sources/import', 'source-import.import', guard(ACTIONS.importSources), { body: jsonBody(importBody) }),
    route('GET', '/sources', 'source-library.find', guard(ACTIONS.readSources), { query: sourceLibraryQuery.shape }),
    route('POST', '/sources/lookup', 'source-health.lookup', canCreateSources, { body: jsonBody(lookupBody) }),
    route('POST', '/sources/check-links', 'source-health.checkLinks', guard(ACTIONS.checkSourceLinks), { body: jsonBody(checkLinksBody) }),
    route('GET', '/comments', 'moderation.find', guard(ACTIONS.readComments), { query: moderationListQuery.shape }),
    route('GET', '/comments/:documentId', 'moderation.findOne', guard(ACTIONS.readComments), { params: documentIdParams.shape }),
    route('POST', '/comments/actions/moderate', 'moderation.moderate', guard(ACTIONS.moderateComments), { body: jsonBody(moderateBody) }),
    route('POST', '/comments/actions/delete', 'moderation.deleteMany', guard(ACTIONS.moderateComments), { body: jsonBody(bulkDeleteBody) }),
    route('DELETE', '/comments/:documentId', 'moderation.delete', guard(ACTIONS.moderateComments), { params: documentIdParams.shape }),
    route('POST', '/comments/:documentId/reply', 'moderation.reply', guard(ACTIONS.moderateComments), {
      params: documentIdParams.shape,
      body: jsonBody(staffReplyBody),
    }),
  ],
} satisfies Core.RouterInput;
