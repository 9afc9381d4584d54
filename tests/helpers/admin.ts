import request from 'supertest';
import type { TestApp } from './strapi';

export interface AdminSession {
  token: string;
  user: { id: number; email: string };
  /** supertest agent helpers that send the admin's bearer token. */
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  del(url: string): request.Test;
}

let counter = 0;

/**
 * Creates an admin user with the given roles (the Super Admin role by default) and logs in through
 * POST /admin/login, as the admin panel does.
 */
export async function createAdmin(app: TestApp, { roles }: { roles?: number[] } = {}): Promise<AdminSession> {
  const strapi: any = app.strapi;
  const roleIds = roles ?? [(await strapi.service('admin::role').getSuperAdmin()).id];
  counter += 1;
  const email = `admin${counter}-${Date.now()}@example.org`;
  const password = 'Correct-horse-1';
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: `Admin ${counter}`,
    password,
    isActive: true,
    roles: roleIds,
  });
  const res = await request(app.server).post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token: string = res.body.data.token;
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
  return {
    token,
    user: res.body.data.user,
    get: (url) => auth(request(app.server).get(url)),
    post: (url) => auth(request(app.server).post(url)),
    put: (url) => auth(request(app.server).put(url)),
    del: (url) => auth(request(app.server).delete(url)),
  };
}

/** A permission as an admin role holds it: an action, for a content type or for none. */
export type RolePermission = string | { action: string; subject: string | null };

/**
 * Creates an admin role holding exactly these permissions (plugin actions by name, or Content
 * Manager actions with their subject), as a Super Admin does in Settings > Roles; its id.
 */
export async function roleWith(app: TestApp, name: string, permissions: RolePermission[]): Promise<number> {
  const roles: any = app.strapi.service('admin::role');
  const role = await roles.create({ name, description: `${name} (test)` });
  if (permissions.length > 0) {
    await roles.assignPermissions(
      role.id,
      permissions.map((permission) => (typeof permission === 'string' ? { action: permission, subject: null } : permission))
    );
  }
  return role.id as number;
}

/** The id of one of Strapi's default admin roles: 'strapi-editor' or 'strapi-author'. */
export async function defaultRoleId(app: TestApp, code: 'strapi-editor' | 'strapi-author'): Promise<number> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
  if (!role) throw new Error(`no default admin role ${code}`);
  return role.id as number;
}
