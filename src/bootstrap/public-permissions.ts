import type { Core } from '@strapi/strapi';

// Content-API actions a frontend needs without logging in. Each is granted to the Public role once
// per database: if an administrator later removes one in Settings > Roles, it stays removed.
export const PUBLIC_ACTIONS = [
  'plugin::cited-articles.article.find',
  'plugin::cited-articles.article.findOne',
  'plugin::cited-articles.source.findOne',
  'plugin::cited-articles.comment.find',
  'plugin::cited-articles.comment.create',
  'plugin::cited-articles.comment.report',
  'plugin::cited-articles.style.find',
  'plugin::cited-articles.reference-export.articleReferences',
  'plugin::cited-articles.reference-export.citeArticle',
  'plugin::cited-articles.reference-export.source',
];

const STORE_KEY = 'public-permissions-granted';

export async function grantPublicPermissions(strapi: Core.Strapi, actions = PUBLIC_ACTIONS) {
  const store = strapi.store({ type: 'plugin', name: 'cited-articles' });
  const alreadyGranted = ((await store.get({ key: STORE_KEY })) as string[] | null) ?? [];
  const toGrant = actions.filter((action) => !alreadyGranted.includes(action));
  if (toGrant.length === 0) return [];

  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return [];

  const existing = await strapi.db.query('plugin::users-permissions.permission').findMany({
    where: { role: role.id, action: { $in: toGrant } },
    select: ['action'],
  });
  const present = new Set(existing.map((permission: { action: string }) => permission.action));
  for (const action of toGrant.filter((name) => !present.has(name))) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
  await store.set({ key: STORE_KEY, value: [...alreadyGranted, ...toGrant] });
  return toGrant;
}
