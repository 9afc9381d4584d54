/**
 * One table of comment use cases, run through both APIs: each case posts, edits, deletes, reports
 * or reads through the REST route and through the GraphQL field, and both must answer the same
 * outcome (status class, error name and message) and leave the same data behind. Both transports
 * call the same service method (services/comments/actions.ts); this test keeps them from drifting.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { COMMENT_UID, createArticle } from '../helpers/content';
import { aComment, nextIp, setCommentOptions } from '../helpers/comments';
import { graphql } from '../helpers/graphql';
import { authenticatedReaderJwt } from '../helpers/readers';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
const API = '/api/cited-articles';

/** What a transport answered, in terms both share. */
interface Outcome {
  /** The REST status; for GraphQL, the status its extensions.code and error name stand for. */
  status: number;
  /** The error's name (ForbiddenError, ...) and message, absent when the call succeeded. */
  error?: { name: string; message: string };
  data?: any;
}

interface Caller {
  jwt?: string | null;
  ip?: string;
}

interface Transport {
  name: 'REST' | 'GraphQL';
  post(slug: string, body: Record<string, unknown>, caller?: Caller): Promise<Outcome>;
  edit(documentId: string, body: Record<string, unknown>, caller?: Caller): Promise<Outcome>;
  remove(documentId: string, caller?: Caller): Promise<Outcome>;
  report(documentId: string, body: { reason: string; details?: string }, caller?: Caller): Promise<Outcome>;
  thread(slug: string, query: { sort?: string }): Promise<Outcome>;
}

const withCaller = (test: request.Test, caller: Caller = {}) => {
  test.set('X-Forwarded-For', caller.ip ?? nextIp());
  if (caller.jwt) test.set('Authorization', `Bearer ${caller.jwt}`);
  return test;
};

const restOutcome = (res: request.Response): Outcome =>
  res.body?.error
    ? { status: res.status, error: { name: res.body.error.name, message: res.body.error.message } }
    : { status: res.status, data: res.body.data };

const rest: Transport = {
  name: 'REST',
  post: async (slug, body, caller) => restOutcome(await withCaller(request(app.server).post(`${API}/articles/${slug}/comments`), caller).send(body)),
  edit: async (documentId, body, caller) =>
    restOutcome(await withCaller(request(app.server).patch(`${API}/comments/${documentId}`), caller).send(body)),
  remove: async (documentId, caller) => restOutcome(await withCaller(request(app.server).delete(`${API}/comments/${documentId}`), caller)),
  report: async (documentId, body, caller) =>
    restOutcome(await withCaller(request(app.server).post(`${API}/comments/${documentId}/report`), caller).send(body)),
  thread: async (slug, query) => {
    const res = await request(app.server).get(`${API}/articles/${slug}/comments`).query(query);
    const outcome = restOutcome(res);
    return outcome.error ? outcome : { status: res.status, data: { data: res.body.data, commentCount: res.body.meta.commentCount } };
  },
};

/** The REST status each extensions.code stands for (graphql/errors.ts maps one to the other). */
const STATUS_OF_CODE: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 };

const graphqlOutcome = async (query: string, variables: Record<string, unknown>, caller: Caller = {}): Promise<Outcome> => {
  const res = await graphql(app, query, variables, { token: caller.jwt ?? null, ip: caller.ip });
  const error = res.body.errors?.[0];
  if (!error) return { status: 200, data: Object.values(res.body.data)[0] };
  const name = error.extensions?.error?.name ?? error.extensions?.code;
  // FORBIDDEN stands for both 401 and 403, as Strapi's own formatter has it; the name tells them apart.
  const status =
    error.extensions?.code === 'FORBIDDEN' ? (name === 'UnauthorizedError' ? 401 : 403) : (STATUS_OF_CODE[error.extensions?.code] ?? 500);
  return { status, error: { name, message: error.message } };
};

const COMMENT = 'documentId authorName content status parent depth editedAt deleted staff';

