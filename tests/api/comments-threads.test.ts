import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, createArticle, createComment } from '../helpers/content';
import { countQueries } from '../helpers/queries';
import { aComment, listComments, postComment, setCommentOptions, type CommentEventPayload } from '../helpers/comments';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let article: any;

const SECRET_EMAIL = 'secret-reader@example.org';
const PRIVATE_WORDS = [
  'authorEmail',
  'ipHash',
  'moderatedBy',
  'moderatedAt',
  'heldReason',
  'reportCount',
  'threadRoot',
  'createdBy',
  'updatedBy',
  SECRET_EMAIL,
];

/** Comments straight into the database (as demo content or imports would), approved unless said. */
const seed = (data: Record<string, unknown>) =>
  createComment(app.strapi, { authorName: 'Seeded', authorEmail: SECRET_EMAIL, status: 'approved', content: 'Seeded text', ...data });

const ids = (nodes: any[]): any[] => nodes.map((node) => (node.replies.length ? [node.content, ids(node.replies)] : node.content));

beforeAll(async () => {
  admin = await createAdmin(app);
  setCommentOptions(app.strapi, { rateLimit: { points: 1000, durationSeconds: 60 } });
  article = await createArticle(admin, { title: 'Threads', slug: 'threads' });
});

describe('threads', () => {
  let roots: any[];
  beforeAll(async () => {
    const a = article.documentId;
    const r1 = await seed({ article: a, content: 'root 1' });
    const r2 = await seed({ article: a, content: 'root 2' });
    await seed({ article: a, content: 'root 3 pending', status: 'pending' });
    const r1a = await seed({ article: a, parent: r1.documentId, content: 'r1 > a' });
    await seed({ article: a, parent: r1.documentId, content: 'r1 > b rejected', status: 'rejected' });
    await seed({ article: a, parent: r1a.documentId, content: 'r1 > a > x' });
    const spam = await seed({ article: a, parent: r2.documentId, content: 'r2 > spam', status: 'spam' });
    await seed({ article: a, parent: spam.documentId, content: 'r2 > spam > approved reply' });
    const pending = await seed({ article: a, parent: r2.documentId, content: 'r2 > pending', status: 'pending' });
    await seed({ article: a, parent: pending.documentId, content: 'r2 > pending > approved reply' });
    await seed({ article: a, parent: r2.documentId, content: 'r2 > b' });
    roots = [r1, r2];
  });

  it('nests approved replies under approved parents, replies oldest first', async () => {
    const res = await listComments(app, 'threads');
    expect(res.status).toBe(200);
    expect(ids(res.body.data)).toEqual([
      ['root 1', [['r1 > a', ['r1 > a > x']]]],
      ['root 2', ['r2 > b']],
    ]);
    expect(res.body.data[0].replies[0]).toMatchObject({ parent: roots[0].documentId, depth: 1 });
    expect(res.body.data[0].replies[0].replies[0]).toMatchObject({ depth: 2 });
  });

  it('derives depth and thread root for replies created through the Document Service', async () => {
    const rows: any[] = await app.strapi.documents(COMMENT_UID as any).findMany({ filters: { content: 'r1 > a > x' } } as any);
    expect(rows[0]).toMatchObject({ depth: 2, threadRoot: roots[0].documentId });
  });

  it('counts approved comments, including replies hidden under a hidden parent', async () => {
    const res = await listComments(app, 'threads');
    // 7 approved rows; 2 of them answer a spam or pending comment and are not shown.
    expect(res.body.meta.commentCount).toBe(7);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });
  });

  it('caps the depth shown by maxDepth', async () => {
    setCommentOptions(app.strapi, { maxDepth: 1 });
    try {
      expect(ids((await listComments(app, 'threads')).body.data)).toEqual([
        ['root 1', ['r1 > a']],
        ['root 2', ['r2 > b']],
      ]);
      setCommentOptions(app.strapi, { maxDepth: 0 });
      expect(ids((await listComments(app, 'threads')).body.data)).toEqual(['root 1', 'root 2']);
    } finally {
      setCommentOptions(app.strapi, { maxDepth: 3 });
    }
  });

  it('never shows pending, rejected or spam comments, nor private fields', async () => {
    const res = await listComments(app, 'threads');
    const text = JSON.stringify(res.body);
    for (const hidden of ['pending', 'rejected', 'spam']) expect(text).not.toContain(`root 3 ${hidden}`);
    expect(text).not.toMatch(/"status":"(pending|rejected|spam)"/);
    expect(text).not.toContain('r2 > spam');
    expect(text).not.toContain('r2 > pending');
    expect(text).not.toContain('r1 > b rejected');
    for (const word of PRIVATE_WORDS) expect(text).not.toContain(word);
    const keys = Object.keys(res.body.data[0]).sort();
    expect(keys).toEqual([
      'authorName',
      'content',
      'contentHtml',
      'createdAt',
      'deleted',
      'depth',
      'documentId',
      'editedAt',
      'moreReplies',
      'parent',
      'replies',
      'replyCount',
      'staff',
      'status',
    ]);
    // Only a thread's root says how many replies it has; nested replies keep the comment shape.
    expect(Object.keys(res.body.data[0].replies[0]).sort()).toEqual([
      'authorName',
      'content',
      'contentHtml',
      'createdAt',
      'deleted',
      'depth',
      'documentId',
      'editedAt',
      'parent',
      'replies',
      'staff',
      'status',
    ]);
    for (const url of ['/api/cited-articles/articles', '/api/cited-articles/articles/threads']) {
      const body = JSON.stringify((await request(app.server).get(url)).body);
      for (const word of PRIVATE_WORDS) expect(body).not.toContain(word);
    }
  });
});

