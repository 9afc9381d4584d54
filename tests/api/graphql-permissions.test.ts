/**
 * Who may call each GraphQL field: the Users & Permissions action of the matching REST route
 * decides, for the Public role, a logged-in reader, API tokens and a role an administrator changes.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { createArticle, createComment, createSource } from '../helpers/content';
import { aComment, nextIp, setCommentOptions } from '../helpers/comments';
import { authenticatedReaderJwt } from '../helpers/readers';
import { firstError, graphql } from '../helpers/graphql';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });

const CALLERS = ['public', 'user', 'fullToken', 'readToken', 'adminJwt'] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'ok' | 'FORBIDDEN' | 401;

interface Operation {
  query: string;
  variables?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** The REST route and action that decide access. */
  action: string;
  expect: Outcome[];
}

let commentId: () => Promise<string>;
const tokens = {} as Record<Caller, string | null>;

// Columns:                                  public user  fullToken readToken adminJwt
const ok = (...outcomes: Outcome[]) => outcomes;
const OPERATIONS: Record<string, Operation> = {
  citedArticle: {
    query: '{ citedArticle(slug: "perm-article") { title } }',
    action: 'article.findOne',
    expect: ok('ok', 'ok', 'ok', 'ok', 401),
  },
  citedArticles: {
    query: '{ citedArticles { pagination { total } } }',
    action: 'article.find',
    expect: ok('ok', 'ok', 'ok', 'FORBIDDEN', 401),
  },
  citedSource: {
    query: '{ citedSource(key: "perm-source") { title } }',
    action: 'source.findOne',
    expect: ok('ok', 'ok', 'ok', 'FORBIDDEN', 401),
  },
  articleComments: {
    query: '{ articleComments(slug: "perm-article") { commentCount } }',
    action: 'comment.find',
    expect: ok('ok', 'ok', 'ok', 'FORBIDDEN', 401),
  },
  createArticleComment: {
    query: 'mutation($data: CitedCommentInput!) { createArticleComment(slug: "perm-article", data: $data) { status } }',
    variables: () => ({ data: aComment() }),
    action: 'comment.create',
    expect: ok('ok', 'ok', 'ok', 'FORBIDDEN', 401),
  },
  reportComment: {
    query: 'mutation($id: ID!) { reportComment(documentId: $id, reason: "spam") { counted } }',
    variables: async () => ({ id: await commentId() }),
    action: 'comment.report',
    expect: ok('ok', 'ok', 'ok', 'FORBIDDEN', 401),
  },
};

const call = async (name: string, caller: Caller) => {
  const operation = OPERATIONS[name];
  const variables = operation.variables ? await operation.variables() : {};
  return graphql(app, operation.query, variables, { token: tokens[caller] });
};

const outcomeOf = (res: any): Outcome | string => {
  if (res.status === 401) return 401;
  if (res.body.errors) return firstError(res)!.code;
  return Object.values(res.body.data ?? {})[0] ? 'ok' : 'no data';
};

beforeAll(async () => {
  const admin = await createAdmin(app);
  const apiTokens = app.strapi.service('admin::api-token') as any;
  const full = await apiTokens.create({ name: 'gql-full', type: 'full-access', lifespan: null, description: '' });
  const read = await apiTokens.create({
    name: 'gql-read',
    type: 'custom',
    lifespan: null,
    description: '',
    permissions: ['plugin::cited-articles.article.findOne'],
  });
  Object.assign(tokens, {
    public: null,
    user: await authenticatedReaderJwt(app, 'gql-reader'),
    fullToken: full.accessKey,
    readToken: read.accessKey,
    adminJwt: admin.token,
  });
  setCommentOptions(app.strapi, { rateLimit: { points: 10000, durationSeconds: 60 }, reportRateLimit: { points: 10000, durationSeconds: 60 } });
  const source = await createSource(admin, { key: 'perm-source', title: 'Perm source' });
  const article = await createArticle(admin, { title: 'Perm', slug: 'perm-article', body: 'Claim [@perm-source].', citations: [source.documentId] });
  commentId = async () =>
    (
      await createComment(app.strapi, {
        article: article.documentId,
        authorName: 'P',
        authorEmail: 'p@example.org',
        content: `Perm ${nextIp()}`,
        status: 'approved',
        ipHash: 'p'.repeat(64),
      })
    ).documentId;
});

const cases = Object.entries(OPERATIONS).flatMap(([name, operation]) =>
  CALLERS.map((caller, index) => [name, caller, operation.expect[index]] as const)
);

it.each(cases)('%s as %s: %s', async (name, caller, expected) => {
  const res = await call(name, caller);
  expect([name, caller, outcomeOf(res)]).toEqual([name, caller, expected]);
  if (expected === 'FORBIDDEN') expect(firstError(res)?.message).toBe('Forbidden access');
});

describe('a role without an action', () => {
  const revoke = async (roleType: string, action: string) => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
    await app.strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { role: role.id, action } });
    return async () => {
      await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { role: role.id, action } });
    };
  };

  it.each(Object.keys(OPERATIONS))('cannot call %s once its REST action is taken from the Public role, nor its REST route', async (name) => {
    const operation = OPERATIONS[name];
    const action = `plugin::cited-articles.${operation.action}`;
    const restore = await revoke('public', action);
    try {
      const res = await call(name, 'public');
      expect(outcomeOf(res)).toBe('FORBIDDEN');
      // The logged-in reader's role still has it.
      expect(outcomeOf(await call(name, 'user'))).toBe('ok');
      if (name === 'createArticleComment') {
        const rest = await request(app.server)
          .post('/api/cited-articles/articles/perm-article/comments')
          .set('X-Forwarded-For', nextIp())
          .send(aComment());
        expect(rest.status).toBe(403);
      }
    } finally {
      await restore();
    }
    expect(outcomeOf(await call(name, 'public'))).toBe('ok');
  });
});
