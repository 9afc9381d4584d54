import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS, DEFAULT_ROLE_GRANTS } from './utils/actions';
import { getService } from './utils/get-service';
import { untrustedProxyWarning } from './utils/proxy-trust';
import { scheduleLinkCheck } from './link-check-cron';
import { grantReaderActionsAtBootstrap } from './reader-permissions';
import { PLUGIN_ID } from '../../shared/uids';

const ROLE_GRANTS_KEY = 'default-role-grants';

/** An admin role as the grant reads it. */
interface AdminRole {
  id: number;
  code: string;
}

/**
 * Gives Strapi's default Editor and Author roles the plugin's editor actions, once per database and
 * per action: an action an administrator removes later stays removed. Super Admins hold every
 * action anyway.
 */
async function grantDefaultRoles(strapi: Core.Strapi, roles?: AdminRole[]) {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const done = ((await store.get({ key: ROLE_GRANTS_KEY })) as string[] | null) ?? [];
  const pending: string[] = [];
  const found = roles ?? (await strapi.db.query('admin::role').findMany({ where: { code: { $in: Object.keys(DEFAULT_ROLE_GRANTS) } } }));
  for (const role of found) {
    const actions = DEFAULT_ROLE_GRANTS[role.code];
    if (!actions) continue;
    const permissions = actions
      .filter((action) => !done.includes(`${role.code}:${action}`))
      .map((action) => ({ action, subject: null, properties: {}, conditions: [], role: role.id }));
    if (permissions.length === 0) continue;
    await strapi.service('admin::permission').createMany(permissions);
    pending.push(...permissions.map((permission) => `${role.code}:${permission.action}`));
  }
  if (pending.length > 0) await store.set({ key: ROLE_GRANTS_KEY, value: [...done, ...pending] });
}

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const proxyWarning = untrustedProxyWarning(strapi.server.app);
  if (proxyWarning) strapi.log.warn(proxyWarning);
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  // On an existing database the default roles are there already; on a new one the admin creates
  // them during its own bootstrap, which may run after this one, so grant when they appear too.
  await grantDefaultRoles(strapi);
  strapi.db.lifecycles.subscribe({
    models: ['admin::role'],
    async afterCreate(event: { result?: AdminRole | null }) {
      const role = event.result;
      if (role && DEFAULT_ROLE_GRANTS[role.code]) await grantDefaultRoles(strapi, [role]);
    },
  });
  // The Public and Authenticated roles may read articles and post comments without an
  // administrator ticking each action (option permissions.grantReaderActions).
  await grantReaderActionsAtBootstrap(strapi);
  const comments = getService('comments', { strapi });
  comments.registerWebhookEvents();
  getService('sources', { strapi }).registerWebhookEvents();
  getService('notifications', { strapi }).subscribe();
  comments.subscribeArticleRef();
  // Approved-comment counts are kept per article and marked stale by every comment write Strapi
  // makes (services/comments/tallies.ts); the backfill, which writes around Strapi, marks them all.
  comments.subscribeTallies();
  await comments.backfillArticleRefs();
  // After the article copy: the fingerprint hashes the article's documentId with the text.
  await comments.backfillFingerprints();
  const articles = getService('articles', { strapi });
  articles.subscribeReferenceTargets();
  await articles.backfillReferenceTargets();
  // Before the first Sources page: its duplicate report reads the fingerprints.
  await getService('sources', { strapi }).backfillFingerprints();
  await getService('sources', { strapi }).ensureSearchIndexes();
  await getService('moderation', { strapi }).ensureSearchStatistics();
  await getService('moderation', { strapi }).connect();
  // Shared caches and the in-process response cache are purged when what they hold changes.
  getService('caching', { strapi }).subscribe();
  await getService('caching', { strapi }).connect();
  scheduleLinkCheck(strapi);
  // In the background, once the server listens: the first styled request is as fast as the next.
  getService('references', { strapi }).scheduleWarmUp();
};

export default bootstrap;
