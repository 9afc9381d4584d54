/**
 * The routes declare their input (`request`: params, query, body) with the zod schemas their
 * controllers validate it with. Strapi does not check a custom route's input with them; it reads
 * them to describe the route: its OpenAPI documents (server.openapi, turned on here) list each
 * route's parameters and body from them.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { commentSettings } from '@cited-articles/server/src/utils/settings';

const app = setupStrapi({
  beforeLoad: (strapi) => {
    strapi.config.set('server.openapi', {
      'content-api': { access: 'public', cache: { enabled: false } },
      admin: { access: 'authenticated', cache: { enabled: false } },
    });
  },
});

let admin: AdminSession;
beforeAll(async () => {
  admin = await createAdmin(app);
});

const pluginRoutes = (type: 'content-api' | 'admin') => (app.strapi.plugin('cited-articles').routes as any)[type].routes as any[];

/** An operation of an OpenAPI document, by the route's method and Strapi path (`:slug` → `{slug}`). */
const operation = (document: any, method: string, path: string) =>
  document.paths[`/cited-articles${path.replace(/:(\w+)/g, '{$1}')}`]?.[method.toLowerCase()];

const parameter = (op: any, name: string) => op.parameters.find((entry: any) => entry.name === name);
const jsonSchema = (op: any) => op.requestBody.content['application/json'].schema;

describe('route request schemas', () => {
  it.each(['content-api', 'admin'] as const)('every %s route declares its path parameters and its body', (type) => {
    const missing: string[] = [];
    for (const route of pluginRoutes(type)) {
      for (const [, name] of route.path.matchAll(/:(\w+)/g)) {
        if (typeof route.request?.params?.[name]?.safeParse !== 'function') missing.push(`${route.method} ${route.path} params.${name}`);
      }
      if (['POST', 'PATCH', 'PUT'].includes(route.method) && typeof route.request?.body?.['application/json']?.safeParse !== 'function') {
        missing.push(`${route.method} ${route.path} body`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("a declared schema is the one the controller answers with: what it refuses is the controller's 400", async () => {
    const route = pluginRoutes('content-api').find((entry) => entry.path === '/articles/:slug');
    expect(route.request.query.format.safeParse('pdf').success).toBe(false);
    expect(route.request.query.format.safeParse('html').success).toBe(true);
    const res = await request(app.server).get('/api/cited-articles/articles/any-slug?format=pdf');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', message: 'Invalid query. format: format must be "json", "html" or "jsonld"' });
  });

  it('the content-API OpenAPI document lists the routes’ parameters and bodies', async () => {
    const res = await request(app.server).get('/api/openapi.json');
    expect(res.status).toBe(200);
    const article = operation(res.body, 'GET', '/articles/:slug');
    expect(parameter(article, 'slug')).toMatchObject({ in: 'path', required: true, schema: { type: 'string', maxLength: 200 } });
    expect(parameter(article, 'format')).toMatchObject({ in: 'query', required: false, schema: { enum: ['json', 'html', 'jsonld'] } });
    expect(parameter(operation(res.body, 'GET', '/articles'), 'pageSize')).toMatchObject({ schema: { type: 'integer', maximum: 100, default: 25 } });

    // The comment body follows the comment options: the length limit and the honeypot field.
    const { maxLength, honeypotField } = commentSettings(app.strapi);
    const comment = jsonSchema(operation(res.body, 'POST', '/articles/:slug/comments'));
    expect(comment).toMatchObject({ type: 'object', additionalProperties: false, required: ['authorName', 'authorEmail', 'content'] });
    expect(comment.properties.content).toMatchObject({ type: 'string', minLength: 1, maxLength });
    expect(Object.keys(comment.properties)).toContain(honeypotField);
    expect(jsonSchema(operation(res.body, 'POST', '/comments/:documentId/report')).properties.reason.enum).toContain('spam');
    expect(parameter(operation(res.body, 'DELETE', '/comments/:documentId'), 'documentId')).toMatchObject({ in: 'path', required: true });
  });

  it('the admin OpenAPI document lists the routes’ parameters and bodies', async () => {
    expect((await request(app.server).get('/admin/openapi.json')).status).toBe(401);
    const res = await admin.get('/admin/openapi.json');
    expect(res.status).toBe(200);
    expect(jsonSchema(operation(res.body, 'POST', '/comments/actions/moderate'))).toMatchObject({
      required: ['documentIds', 'status'],
      properties: { documentIds: { type: 'array', minItems: 1, maxItems: 100 }, status: { enum: ['approved', 'rejected', 'spam'] } },
    });
    expect(parameter(operation(res.body, 'GET', '/comments'), 'reported')).toMatchObject({ in: 'query', schema: { type: 'boolean' } });
    expect(jsonSchema(operation(res.body, 'POST', '/preview')).properties.body).toMatchObject({ type: 'string', maxLength: 1_000_000 });
    expect(jsonSchema(operation(res.body, 'POST', '/sources/import')).required).toEqual(['content']);
  });

  it("Users & Permissions' Roles page still reads the routes (without their schemas)", async () => {
    const res = await admin.get('/users-permissions/routes');
    expect(res.status).toBe(200);
    const routes = res.body.routes['plugin::cited-articles'];
    expect(routes.map((route: any) => `${route.method} ${route.path}`)).toContain('GET /api/cited-articles/articles/:slug');
    expect(routes.every((route: any) => !('request' in route))).toBe(true);
  });
});