const gql: Transport = {
  name: 'GraphQL',
  post: (slug, data, caller) =>
    graphqlOutcome(
      `mutation($slug: String!, $data: CitedCommentInput!) { createArticleComment(slug: $slug, data: $data) { ${COMMENT} } }`,
      { slug, data },
      caller
    ),
  edit: (documentId, data, caller) =>
    graphqlOutcome(
      `mutation($id: ID!, $data: CitedCommentEditInput!) { updateMyComment(documentId: $id, data: $data) { ${COMMENT} } }`,
      { id: documentId, data },
      caller
    ),
  remove: (documentId, caller) =>
    graphqlOutcome(`mutation($id: ID!) { deleteMyComment(documentId: $id) { documentId deleted placeholder } }`, { id: documentId }, caller),
  report: (documentId, { reason, details }, caller) =>
    graphqlOutcome(
      `mutation($id: ID!, $reason: String!, $details: String) { reportComment(documentId: $id, reason: $reason, details: $details) { comment reason counted } }`,
      { id: documentId, reason, details },
      caller
    ),
  thread: (slug, { sort }) =>
    graphqlOutcome(`query($slug: String!, $sort: String) { articleComments(slug: $slug, sort: $sort) { data { ${COMMENT} } commentCount } }`, {
      slug,
      sort,
    }),
};

let alice: string;
let bob: string;
let counter = 0;
const text = () => {
  counter += 1;
  return `Reader text number ${counter}, with thanks for the sources.`;
};

const stored = (documentId: string): Promise<any> =>
  app.strapi.db.query(COMMENT_UID).findOne({ where: { documentId }, populate: { user: { select: ['id', 'username'] } } });

/** An approved comment by `jwt`'s reader, posted through REST (setup, not the case under test). */
const commentBy = async (jwt: string) => {
  const res = await rest.post('transports', { content: text() }, { jwt });
  if (res.status !== 201) throw new Error(`setup comment: ${JSON.stringify(res)}`);
  return res.data.documentId as string;
};

const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;

interface Case {
  run: (transport: Transport) => Promise<Outcome>;
  /** The outcome both transports must give: status class and, for refusals, error name and message. */
  expect: { status: number; error?: { name: string; message: string | RegExp } };
  /** What the data must say (on both transports), after the call. */
  check?: (outcome: Outcome) => Promise<void> | void;
}

