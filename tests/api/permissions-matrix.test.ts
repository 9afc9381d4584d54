/**
 * Every route of the plugin against every kind of caller, as one table: the status each caller gets.
 * A new route is one line in ROUTES. Content-API routes are called by the public (no credentials),
 * a logged-in Users & Permissions user (its JWT) and a full-access API token; admin routes by admins
 * with Strapi's Editor role, a moderator role (the plugin's comments actions) and Super Admin. Each
 * caller also calls the routes of the other API with its own credentials.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, defaultRoleId, roleWith, type AdminSession } from '../helpers/admin';
import { createArticle, createComment, createSource } from '../helpers/content';
import { nextIp, setCommentOptions } from '../helpers/comments';
import { authenticatedReaderJwt } from '../helpers/readers';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });

const CALLERS = ['public', 'user', 'apiToken', 'editor', 'moderator', 'superAdmin'] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

interface Fixtures {
  slug: string;
  key: string;
  sourceId: string;
  articleId: string;
  /** A fresh approved comment on the article (routes that change or delete one get their own). */
  comment(): Promise<string>;
}

interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: (f: Fixtures) => string | Promise<string>;
  body?: (f: Fixtures) => unknown | Promise<unknown>;
  expect: Expected;
}

// Columns:                   public user apiToken editor moderator superAdmin
const status = (...codes: number[]): Expected => Object.fromEntries(CALLERS.map((caller, index) => [caller, codes[index]])) as Expected;

