import type { Core } from '@strapi/strapi';
import { readerRolesRepository, type ReaderRoleType } from './repositories/reader-roles';
import { permissionSettings } from './utils/settings';
import { PLUGIN_ID } from '../../shared/uids';

// The content-API actions a frontend needs without logging in: reading articles, sources, styles
// and reference exports, reading, posting and reporting comments. The draft preview
// (article.preview) is never among them: it is for API tokens.
export const PUBLIC_ACTIONS = [
  'plugin::cited-articles.article.find',
  'plugin::cited-articles.article.findOne',
  'plugin::cited-articles.source.findOne',
  'plugin::cited-articles.comment.find',
  'plugin::cited-articles.comment.replies',
  'plugin::cited-articles.comment.create',
  'plugin::cited-articles.comment.report',
  'plugin::cited-articles.style.find',
  'plugin::cited-articles.reference-export.articleReferences',
  'plugin::cited-articles.reference-export.citeArticle',
  'plugin::cited-articles.reference-export.source',
  // The unsubscribe link of reply emails works without logging in (it carries a signed token).
  'plugin::cited-articles.notification.unsubscribe',
];

// Actions only a reader with an account has: editing and deleting their own comments (the plugin
// checks that the comment is theirs).
export const AUTHENTICATED_ACTIONS = ['plugin::cited-articles.comment.update', 'plugin::cited-articles.comment.delete'];

// Users & Permissions roles do not inherit: the Authenticated role gets the public actions too, or a
// reader who logs in would lose what an anonymous one has.
const ROLE_ACTIONS: Record<ReaderRoleType, string[]> = {
  public: PUBLIC_ACTIONS,
  authenticated: [...PUBLIC_ACTIONS, ...AUTHENTICATED_ACTIONS],
};

// Plugin-store keys listing the actions granted so far, per role. The host app granted them under
// the same keys before the plugin did (up to 0.1.0), so a database it set up is not granted again.
const STORE_KEYS: Record<ReaderRoleType, string> = {
  public: 'public-permissions-granted',
  authenticated: 'authenticated-permissions-granted',
};

const ROLE_TYPES = Object.keys(ROLE_ACTIONS) as ReaderRoleType[];

/**
 * Grants each role the reader actions it has never been granted on this database, and records
 * them in the plugin store: an action an administrator removes later in Settings > Roles stays
 * removed. A role Users & Permissions has not created yet is skipped (and nothing recorded for it).
 * Returns the actions granted now, "role:action".
 */
export async function grantReaderActions(strapi: Core.Strapi, roleTypes: ReaderRoleType[] = ROLE_TYPES): Promise<string[]> {
  const roles = readerRolesRepository(strapi);
  if (!roles.available()) return [];
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const granted: string[] = [];
  for (const type of roleTypes) {
    const done = ((await store.get({ key: STORE_KEYS[type] })) as string[] | null) ?? [];
    const pending = ROLE_ACTIONS[type].filter((action) => !done.includes(action));
    if (pending.length === 0) continue;
    const roleId = await roles.roleId(type);
    if (roleId === null) continue;
    const held = await roles.actionsHeld(roleId, pending);
    await roles.grant(
      roleId,
      pending.filter((action) => !held.has(action))
    );
    await store.set({ key: STORE_KEYS[type], value: [...done, ...pending] });
    granted.push(...pending.map((action) => `${type}:${action}`));
  }
  return granted;
}

/**
 * At bootstrap, unless the option permissions.grantReaderActions is false: grants what is due now
 * and, on a new database where Users & Permissions creates its roles in its own bootstrap (which
 * may run after this one), grants to each reader role as it is created.
 */
export async function grantReaderActionsAtBootstrap(strapi: Core.Strapi) {
  if (!permissionSettings(strapi).grantReaderActions) return;
  if (!readerRolesRepository(strapi).available()) return;
  await grantReaderActions(strapi);
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.role'],
    async afterCreate(event: { result?: { type?: string | null } | null }) {
      const type = event.result?.type;
      if (type === 'public' || type === 'authenticated') await grantReaderActions(strapi, [type]);
    },
  });
}