const CASES: Record<string, Case> = {
  'anonymous post': {
    run: (t) => t.post('transports', aComment({ authorName: 'Ann Onymous' })),
    expect: { status: 201 },
    check: async ({ data }) => {
      expect(data).toMatchObject({ authorName: 'Ann Onymous', status: 'approved', depth: 0, parent: null, deleted: false });
      expect((await stored(data.documentId)).user).toBeNull();
    },
  },
  'post with a missing field': {
    run: (t) => t.post('transports', { authorName: 'No Text', authorEmail: 'no-text@example.org' }),
    expect: { status: 400, error: { name: 'ValidationError', message: 'Invalid comment. content: content is required' } },
  },
  'post with the honeypot filled (answered as pending, stored as spam)': {
    run: (t) => t.post('transports', aComment({ homepage: 'https://spam.example' })),
    expect: { status: 201 },
    check: async ({ data }) => {
      expect(data.status).toBe('pending');
      expect((await stored(data.documentId)).status).toBe('spam');
    },
  },
  'post on an article whose comments are closed': {
    run: (t) => t.post('transports-closed', aComment()),
    expect: { status: 403, error: { name: 'ForbiddenError', message: 'Comments are closed on this article.' } },
  },
  'post over the rate budget': {
    run: async (t) => {
      setCommentOptions(app.strapi, { rateLimit: { points: 1, durationSeconds: 60 } });
      try {
        const ip = nextIp();
        expect(statusClass((await t.post('transports', aComment(), { ip })).status)).toBe('2xx');
        return await t.post('transports', aComment(), { ip });
      } finally {
        setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 } });
      }
    },
    expect: { status: 429, error: { name: 'RateLimitError', message: /^Too many comments from your network\. Try again in \d+ seconds\.$/ } },
  },
  'over the rate budget, a malformed comment is refused for the budget before it is read': {
    // The admission (flood control, account rules) runs before the handler on both APIs
    // (middlewares/comment-admission.ts): a sender over budget costs no validation.
    run: async (t) => {
      setCommentOptions(app.strapi, { rateLimit: { points: 1, durationSeconds: 60 } });
      try {
        const ip = nextIp();
        expect(statusClass((await t.post('transports', aComment(), { ip })).status)).toBe('2xx');
        return await t.post('transports', { authorName: 'Reader', authorEmail: 'reader@example.com', content: '   ' }, { ip });
      } finally {
        setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 } });
      }
    },
    expect: { status: 429, error: { name: 'RateLimitError', message: /^Too many comments from your network\. Try again in \d+ seconds\.$/ } },
  },
  'the same comment twice from the same sender': {
    run: async (t) => {
      const ip = nextIp();
      const body = aComment();
      expect(statusClass((await t.post('transports', body, { ip })).status)).toBe('2xx');
      return t.post('transports', body, { ip });
    },
    expect: { status: 409, error: { name: 'ConflictError', message: 'You already posted this comment on this article.' } },
  },
  'anonymous post when comments need an account': {
    run: async (t) => {
      setCommentOptions(app.strapi, { requireAccount: true });
      try {
        return await t.post('transports', aComment());
      } finally {
        setCommentOptions(app.strapi, { requireAccount: false });
      }
    },
    expect: {
      status: 401,
      error: { name: 'UnauthorizedError', message: 'Log in to comment: this site accepts comments from reader accounts only.' },
    },
  },
  'signed-in reader posts as their account': {
    run: async (t) => {
      setCommentOptions(app.strapi, { requireAccount: true });
      try {
        return await t.post('transports', { content: text() }, { jwt: alice });
      } finally {
        setCommentOptions(app.strapi, { requireAccount: false });
      }
    },
    expect: { status: 201 },
    check: async ({ data }) => {
      expect(data.authorName).toBe('alice');
      const row = await stored(data.documentId);
      expect(row.user).toMatchObject({ username: 'alice' });
      expect(row.authorEmail).toBeNull();
    },
  },
  'post asking for reply notifications': {
    run: (t) => t.post('transports', aComment({ notifyReplies: true })),
    expect: { status: 201 },
    check: async ({ data }) => expect((await stored(data.documentId)).notifyReplies).toBe(true),
  },
  'edit of one’s own comment': {
    run: async (t) => t.edit(await commentBy(alice), { content: 'Corrected: the figure is 12%.' }, { jwt: alice }),
    expect: { status: 200 },
    check: async ({ data }) => {
      expect(data).toMatchObject({ content: 'Corrected: the figure is 12%.', status: 'approved' });
      expect(Date.parse(data.editedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect((await stored(data.documentId)).content).toBe('Corrected: the figure is 12%.');
    },
  },
  'edit of another reader’s comment': {
    run: async (t) => t.edit(await commentBy(alice), { content: 'Not mine to change.' }, { jwt: bob }),
    expect: { status: 403, error: { name: 'ForbiddenError', message: 'You can only edit your own comments.' } },
  },
  'edit after the edit window': {
    run: async (t) => {
      const documentId = await commentBy(alice);
      await app.strapi.db.query(COMMENT_UID).update({ where: { documentId }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
      return t.edit(documentId, { content: 'Too late to change this.' }, { jwt: alice });
    },
    expect: {
      status: 403,
      error: {
        name: 'ForbiddenError',
        message: /^A comment can be edited for 15 minutes after it is posted; this one was posted 16(\.\d+)? minutes ago\.$/,
      },
    },
  },
  'edit with empty text': {
    run: async (t) => t.edit(await commentBy(alice), { content: '   ' }, { jwt: alice }),
    expect: { status: 400, error: { name: 'ValidationError', message: 'Invalid comment. content: content is required' } },
  },
  'delete of one’s own comment': {
    run: async (t) => t.remove(await commentBy(alice), { jwt: alice }),
    expect: { status: 200 },
    check: async ({ data }) => {
      expect(data).toMatchObject({ deleted: true, placeholder: false });
      expect(await stored(data.documentId)).toBeNull();
    },
  },
  'delete of another reader’s comment': {
    run: async (t) => t.remove(await commentBy(alice), { jwt: bob }),
    expect: { status: 403, error: { name: 'ForbiddenError', message: 'You can only delete your own comments.' } },
  },
  report: {
    run: async (t) => t.report(await commentBy(alice), { reason: 'spam', details: 'Selling things.' }),
    expect: { status: 201 },
    check: ({ data }) => expect(data).toMatchObject({ reason: 'spam', counted: true }),
  },
  'report with an unknown reason': {
    run: async (t) => t.report(await commentBy(alice), { reason: 'boring' }),
    expect: {
      status: 400,
      error: { name: 'ValidationError', message: 'Invalid report. reason: reason must be one of spam, abuse, off-topic, misinformation, other' },
    },
  },
  'report of a comment that does not exist': {
    run: (t) => t.report('nosuchcomment0000000000', { reason: 'spam' }),
    expect: { status: 404, error: { name: 'NotFoundError', message: 'No published comment has the documentId "nosuchcomment0000000000".' } },
  },
  'thread page': {
    run: (t) => t.thread('transports', { sort: 'newest' }),
    expect: { status: 200 },
    check: ({ data }) => {
      expect(data.commentCount).toBeGreaterThan(0);
      expect(data.data.length).toBeGreaterThan(0);
    },
  },
  'thread page with an unknown sort': {
    run: (t) => t.thread('transports', { sort: 'best' }),
    expect: { status: 400, error: { name: 'ValidationError', message: 'Invalid query. sort: sort must be "oldest" or "newest"' } },
  },
};

beforeAll(async () => {
  const admin = await createAdmin(app);
  setCommentOptions(app.strapi, {
    moderation: 'post',
    rateLimit: { points: 1000, durationSeconds: 60 },
    reportRateLimit: { points: 1000, durationSeconds: 60 },
  });
  await createArticle(admin, { title: 'Transports', slug: 'transports', body: 'Open for comments.' });
  await createArticle(admin, { title: 'Transports closed', slug: 'transports-closed', body: 'Closed.', commentsEnabled: false });
  alice = await authenticatedReaderJwt(app, 'alice');
  bob = await authenticatedReaderJwt(app, 'bob');
});

/** A message given as text must be exactly that; a pattern lets a number (seconds, minutes) vary. */
const messageOf = (message: string | RegExp) => (typeof message === 'string' ? message : expect.stringMatching(message));

it.each(Object.entries(CASES))('%s: the same outcome through REST and GraphQL', async (_name, { run, expect: expected, check }) => {
  const outcomes: Outcome[] = [];
  for (const transport of [rest, gql]) {
    const outcome = await run(transport);
    outcomes.push(outcome);
    // The transport's name rides along so that a failure says which API answered what.
    expect({ transport: transport.name, status: statusClass(outcome.status), error: outcome.error }).toEqual({
      transport: transport.name,
      status: statusClass(expected.status),
      error: expected.error ? { name: expected.error.name, message: messageOf(expected.error.message) } : undefined,
    });
    // The exact status: REST's, or the one GraphQL's code and error name stand for (a success is
    // 201 or 200 on REST, 200 on GraphQL).
    if (transport === rest || expected.error) expect(outcome.status).toBe(expected.status);
    await check?.(outcome);
  }
  // Refusals say exactly the same on both (a pattern above lets a number, seconds or minutes, differ).
  if (typeof expected.error?.message !== 'object') expect(outcomes[1].error).toEqual(outcomes[0].error);
});