// The plugin grants the read and comment actions to the Public and the Authenticated role alike
// (Users & Permissions roles do not inherit); drafts and previews stay with API tokens.
// Admin JWTs are not content-API credentials: Users & Permissions answers 401 to them. A content-API
// caller on an admin route has no admin session: 401.
const API = '/api/cited-articles';
const ADMIN = '/cited-articles';
const ROUTES: Record<string, Route> = {
  'GET /articles': { method: 'get', path: () => `${API}/articles`, expect: status(200, 200, 200, 401, 401, 401) },
  'GET /articles/:slug': { method: 'get', path: (f) => `${API}/articles/${f.slug}`, expect: status(200, 200, 200, 401, 401, 401) },
  'GET /articles/:slug?status=draft': {
    method: 'get',
    path: (f) => `${API}/articles/${f.slug}?status=draft`,
    expect: status(403, 403, 200, 401, 401, 401),
  },
  'GET /preview/articles/:slug': {
    method: 'get',
    path: (f) => `${API}/preview/articles/${f.slug}`,
    expect: status(403, 403, 200, 401, 401, 401),
  },
  'GET /sources/:key': { method: 'get', path: (f) => `${API}/sources/${f.key}`, expect: status(200, 200, 200, 401, 401, 401) },
  'GET /articles/:slug/comments': {
    method: 'get',
    path: (f) => `${API}/articles/${f.slug}/comments`,
    expect: status(200, 200, 200, 401, 401, 401),
  },
  'POST /articles/:slug/comments': {
    method: 'post',
    path: (f) => `${API}/articles/${f.slug}/comments`,
    body: () => ({ authorName: 'Matrix', authorEmail: `m${nextIp()}@example.org`, content: `A comment ${nextIp()}` }),
    expect: status(201, 201, 201, 401, 401, 401),
  },
  'GET /comments/:documentId/replies': {
    method: 'get',
    path: async (f) => `${API}/comments/${await f.comment()}/replies`,
    expect: status(200, 200, 200, 401, 401, 401),
  },
  'POST /comments/:documentId/report': {
    method: 'post',
    path: async (f) => `${API}/comments/${await f.comment()}/report`,
    body: () => ({ reason: 'spam' }), // 201: a report is created
    expect: status(201, 201, 201, 401, 401, 401),
  },
  // Editing and deleting go to the Authenticated role only, and only the author may: the matrix's
  // reader did not write the fixture comment (403); an API token is no reader account (401).
  'PATCH /comments/:documentId': {
    method: 'patch',
    path: async (f) => `${API}/comments/${await f.comment()}`,
    body: () => ({ content: 'An edit' }),
    expect: status(403, 403, 401, 401, 401, 401),
  },
  'DELETE /comments/:documentId': {
    method: 'delete',
    path: async (f) => `${API}/comments/${await f.comment()}`,
    expect: status(403, 403, 401, 401, 401, 401),
  },
  'GET /notifications/unsubscribe': {
    // 400 past the guard: a token whose signature does not hold.
    method: 'get',
    path: () => `${API}/notifications/unsubscribe?token=${'a'.repeat(64)}.bad`,
    expect: status(400, 400, 400, 401, 401, 401),
  },
  'GET /reader.js': {
    // The reader kit's script: a static file, public whatever credentials come with it.
    method: 'get',
    path: () => `${API}/reader.js`,
    expect: status(200, 200, 200, 200, 200, 200),
  },
  'ADMIN POST /preview': {
    method: 'post',
    path: () => `${ADMIN}/preview`,
    body: (f) => ({ body: 'Text [@x].', citations: [f.sourceId] }),
    expect: status(401, 401, 401, 200, 403, 200),
  },
  'GET /styles': { method: 'get', path: () => `${API}/styles`, expect: status(200, 200, 200, 401, 401, 401) },
  'GET /articles/:slug/references': {
    method: 'get',
    path: (f) => `${API}/articles/${f.slug}/references?format=ris`,
    expect: status(200, 200, 200, 401, 401, 401),
  },
  'GET /articles/:slug/cite': {
    method: 'get',
    path: (f) => `${API}/articles/${f.slug}/cite?format=bibtex`,
    expect: status(200, 200, 200, 401, 401, 401),
  },
  'GET /sources/:key/cite': {
    method: 'get',
    path: (f) => `${API}/sources/${f.key}/cite?format=csl-json`,
    expect: status(200, 200, 200, 401, 401, 401),
  },
  'ADMIN POST /sources/import': {
    method: 'post',
    path: () => `${ADMIN}/sources/import`,
    body: () => ({ content: JSON.stringify([{ type: 'book', title: `Matrix import ${nextIp()}` }]) }),
    expect: status(401, 401, 401, 200, 403, 200),
  },
  'ADMIN POST /sources/lookup': {
    // 400 past the guard: an ISBN with a wrong check digit is refused before anything is fetched.
    method: 'post',
    path: () => `${ADMIN}/sources/lookup`,
    body: () => ({ identifier: '978-0-306-40615-8' }),
    expect: status(401, 401, 401, 400, 403, 400),
  },
  'ADMIN POST /sources/check-links': {
    // A documentId no source has: the check runs and finds nothing to fetch.
    method: 'post',
    path: () => `${ADMIN}/sources/check-links`,
    body: () => ({ documentIds: ['no-such-source'] }),
    expect: status(401, 401, 401, 200, 403, 200),
  },
  'ADMIN GET /sources': { method: 'get', path: () => `${ADMIN}/sources`, expect: status(401, 401, 401, 200, 403, 200) },
  'ADMIN GET /comments': { method: 'get', path: () => `${ADMIN}/comments`, expect: status(401, 401, 401, 403, 200, 200) },
  'ADMIN GET /comments/:documentId': {
    method: 'get',
    path: async (f) => `${ADMIN}/comments/${await f.comment()}`,
    expect: status(401, 401, 401, 403, 200, 200),
  },
  'ADMIN POST /comments/actions/moderate': {
    method: 'post',
    path: () => `${ADMIN}/comments/actions/moderate`,
    body: async (f) => ({ documentIds: [await f.comment()], status: 'rejected' }),
    expect: status(401, 401, 401, 403, 200, 200),
  },
  'ADMIN POST /comments/actions/delete': {
    method: 'post',
    path: () => `${ADMIN}/comments/actions/delete`,
    body: async (f) => ({ documentIds: [await f.comment()] }),
    expect: status(401, 401, 401, 403, 200, 200),
  },
  'ADMIN POST /comments/:documentId/reply': {
    method: 'post',
    path: async (f) => `${ADMIN}/comments/${await f.comment()}/reply`,
    body: () => ({ content: 'Thanks, we corrected the figure.' }),
    expect: status(401, 401, 401, 403, 201, 201),
  },
  'ADMIN DELETE /comments/:documentId': {
    method: 'delete',
    path: async (f) => `${ADMIN}/comments/${await f.comment()}`,
    expect: status(401, 401, 401, 403, 200, 200),
  },
};

