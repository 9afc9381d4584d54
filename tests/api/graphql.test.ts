/**
 * The plugin's GraphQL API over the app's real /graphql endpoint: each query and mutation answers
 * what the matching REST route answers, with the same validation, flood control, duplicate check,
 * honeypot and holds, and errors carry the REST message with an extensions.code.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { createArticle, createComment, createSource, COMMENT_UID } from '../helpers/content';
import { aComment, nextIp, postComment, setCommentOptions } from '../helpers/comments';
import { firstError, graphql } from '../helpers/graphql';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
const API = '/api/cited-articles';

const NAME_PARTS = 'family given nonDroppingParticle droppingParticle suffix literal';

/** A REST name (CSL-JSON's keys, unset parts left out) as GraphQL's CitedName answers it. */
const asCitedName = (name: Record<string, string>) => ({
  family: name.family ?? null,
  given: name.given ?? null,
  nonDroppingParticle: name['non-dropping-particle'] ?? null,
  droppingParticle: name['dropping-particle'] ?? null,
  suffix: name.suffix ?? null,
  literal: name.literal ?? null,
});

const ARTICLE_FIELDS = `
  documentId slug title summary body publishedAt numberingStart commentsEnabled commentCount
  citations { id number marker start end sourceKey locator formatted }
  references { id number backlinks formatted source { key title containerTitle publisher authors { ${NAME_PARTS} } url publishedDate archiveUrl doi type } }
  issues { code severity message start end }
  style
`;

const COMMENT_FIELDS = 'documentId authorName content contentHtml createdAt depth parent editedAt deleted staff';
const CREATE = `mutation Create($slug: String!, $data: CitedCommentInput!) {
  createArticleComment(slug: $slug, data: $data) { ${COMMENT_FIELDS} status replies { documentId } }
}`;
const REPORT = `mutation Report($documentId: ID!, $reason: String!, $details: String) {
  reportComment(documentId: $documentId, reason: $reason, details: $details) { comment reason counted }
}`;

let admin: AdminSession;
let articleId: string;

beforeAll(async () => {
  admin = await createAdmin(app);
  const nyt = await createSource(admin, {
    key: 'gql-nyt',
    title: 'Rates rise',
    containerTitle: 'NYT',
    authors: [{ family: 'Author', given: 'Ann', 'non-dropping-particle': 'de' }, { literal: 'NYT Staff' }],
    url: 'https://example.org/nyt',
    publishedDate: '2024-01-02',
    type: 'news',
  });
  const bbc = await createSource(admin, { key: 'gql-bbc', title: 'Rates fall', containerTitle: 'BBC', url: 'https://example.org/bbc' });
  const article = await createArticle(admin, {
    title: 'GraphQL article',
    slug: 'gql-article',
    summary: 'Summary.',
    body: 'Rates rose [@gql-nyt, p. 3] and fell [@gql-bbc]. Again [@gql-nyt]. Unknown [@gql-missing].',
    citations: [nyt.documentId, bbc.documentId],
  });
  articleId = article.documentId;
  await createArticle(admin, { title: 'Second article', slug: 'gql-second', body: 'No citations.' });
  await createArticle(admin, { title: 'Closed article', slug: 'gql-closed', body: 'Closed.', commentsEnabled: false });
});

