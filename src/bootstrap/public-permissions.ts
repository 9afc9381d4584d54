import type { Core } from '@strapi/strapi';

// Content-API actions a frontend needs without logging in. Each is granted to the Public role and to
// the Authenticated role (Users & Permissions roles do not inherit, so without it a reader who logs
// in would lose what an anonymous one has) once per database and role: if an administrator later
// removes one in Settings > Roles, it stays removed.
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

const STORE_KEYS = {
  public: 'public-permissions-granted',
  authenticated: 'authenticated-permissions-granted',
} as const;

export async function grantPublicPermissions(strapi: Core.Strapi, actions = PUBLIC_ACTIONS, accountActions = AUTHENTICATED_ACTIONS) {
  const granted: string[] = [];
  for (const roleType of Object.keys(STORE_KEYS) as Array<keyof typeof STORE_KEYS>) {
    granted.push(...(await grantToRole(strapi, roleType, roleType === 'authenticated' ? [...actions, ...accountActions] : actions)));
  }
  return granted;
}

async function grantToRole(strapi: Core.Strapi, roleType: keyof typeof STORE_KEYS, actions: string[]) {
  const storeKey = STORE_KEYS[roleType];
  const store = strapi.store({ type: 'plugin', name: 'cited-articles' });
  const alreadyGranted = ((await store.get({ key: storeKey })) as string[] | null) ?? [];
  const toGrant = actions.filter((action) => !alreadyGranted.includes(action));
  if (toGrant.length === 0) return [];

  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) return [];

  const existing = await strapi.db.query('plugin::users-permissions.permission').findMany({
    where: { role: role.id, action: { $in: toGrant } },
    select: ['action'],
  });
  const present = new Set(existing.map((permission: { action: string }) => permission.action));
  for (const action of toGrant.filter((name) => !present.has(name))) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
  await store.set({ key: storeKey, value: [...alreadyGranted, ...toGrant] });
  return toGrant;
}
