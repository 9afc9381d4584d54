import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';
import { PLUGIN_ID } from './utils/uids';

// RBAC actions of the moderation API (ids plugin::cited-articles.comments.read / .moderate),
// shown in Settings > Administration panel > Roles > Plugins > Cited Articles.
const RBAC_ACTIONS = [
  { section: 'plugins', displayName: 'Read comments', uid: 'comments.read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Moderate comments', uid: 'comments.moderate', pluginName: PLUGIN_ID },
];

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(RBAC_ACTIONS);
  getService('comment-events', { strapi }).registerWebhookEvents();
  await getService('rate-limit', { strapi }).connect();
};

export default bootstrap;