describe('citedArticle', () => {
  it('answers what GET /articles/:slug?format=html answers', async () => {
    const rest = await request(app.server).get(`${API}/articles/gql-article?format=html`);
    expect(rest.status).toBe(200);
    const res = await graphql(app, `query($slug: String!) { citedArticle(slug: $slug) { ${ARTICLE_FIELDS} bodyHtml } }`, { slug: 'gql-article' });
    expect(res.body.errors).toBeUndefined();
    const article = res.body.data.citedArticle;
    const { data, meta } = rest.body;
    for (const field of [
      'documentId',
      'slug',
      'title',
      'summary',
      'body',
      'bodyHtml',
      'publishedAt',
      'numberingStart',
      'commentsEnabled',
      'commentCount',
      'citations',
    ]) {
      expect([field, article[field]]).toEqual([field, data[field]]);
    }
    expect(article.references).toEqual(
      data.references.map(({ id, number, backlinks, formatted, source }: any) => ({
        id,
        number,
        backlinks,
        formatted,
        source: (({ key, title, containerTitle, publisher, authors, url, publishedDate, archiveUrl, doi, type }) => ({
          key,
          title,
          containerTitle,
          publisher,
          authors: authors.map(asCitedName),
          url,
          publishedDate,
          archiveUrl,
          doi,
          type,
        }))(source),
      }))
    );
    expect(article.issues).toEqual(meta.issues.map(({ code, severity, message, start, end }: any) => ({ code, severity, message, start, end })));
    expect(article.issues.map((issue: any) => issue.code)).toContain('unknown-source');
    expect(article.style).toBe(meta.style);
    expect(article.citations[0]).toMatchObject({ sourceKey: 'gql-nyt', locator: 'p. 3', number: 1 });
  });

  it('formats the references in the requested style and reference locale, as ?style= and ?referenceLocale= do', async () => {
    const rest = await request(app.server).get(`${API}/articles/gql-article?style=apa&referenceLocale=de-DE`);
    expect(rest.status).toBe(200);
    const res = await graphql(
      app,
      '{ citedArticle(slug: "gql-article", style: "apa", referenceLocale: "de-DE") { style locale referenceLocale references { formatted } } }'
    );
    expect(res.body.data.citedArticle.style).toBe('apa');
    expect(res.body.data.citedArticle.locale).toBe(rest.body.meta.locale);
    expect(res.body.data.citedArticle.referenceLocale).toBe('de-DE');
    expect(res.body.data.citedArticle.referenceLocale).toBe(rest.body.meta.referenceLocale);
    expect(res.body.data.citedArticle.references.map((r: any) => r.formatted)).toEqual(rest.body.data.references.map((r: any) => r.formatted));
  });

  it('renders bodyHtml only when it is selected (through a fragment too)', async () => {
    // Resolving and rendering an article is the worker job 'present'; its input says whether to render HTML.
    const jobs = jest.spyOn(app.strapi.plugin('cited-articles').service('platform'), 'runJob');
    const presented = () => jobs.mock.calls.filter(([name]) => name === 'present').map(([, input]) => input);
    try {
      app.strapi.plugin('cited-articles').service('articles').clearMemo();
      // Resolved afresh, not answered from the in-process response cache an earlier test filled.
      app.strapi.plugin('cited-articles').service('caching').clear();
      const plain = await graphql(app, '{ citedArticle(slug: "gql-article") { title } }');
      expect(plain.body.data.citedArticle.title).toBe('GraphQL article');
      expect(presented()).toHaveLength(1);
      expect(presented()[0]).toMatchObject({ html: false });

      const withHtml = await graphql(
        app,
        `
          query {
            citedArticle(slug: "gql-article") {
              ...Html
            }
          }
          fragment Html on CitedArticle {
            bodyHtml
          }
        `
      );
      expect(withHtml.body.data.citedArticle.bodyHtml).toContain('<sup');
      expect(presented()).toHaveLength(2);
      expect(presented()[1]).toMatchObject({ html: true });
    } finally {
      jobs.mockRestore();
    }
  });

  it.each([
    ['a slug that is not one', '{ citedArticle(slug: "a/b") { title } }', 'BAD_USER_INPUT', /^Invalid article slug\. slug: slug may contain only/],
    [
      'an unknown style',
      '{ citedArticle(slug: "gql-article", style: "nope") { title } }',
      'BAD_USER_INPUT',
      /^Unknown style "nope"\. Use one of: .*apa/,
    ],
    ['a locale that is not one', '{ citedArticle(slug: "gql-article", locale: "x") { title } }', 'BAD_USER_INPUT', /locale must be a locale code/],
    [
      'a reference locale that is not one',
      '{ citedArticle(slug: "gql-article", referenceLocale: "x") { title } }',
      'BAD_USER_INPUT',
      /referenceLocale must be a language tag/,
    ],
    ['an unknown slug', '{ citedArticle(slug: "gql-nothing") { title } }', 'NOT_FOUND', /^No published article has the slug "gql-nothing"\.$/],
  ])('refuses %s with the REST message', async (_name, query, code, message) => {
    const res = await graphql(app, query);
    expect(res.status).toBe(200);
    expect(res.body.data.citedArticle).toBeNull();
    expect(firstError(res)).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('gives the same message as the REST route for the same bad input', async () => {
    const rest = await request(app.server).get(`${API}/articles/gql-article?style=nope`);
    const res = await graphql(app, '{ citedArticle(slug: "gql-article", style: "nope") { title } }');
    expect(rest.status).toBe(400);
    expect(firstError(res)?.message).toBe(rest.body.error.message);
    expect(firstError(res)?.extensions.error).toMatchObject({ name: 'ValidationError', details: rest.body.error.details });
  });
});

describe('citedArticles', () => {
  it('lists published articles with the pagination of GET /articles', async () => {
    const rest = await request(app.server).get(`${API}/articles?page=1&pageSize=2`);
    const res = await graphql(
      app,
      `
        {
          citedArticles(page: 1, pageSize: 2) {
            data {
              documentId
              locale
              slug
              title
              summary
              publishedAt
              updatedAt
              numberingStart
              referenceCount
              commentCount
            }
            pagination {
              page
              pageSize
              pageCount
              total
            }
          }
        }
      `
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.citedArticles.pagination).toEqual(rest.body.meta.pagination);
    expect(res.body.data.citedArticles.pagination).toMatchObject({ page: 1, pageSize: 2, total: 3, pageCount: 2 });
    expect(res.body.data.citedArticles.data).toEqual(rest.body.data);
  });

  it('refuses a page size over 100 with the REST message', async () => {
    const res = await graphql(app, '{ citedArticles(pageSize: 101) { pagination { total } } }');
    expect(firstError(res)).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Invalid pagination. pageSize: pageSize must be at most 100' });
  });
});

describe('citedSource', () => {
  it('answers a source and the published articles citing it, as GET /sources/:key', async () => {
    const rest = await request(app.server).get(`${API}/sources/gql-nyt`);
    const res = await graphql(
      app,
      `
        {
          citedSource(key: "gql-nyt") {
            documentId
            key
            title
            containerTitle
            publisher
            publisherPlace
            authors {
              family
              given
              nonDroppingParticle
              droppingParticle
              suffix
              literal
            }
            editors {
              literal
            }
            translators {
              literal
            }
            url
            publishedDate
            accessedDate
            archiveUrl
            doi
            type
            language
            volume
            issue
            pages
            edition
            isbn
            issn
            number
            genre
            citedBy {
              documentId
              locale
              slug
              title
              summary
              publishedAt
              updatedAt
            }
          }
        }
      `
    );
    expect(res.body.errors).toBeUndefined();
    const { authors, ...fields } = rest.body.data;
    expect(res.body.data.citedSource).toEqual({ ...fields, authors: authors.map(asCitedName) });
    expect(res.body.data.citedSource.authors).toEqual([
      { family: 'Author', given: 'Ann', nonDroppingParticle: 'de', droppingParticle: null, suffix: null, literal: null },
      { family: null, given: null, nonDroppingParticle: null, droppingParticle: null, suffix: null, literal: 'NYT Staff' },
    ]);
    expect(res.body.data.citedSource.citedBy.map((a: any) => a.slug)).toEqual(['gql-article']);
  });

  it('answers NOT_FOUND for an unknown key', async () => {
    const res = await graphql(app, '{ citedSource(key: "gql-none") { title } }');
    expect(firstError(res)).toMatchObject({ code: 'NOT_FOUND', message: 'No source has the key "gql-none".' });
  });
});

describe('articleComments', () => {
  let rootId: string;
  beforeAll(async () => {
    const approved = (content: string, parent?: string) =>
      createComment(app.strapi, {
        article: articleId,
        parent,
        authorName: 'Ann',
        authorEmail: 'ann@example.org',
        content,
        status: 'approved',
        ipHash: 'a'.repeat(64),
      });
    const root = await approved('First root');
    rootId = root.documentId;
    const reply = await approved('A reply', root.documentId);
    await approved('A reply to the reply', reply.documentId);
    await approved('Second root');
    await createComment(app.strapi, {
      article: articleId,
      authorName: 'Pat',
      authorEmail: 'p@example.org',
      content: 'Pending one',
      status: 'pending',
    });
  });

  it('answers approved comments threaded, as GET /articles/:slug/comments', async () => {
    const rest = await request(app.server).get(`${API}/articles/gql-article/comments?pageSize=1&sort=oldest`);
    const res = await graphql(
      app,
      `{ articleComments(slug: "gql-article", page: 1, pageSize: 1, sort: "oldest") {
      data { ${COMMENT_FIELDS} status replyCount moreReplies replies { ${COMMENT_FIELDS} status replies { ${COMMENT_FIELDS} status replies { documentId } } } }
      pagination { page pageSize pageCount total } sort commentCount } }`
    );
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data.articleComments;
    expect(page.data).toEqual(rest.body.data);
    expect(page.pagination).toEqual(rest.body.meta.pagination);
    expect(page.commentCount).toBe(4);
    expect(page.data[0]).toMatchObject({ documentId: rootId, content: 'First root', contentHtml: '<p>First root</p>', depth: 0, parent: null });
    expect(page.data[0].replies[0].replies[0]).toMatchObject({ content: 'A reply to the reply', depth: 2 });
    expect(JSON.stringify(res.body)).not.toContain('Pending one');
    expect(JSON.stringify(res.body)).not.toContain('ann@example.org');
  });

  it('refuses an unknown sort with the REST message', async () => {
    const res = await graphql(app, '{ articleComments(slug: "gql-article", sort: "best") { commentCount } }');
    expect(firstError(res)).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Invalid query. sort: sort must be "oldest" or "newest"' });
  });

  it('answers NOT_FOUND for an article that is not published', async () => {
    const res = await graphql(app, '{ articleComments(slug: "gql-none") { commentCount } }');
    expect(firstError(res)).toMatchObject({ code: 'NOT_FOUND', message: 'No published article has the slug "gql-none".' });
  });
});

describe('createArticleComment', () => {
  afterEach(() => setCommentOptions(app.strapi, { rateLimit: { points: 5, durationSeconds: 60 }, moderation: 'pre' }));

  it('stores a pending comment and answers its public fields only', async () => {
    const ip = nextIp();
    const data = aComment();
    const res = await graphql(app, CREATE, { slug: 'gql-article', data }, { ip });
    expect(res.body.errors).toBeUndefined();
    const created = res.body.data.createArticleComment;
    expect(created).toMatchObject({ authorName: data.authorName, content: data.content, status: 'pending', depth: 0, parent: null, replies: [] });
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId: created.documentId });
    expect(stored).toMatchObject({ status: 'pending', authorEmail: data.authorEmail });
    // The flood control key is the client address the REST route uses: the hash of this IP.
    const guard = app.strapi.plugin('cited-articles').service('moderation');
    expect(stored.ipHash).toBe(guard.hashIp(ip));
  });

  it('approves at once under post-moderation, and answers a reply with its parent', async () => {
    setCommentOptions(app.strapi, { moderation: 'post' });
    const root = await graphql(app, CREATE, { slug: 'gql-second', data: aComment() });
    expect(root.body.data.createArticleComment.status).toBe('approved');
    const parent = root.body.data.createArticleComment.documentId;
    const reply = await graphql(app, CREATE, { slug: 'gql-second', data: aComment({ parent }) });
    expect(reply.body.data.createArticleComment).toMatchObject({ parent, depth: 1, status: 'approved' });
  });

  it.each([
    ['a missing name', { authorName: undefined }, 'Invalid comment. authorName: authorName is required'],
    ['a blank name', { authorName: '   ' }, 'Invalid comment. authorName: authorName is required'],
    ['a bad email', { authorEmail: 'nope' }, 'Invalid comment. authorEmail: authorEmail must be a valid email address'],
    ['empty content', { content: '' }, 'Invalid comment. content: content is required'],
    ['a parent that is not a documentId', { parent: 'a b' }, 'Invalid comment. parent: parent must be a documentId (letters and digits)'],
    ['an unknown parent', { parent: 'abc123' }, 'Invalid comment. parent: no approved comment has this documentId'],
  ])('refuses %s as the REST route does (BAD_USER_INPUT), writing nothing', async (_name, change, message) => {
    const before = await app.strapi.documents(COMMENT_UID as any).count({});
    const data: Record<string, unknown> = { ...aComment(), ...change };
    const res = await graphql(app, CREATE, { slug: 'gql-article', data });
    expect(res.body.data.createArticleComment).toBeNull();
    expect(firstError(res)).toMatchObject({ code: 'BAD_USER_INPUT', message });
    const rest = await postComment(app, 'gql-article', data);
    expect(rest.status).toBe(400);
    expect(rest.body.error.message).toBe(message);
    expect(await app.strapi.documents(COMMENT_UID as any).count({})).toBe(before);
  });

  it('refuses a field the input does not have (a caller hoping to set the status)', async () => {
    const res = await graphql(app, CREATE, { slug: 'gql-article', data: { ...aComment(), status: 'approved' } });
    expect(res.status).toBe(400);
    expect(firstError(res)?.message).toMatch(/"status" is not defined by type "CitedCommentInput"/);
  });

  it('answers CONFLICT for the same comment twice from the same sender', async () => {
    const ip = nextIp();
    const data = aComment();
    expect((await graphql(app, CREATE, { slug: 'gql-article', data }, { ip })).body.errors).toBeUndefined();
    const again = await graphql(app, CREATE, { slug: 'gql-article', data }, { ip });
    expect(firstError(again)).toMatchObject({ code: 'CONFLICT', message: 'You already posted this comment on this article.' });
  });

  it('answers TOO_MANY_REQUESTS with the retry delay once a sender is over its budget', async () => {
    setCommentOptions(app.strapi, { rateLimit: { points: 2, durationSeconds: 60 } });
    const ip = nextIp();
    for (let i = 0; i < 2; i += 1) {
      expect((await graphql(app, CREATE, { slug: 'gql-article', data: aComment() }, { ip })).body.errors).toBeUndefined();
    }
    const res = await graphql(app, CREATE, { slug: 'gql-article', data: aComment() }, { ip });
    const error = firstError(res)!;
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toMatch(/^Too many comments from your network\. Try again in \d+ seconds\.$/);
    expect(error.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(res.headers['retry-after']).toBe(String(error.extensions.retryAfterSeconds));
    // The budget is per sender: another address still may post.
    expect((await graphql(app, CREATE, { slug: 'gql-article', data: aComment() })).body.errors).toBeUndefined();
    // One budget for both APIs.
    expect((await postComment(app, 'gql-article', aComment(), ip)).status).toBe(429);
  });

  it('answers FORBIDDEN with the reason when comments are closed', async () => {
    const res = await graphql(app, CREATE, { slug: 'gql-closed', data: aComment() });
    expect(firstError(res)).toMatchObject({ code: 'FORBIDDEN', message: 'Comments are closed on this article.' });
  });

  it('answers NOT_FOUND for an article that is not published', async () => {
    const res = await graphql(app, CREATE, { slug: 'gql-none', data: aComment() });
    expect(firstError(res)).toMatchObject({ code: 'NOT_FOUND', message: 'No published article has the slug "gql-none".' });
  });

  it('stores a filled honeypot as spam and answers it like any pending comment', async () => {
    setCommentOptions(app.strapi, { moderation: 'post' });
    const res = await graphql(app, CREATE, { slug: 'gql-article', data: aComment({ homepage: 'https://spam.example' }) });
    expect(res.body.data.createArticleComment.status).toBe('pending');
    const stored: any = await app.strapi.documents(COMMENT_UID as any).findOne({ documentId: res.body.data.createArticleComment.documentId });
    expect(stored.status).toBe('spam');
  });

  it('holds a comment with too many links for moderation, as the REST route does', async () => {
    setCommentOptions(app.strapi, { moderation: 'post' });
    const content = 'See https://a.example https://b.example https://c.example';
    const res = await graphql(app, CREATE, { slug: 'gql-article', data: aComment({ content }) });
    expect(res.body.data.createArticleComment.status).toBe('pending');
  });
});

describe('reportComment', () => {
  let commentId: string;
  beforeAll(async () => {
    const comment = await createComment(app.strapi, {
      article: articleId,
      authorName: 'Rep',
      authorEmail: 'rep@example.org',
      content: 'Report me',
      status: 'approved',
      ipHash: 'r'.repeat(64),
    });
    commentId = comment.documentId;
  });

  it('counts one report per reporter', async () => {
    const ip = nextIp();
    const first = await graphql(app, REPORT, { documentId: commentId, reason: 'spam', details: 'Ads.' }, { ip });
    expect(first.body.data.reportComment).toEqual({ comment: commentId, reason: 'spam', counted: true });
    const again = await graphql(app, REPORT, { documentId: commentId, reason: 'abuse' }, { ip });
    expect(again.body.data.reportComment).toEqual({ comment: commentId, reason: 'abuse', counted: false });
  });

  it.each([
    [
      'an unknown reason',
      { reason: 'boring' },
      'BAD_USER_INPUT',
      'Invalid report. reason: reason must be one of spam, abuse, off-topic, misinformation, other',
    ],
    [
      'a bad documentId',
      { documentId: 'A-B' },
      'BAD_USER_INPUT',
      'Invalid comment documentId. documentId: documentId must be a documentId (letters and digits)',
    ],
    ['an unknown comment', { documentId: 'zzz999' }, 'NOT_FOUND', 'No published comment has the documentId "zzz999".'],
  ])('refuses %s', async (_name, change, code, message) => {
    const res = await graphql(app, REPORT, { documentId: commentId, reason: 'spam', ...change });
    expect(firstError(res)).toMatchObject({ code, message });
  });

  it('answers TOO_MANY_REQUESTS past the report budget', async () => {
    setCommentOptions(app.strapi, { reportRateLimit: { points: 1, durationSeconds: 60 } });
    try {
      const ip = nextIp();
      await graphql(app, REPORT, { documentId: commentId, reason: 'spam' }, { ip });
      const res = await graphql(app, REPORT, { documentId: commentId, reason: 'spam' }, { ip });
      expect(firstError(res)).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^Too many reports\./) });
      expect(firstError(res)!.extensions.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      setCommentOptions(app.strapi, { reportRateLimit: { points: 10, durationSeconds: 60 } });
    }
  });
});

describe('limits', () => {
  it('refuses a body over 100 kB before parsing it', async () => {
    const res = await graphql(app, CREATE, { slug: 'gql-article', data: aComment({ content: 'x'.repeat(200_000) }) });
    expect(res.status).toBe(413);
    expect(res.body.data?.createArticleComment).toBeUndefined();
  });

  it('refuses a query nested deeper than the depth limit before running it', async () => {
    let replies = 'documentId';
    for (let i = 0; i < 12; i += 1) replies = `documentId replies { ${replies} }`;
    const res = await graphql(app, `{ articleComments(slug: "gql-article") { data { ${replies} } } }`);
    expect(res.status).toBe(400);
    expect(firstError(res)?.message).toMatch(/exceeds maximum operation depth of 10/);
    expect(res.body.data).toBeUndefined();
  });
});
