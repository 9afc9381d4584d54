/**
 * The plugin grants its reader actions itself, as it does in any app that installs it: on the first
 * start on a database, to the Public and Authenticated roles of Users & Permissions, once. A
 * restart on the same database (a second process) must not grant again what an administrator
 * removed.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { startChildApp } from '../helpers/child-app';
import { AUTHENTICATED_ACTIONS, PUBLIC_ACTIONS, grantReaderActions } from '@cited-articles/server/src/reader-permissions';

const app = setupStrapi();

/** The plugin's content-API actions a Users & Permissions role holds, sorted. */
const pluginActionsOf = async (type: 'public' | 'authenticated') => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type }, populate: ['permissions'] });
  return (role.permissions as Array<{ action: string }>)
    .map((permission) => permission.action)
    .filter((action) => action.startsWith('plugin::cited-articles.'))
    .sort();
};

const STYLES = 'plugin::cited-articles.style.find';

it('grants the Public role the reader actions on the first start, and not the draft preview', async () => {
  expect(await pluginActionsOf('public')).toEqual([...PUBLIC_ACTIONS].sort());
  expect(PUBLIC_ACTIONS).not.toContain('plugin::cited-articles.article.preview');
});

it('grants the Authenticated role the same, and editing and deleting a reader’s own comments', async () => {
  expect(await pluginActionsOf('authenticated')).toEqual([...PUBLIC_ACTIONS, ...AUTHENTICATED_ACTIONS].sort());
});

it('lets a reader without credentials call the public routes with no administrator step', async () => {
  expect((await request(app.server).get('/api/cited-articles/articles')).status).toBe(200);
  expect((await request(app.server).get('/api/cited-articles/styles')).status).toBe(200);
  expect((await request(app.server).get('/api/cited-articles/preview/articles/any')).status).toBe(403);
});

it('grants nothing twice: a second call finds everything recorded', async () => {
  expect(await grantReaderActions(app.strapi)).toEqual([]);
});

it('keeps an action an administrator removed removed after a restart on the same database', async () => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  await app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { role: role.id, action: STYLES } });

  const restarted = await startChildApp();
  try {
    const styles = await fetch(`${restarted.url}/api/cited-articles/styles`);
    expect(styles.status).toBe(403);
    expect((await fetch(`${restarted.url}/api/cited-articles/articles`)).status).toBe(200);
  } finally {
    await restarted.stop();
  }
  expect(await pluginActionsOf('public')).toEqual(PUBLIC_ACTIONS.filter((action) => action !== STYLES).sort());
  expect(await pluginActionsOf('authenticated')).toContain(STYLES);
});

// Last: it replaces the Public role. On a new database Users & Permissions creates its roles in its
// own bootstrap, which in another app may run after the plugin's; the plugin then grants to each
// role as it is created.
it('grants to a reader role created after the plugin started', async () => {
  const roles = app.strapi.db.query('plugin::users-permissions.role');
  const old = await roles.findOne({ where: { type: 'public' } });
  await app.strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { role: old.id } });
  await roles.delete({ where: { id: old.id } });
  await app.strapi.store({ type: 'plugin', name: 'cited-articles' }).delete({ key: 'public-permissions-granted' });

  await roles.create({ data: { name: 'Public', description: 'Default role given to unauthenticated user.', type: 'public' } });
  expect(await pluginActionsOf('public')).toEqual([...PUBLIC_ACTIONS].sort());
});