let fixtures: Fixtures;
const tokens = {} as Record<Caller, string | null>;

beforeAll(async () => {
  const superAdmin = await createAdmin(app);
  const editor: AdminSession = await createAdmin(app, { roles: [await defaultRoleId(app, 'strapi-editor')] });
  const moderator = await createAdmin(app, {
    roles: [await roleWith(app, 'Moderators', ['plugin::cited-articles.comments.read', 'plugin::cited-articles.comments.moderate'])],
  });
  const apiToken = await (app.strapi.service('admin::api-token') as any).create({
    name: 'matrix',
    type: 'full-access',
    lifespan: null,
    description: '',
  });
  Object.assign(tokens, {
    public: null,
    user: await authenticatedReaderJwt(app, 'matrix-reader'),
    apiToken: apiToken.accessKey,
    editor: editor.token,
    moderator: moderator.token,
    superAdmin: superAdmin.token,
  });
  setCommentOptions(app.strapi, { rateLimit: { points: 10000, durationSeconds: 60 } });

  const source = await createSource(superAdmin, { key: 'matrix-source', title: 'Matrix source', url: 'https://example.org/m' });
  const article = await createArticle(superAdmin, {
    title: 'Matrix article',
    slug: 'matrix-article',
    body: 'Claim [@matrix-source].',
    citations: [source.documentId],
  });
  fixtures = {
    slug: 'matrix-article',
    key: 'matrix-source',
    sourceId: source.documentId,
    articleId: article.documentId,
    async comment() {
      const comment = await createComment(app.strapi, {
        article: article.documentId,
        authorName: 'Fixture',
        authorEmail: 'fixture@example.org',
        content: `Fixture comment ${nextIp()}`,
        status: 'approved',
        ipHash: 'f'.repeat(64),
      });
      return comment.documentId;
    },
  };
});

async function call(route: Route, caller: Caller) {
  const url = await route.path(fixtures);
  let test = (request(app.server) as any)[route.method](url).set('X-Forwarded-For', nextIp());
  if (tokens[caller]) test = test.set('Authorization', `Bearer ${tokens[caller]}`);
  if (route.body) test = test.send(await route.body(fixtures));
  return test;
}

describe('permissions matrix', () => {
  it('lists every route the plugin registers', () => {
    const registered = (['content-api', 'admin'] as const).flatMap((type) =>
      (app.strapi.plugin('cited-articles').routes as any)[type].routes.map(
        (route: any) => `${type === 'admin' ? 'ADMIN ' : ''}${route.method} ${route.path}`
      )
    );
    const tabled = new Set(Object.keys(ROUTES).map((name) => name.split('?', 1)[0]));
    expect(registered.filter((route: string) => !tabled.has(route))).toEqual([]);
  });

  const cases = Object.entries(ROUTES).flatMap(([name, route]) => CALLERS.map((caller) => [name, caller, route.expect[caller], route] as const));
  it.each(cases)('%s as %s answers %i', async (_name, caller, expected, route) => {
    const res = await call(route, caller);
    if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
    if (expected >= 400) expect(res.body.error).toMatchObject({ status: expected, message: expect.any(String) });
  });
});