describe('pagination and order', () => {
  beforeAll(async () => {
    await createArticle(admin, { title: 'Busy', slug: 'busy' });
  });

  it('paginates root comments, oldest first by default or newest first', async () => {
    const busy: any = await app.strapi.documents('plugin::cited-articles.article' as any).findFirst({ filters: { slug: 'busy' } } as any);
    for (let n = 1; n <= 5; n += 1) await seed({ article: busy.documentId, content: `busy ${n}` });
    let res = await listComments(app, 'busy', '?pageSize=2');
    expect(ids(res.body.data)).toEqual(['busy 1', 'busy 2']);
    expect(res.body.meta).toMatchObject({ pagination: { page: 1, pageSize: 2, pageCount: 3, total: 5 }, commentCount: 5 });
    res = await listComments(app, 'busy', '?pageSize=2&page=3');
    expect(ids(res.body.data)).toEqual(['busy 5']);
    res = await listComments(app, 'busy', '?pageSize=2&sort=newest');
    expect(ids(res.body.data)).toEqual(['busy 5', 'busy 4']);
    expect(res.body.meta.sort).toBe('newest');
    res = await listComments(app, 'busy', '?pagination[page]=2&pagination[pageSize]=2');
    expect(ids(res.body.data)).toEqual(['busy 3', 'busy 4']);
    // Pages past the middle are read from the other end (pages.ts): the same entries, in order.
    res = await listComments(app, 'busy', '?pageSize=2&page=2&sort=newest');
    expect(ids(res.body.data)).toEqual(['busy 3', 'busy 2']);
    res = await listComments(app, 'busy', '?pageSize=2&page=3&sort=newest');
    expect(ids(res.body.data)).toEqual(['busy 1']);
    res = await listComments(app, 'busy', '?pageSize=4&page=2');
    expect(ids(res.body.data)).toEqual(['busy 5']);
    res = await listComments(app, 'busy', '?pageSize=2&page=4');
    expect(ids(res.body.data)).toEqual([]);
  });
});

describe('query count', () => {
  it('lists comments with the same number of queries for 3 and for 60 comments', async () => {
    const measure = async (slug: string, count: number) => {
      const target = await createArticle(admin, { title: `Measured ${count}`, slug });
      let parent: string | null = null;
      for (let n = 0; n < count; n += 1) {
        // A mix of roots and replies up to depth 3.
        const created: any = await seed({ article: target.documentId, content: `m${n}`, parent: n % 4 === 0 ? null : parent });
        parent = n % 4 === 3 ? null : created.documentId;
      }
      // Let the Document Service's asynchronous entry.create events of the seeding settle first.
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The first read counts the article's comments and keeps the counts (services/comments/tallies.ts);
      // the next one reads them. Another page size each, so that the response cache answers neither.
      const statements = async (pageSize: number) => {
        const { result, sql } = await countQueries(app.strapi, () => listComments(app, slug, `?pageSize=${pageSize}`));
        expect((result as any).status).toBe(200);
        expect((result as any).body.meta.commentCount).toBe(count);
        // Every statement counts, BEGIN and COMMIT included: the list reads through the Query Engine,
        // outside the transactions the Document Service opens for each call.
        return sql.length;
      };
      return { counting: await statements(99), kept: await statements(100) };
    };
    const few = await measure('measured-few', 3);
    const many = await measure('measured-many', 60);
    expect(many).toEqual(few);
    // Permissions, the default locale, article, root page, the kept counts, root rows, the first
    // replies of each thread, the threads' reply counts, the replies' rows and their parents.
    expect(many.kept).toBeLessThanOrEqual(10);
    // Counting instead: adding the counts' row if missing, the count, keeping it.
    expect(many.counting).toBe(many.kept + 3);
  });
});

