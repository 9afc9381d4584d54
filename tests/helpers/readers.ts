import type { TestApp } from './strapi';

/**
 * A reader with an account: a confirmed Users & Permissions user in the Authenticated role, and the
 * JWT a frontend would send for them (the JWT /api/auth/local answers with).
 */
export async function authenticatedReaderJwt(app: TestApp, username: string): Promise<string> {
  const strapi: any = app.strapi;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const user = await strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username,
      email: `${username}@example.org`,
      password: 'Correct-horse-1',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  return strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
}
