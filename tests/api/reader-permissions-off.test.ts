/**
 * With the option permissions.grantReaderActions false the plugin leaves Users & Permissions to the
 * administrator: nothing granted, nothing recorded, so the public routes answer 403.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { AUTHENTICATED_ACTIONS, PUBLIC_ACTIONS, grantReaderActions } from '@cited-articles/server/src/reader-permissions';

const app = setupStrapi({ env: { CITED_ARTICLES_GRANT_READER_ACTIONS: 'false' } });

const pluginActionsOf = async (type: 'public' | 'authenticated') => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type }, populate: ['permissions'] });
  return (role.permissions as Array<{ action: string }>)
    .map((permission) => permission.action)
    .filter((action) => action.startsWith('plugin::cited-articles.'));
};

it('grants no plugin action to the Public or the Authenticated role', async () => {
  expect(await pluginActionsOf('public')).toEqual([]);
  expect(await pluginActionsOf('authenticated')).toEqual([]);
});

it('leaves the public routes forbidden until an administrator grants them', async () => {
  const res = await request(app.server).get('/api/cited-articles/articles');
  expect(res.status).toBe(403);
  expect(res.body.error.name).toBe('ForbiddenError');
});

// Last: it grants.
it('records no grant, so turning the option on later grants everything then', async () => {
  const store = app.strapi.store({ type: 'plugin', name: 'cited-articles' });
  expect(await store.get({ key: 'public-permissions-granted' })).toBeNull();
  expect(await store.get({ key: 'authenticated-permissions-granted' })).toBeNull();
  const granted = await grantReaderActions(app.strapi);
  expect(granted).toHaveLength(PUBLIC_ACTIONS.length * 2 + AUTHENTICATED_ACTIONS.length);
  expect((await request(app.server).get('/api/cited-articles/articles')).status).toBe(200);
});