describe('moderation modes and holds', () => {
  afterEach(() => setCommentOptions(app.strapi, { moderation: 'pre', blockedWords: [], maxLinks: 2 }));

  it('post-moderation shows a comment at once', async () => {
    setCommentOptions(app.strapi, { moderation: 'post' });
    const res = await postComment(app, 'threads', aComment({ content: 'Shown at once' }));
    expect(res.status).toBe(201);
    expect(res.body.data.status).toBe('approved');
    expect(ids((await listComments(app, 'threads')).body.data)).toContain('Shown at once');
  });

  it('holds a comment with more links than maxLinks, even in post-moderation', async () => {
    setCommentOptions(app.strapi, { moderation: 'post', maxLinks: 1 });
    const one = await postComment(app, 'threads', aComment({ content: 'See https://example.org/a' }));
    expect(one.body.data.status).toBe('approved');
    const two = await postComment(app, 'threads', aComment({ content: 'See https://example.org/a and www.example.com' }));
    expect(two.status).toBe(201);
    expect(two.body.data.status).toBe('pending');
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId: two.body.data.documentId } as any);
    expect(stored).toMatchObject({ status: 'pending', heldReason: 'links' });
  });

  it('holds a comment with a blocked word (whole words, any case) in its text or name', async () => {
    setCommentOptions(app.strapi, { moderation: 'post', blockedWords: ['casino', 'cheap pills'] });
    for (const body of [
      aComment({ content: 'Visit my CASINO tonight' }),
      aComment({ content: 'Buy Cheap Pills now' }),
      aComment({ authorName: 'Casino Bob' }),
    ]) {
      const res = await postComment(app, 'threads', body);
      expect(res.status).toBe(201);
      expect(res.body.data.status).toBe('pending');
    }
    const innocent = await postComment(app, 'threads', aComment({ content: 'Casinos and the occasional reader' }));
    expect(innocent.body.data.status).toBe('approved');
  });

  it('stores a comment whose honeypot is filled as spam and answers as if pending', async () => {
    setCommentOptions(app.strapi, { moderation: 'post' });
    const res = await postComment(app, 'threads', aComment({ content: 'I am a bot', homepage: 'http://spam.example' }));
    expect(res.status).toBe(201);
    expect(res.body.data.status).toBe('pending');
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId: res.body.data.documentId } as any);
    expect(stored).toMatchObject({ status: 'spam', heldReason: 'honeypot' });
    expect(ids((await listComments(app, 'threads')).body.data)).not.toContain('I am a bot');
  });

  it('accepts the body wrapped in data, as Strapi clients send it', async () => {
    const res = await postComment(app, 'threads', { data: aComment({ content: 'Wrapped body' }) });
    expect(res.status).toBe(201);
    expect(res.body.data.content).toBe('Wrapped body');
  });
});

describe('plain text', () => {
  it('stores markup as text and escapes it in contentHtml', async () => {
    setCommentOptions(app.strapi, { moderation: 'post' });
    try {
      const content = '<script>alert("x")</script>\n\n<b>bold</b> & <img src=x onerror=alert(1)>';
      const res = await postComment(app, 'threads', aComment({ content, authorName: '<i>Eve</i>' }));
      expect(res.status).toBe(201);
      expect(res.body.data.content).toBe(content);
      expect(res.body.data.authorName).toBe('<i>Eve</i>');
      expect(res.body.data.contentHtml).toBe(
        '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p><p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>'
      );
    } finally {
      setCommentOptions(app.strapi, { moderation: 'pre' });
    }
  });
});

describe('events', () => {
  it('emits cited-articles.comment.created on the event hub, without private fields', async () => {
    const received: CommentEventPayload[] = [];
    const listener = async (payload: CommentEventPayload) => {
      received.push(payload);
    };
    app.strapi.eventHub.on('cited-articles.comment.created', listener);
    try {
      const res = await postComment(app, 'threads', aComment({ content: 'Tell the moderators' }));
      expect(received).toHaveLength(1);
      expect(received[0]).toEqual({
        comment: { ...res.body.data, status: 'pending' },
        article: { documentId: article.documentId, slug: 'threads' },
      });
      expect(JSON.stringify(received[0])).not.toMatch(/@example\.org|ipHash|authorEmail/);
      // A honeypot catch is not news.
      await postComment(app, 'threads', aComment({ homepage: 'x' }));
      expect(received).toHaveLength(1);
    } finally {
      app.strapi.eventHub.off('cited-articles.comment.created', listener);
    }
  });
});
