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
