/**
 * Content that must survive an upgrade or a `strapi export` / `strapi import`, written and read
 * through the routes the admin panel and a frontend use, so the same code works on an app in this
 * process (its http.Server) and on one in a child process (its URL), of this release or an older one.
 *
 *   const admin = await adminSession(target);      // registers the first admin, or logs in
 *   await writeKeptContent(target, admin);          // sources, articles, a moderated comment thread
 *   const before = await snapshotContent(target, admin);
 *   ... upgrade / transfer ...
 *   expect(await snapshotContent(other, otherAdmin)).toEqual(before);
 */
import { spawn } from 'child_process';
import path from 'path';
import request from 'supertest';
import type { AdminSession } from './admin';
import { bootStrapi, stopStrapi, type BootOptions, type TestApp } from './strapi';
import type { TestDatabase } from './test-database';
import { ARTICLE_UID, SOURCE_UID, createArticle, createSource, updateArticle } from './content';

/** An http.Server (this process) or a base URL (a child process). */
export type Target = Parameters<typeof request>[0];

const ADMIN = { email: 'kept-admin@example.org', password: 'Correct-horse-1', firstname: 'Kept', lastname: 'Admin' };

const session = (target: Target, token: string): AdminSession => {
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
  return {
    token,
    user: { id: 0, email: ADMIN.email },
    get: (url) => auth(request(target).get(url)),
    post: (url) => auth(request(target).post(url)),
    put: (url) => auth(request(target).put(url)),
    del: (url) => auth(request(target).delete(url)),
  };
};

/**
 * The first admin of an empty app (POST /admin/register-admin, as the welcome screen does), or a
 * login as that admin where it already exists (an upgraded database keeps its admins; Strapi's
 * transfer does not carry admin users, so an imported app has none).
 */
export async function adminSession(target: Target): Promise<AdminSession> {
  const registered = await request(target).post('/admin/register-admin').send(ADMIN);
  if (registered.status === 200 || registered.status === 201) return session(target, registered.body.data.token);
  const login = await request(target).post('/admin/login').send({ email: ADMIN.email, password: ADMIN.password });
  if (login.status !== 200) throw new Error(`admin: register ${registered.status}, login ${login.status} ${JSON.stringify(login.body)}`);
  return session(target, login.body.data.token);
}

let sender = 0;
const postComment = (target: Target, slug: string, body: Record<string, unknown>) => {
  sender += 1;
  return request(target)
    .post(`/api/cited-articles/articles/${slug}/comments`)
    .set('X-Forwarded-For', `10.24.${sender >> 8}.${sender & 255}`)
    .send({ authorEmail: `reader${sender}@example.org`, ...body });
};

const created = (res: request.Response, what: string) => {
  if (res.status !== 200 && res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

/** Keys out of alphabetical order, so an order that falls back to keys or ids shows. */
export const CITED_KEYS = ['zeta-report', 'alpha-study', 'mid-survey'];

/**
 * The sources of the kept content as this release writes them: CSL names (persons with particles
 * and suffixes, organisations, editors, translators), the outlet as containerTitle, partial dates.
 */
export const KEPT_SOURCES: Record<string, Record<string, unknown>> = {
  'zeta-report': {
    title: 'Zeta report on mines',
    authors: [{ literal: 'World Health Organization' }],
    publisher: 'Zeta Press',
    publisherPlace: 'Geneva',
    number: 'WHO/MIN/23.1',
    url: 'https://example.org/zeta',
    type: 'report',
    publishedDate: '2023-02',
  },
  'alpha-study': {
    title: 'Alpha study of rescues',
    authors: [
      { family: 'Doe', given: 'Jane' },
      { family: 'Berg', given: 'Anna', 'non-dropping-particle': 'van den' },
      { family: 'King', given: 'Martin', suffix: 'Jr.' },
    ],
    containerTitle: 'Alpha Journal',
    volume: '12',
    issue: '3',
    pages: '45-67',
    doi: '10.1234/alpha.1',
    type: 'journal',
    publishedDate: '2021-05-01',
  },
  'mid-survey': { title: 'Mid survey', containerTitle: 'Survey Office', url: 'https://example.org/mid', type: 'web', accessedDate: '2024-01-31' },
  'unused-book': {
    title: 'A book nobody cites yet',
    editors: [{ family: 'Quist', given: 'Ada' }],
    translators: [{ family: 'Tran', given: 'Lee' }],
    publisher: 'Quiet House',
    edition: '2',
    isbn: '978-3-16-148410-0',
    type: 'book',
    publishedDate: '2004',
  },
};

/**
 * The same sources as the previous release (0.2.0) wrote them: authors as strings, the outlet of
 * news, web and journal sources in `publisher`, full dates only. Plus a news report, to show the
 * outlet move on each type it applies to.
 */
export const PREVIOUS_RELEASE_SOURCES: Record<string, Record<string, unknown>> = {
  'zeta-report': {
    title: 'Zeta report on mines',
    authors: ['{World Health Organization}'],
    publisher: 'Zeta Press',
    url: 'https://example.org/zeta',
    type: 'report',
    publishedDate: '2023-02-22',
  },
  'alpha-study': {
    title: 'Alpha study of rescues',
    authors: ['Doe, Jane', 'John Q. Public'],
    publisher: 'Alpha Journal',
    doi: '10.1234/alpha.1',
    type: 'journal',
    publishedDate: '2021-05-01',
    accessedDate: '2024-02-29',
  },
  'mid-survey': { title: 'Mid survey', publisher: 'Survey Office', url: 'https://example.org/mid', type: 'web', accessedDate: '2024-01-31' },
  'unused-book': { title: 'A book nobody cites yet', authors: ['Ada Quist'], publisher: 'Quiet House', type: 'book', publishedDate: '1999-12-31' },
  'daily-news': {
    title: 'Mine rescue ends',
    authors: ['Lane, Lois', 'Jimmy Olsen'],
    publisher: 'The Daily Planet',
    type: 'news',
    publishedDate: '2023-03-01',
  },
};

/**
 * What this release must show of PREVIOUS_RELEASE_SOURCES after the upgrade: names as CSL names,
 * outlets as containerTitle, dates as 'YYYY-MM-DD' text; every other field as it was.
 */
export const UPGRADED_SOURCES: Record<string, Record<string, unknown>> = {
  'zeta-report': { authors: [{ literal: 'World Health Organization' }], publisher: 'Zeta Press', containerTitle: null, publishedDate: '2023-02-22' },
  'alpha-study': {
    authors: [
      { family: 'Doe', given: 'Jane' },
      { given: 'John Q.', family: 'Public' },
    ],
    publisher: null,
    containerTitle: 'Alpha Journal',
    publishedDate: '2021-05-01',
    accessedDate: '2024-02-29',
  },
  'mid-survey': { authors: null, publisher: null, containerTitle: 'Survey Office', accessedDate: '2024-01-31' },
  'unused-book': { authors: [{ given: 'Ada', family: 'Quist' }], publisher: 'Quiet House', containerTitle: null, publishedDate: '1999-12-31' },
  'daily-news': {
    authors: [
      { family: 'Lane', given: 'Lois' },
      { given: 'Jimmy', family: 'Olsen' },
    ],
    publisher: null,
    containerTitle: 'The Daily Planet',
    publishedDate: '2023-03-01',
    // The upgrade test clears this source's type before upgrading (a row from before the default).
    type: null,
  },
};

/**
 * Writes: the sources given (three cited, the others not), a published article citing three of
 * them in a non-alphabetical order with positional and key markers, a draft article, and a comment
 * thread three deep under pre-moderation with every moderation state, a reader's report and a staff
 * reply. The app must run with IS_PROXIED=true (each comment comes from its own address).
 */
export async function writeKeptContent(target: Target, admin: AdminSession, fields: Record<string, Record<string, unknown>> = KEPT_SOURCES) {
  const sources: Record<string, { documentId: string }> = {};
  for (const [key, data] of Object.entries(fields)) sources[key] = await createSource(admin, { key, ...data });

  const article = await createArticle(admin, {
    title: 'Kept through upgrades',
    slug: 'kept-through-upgrades',
    summary: 'An article whose citations and comments must survive.',
    body: 'First claim [1]. Second claim [2], again [1]. By key [@mid-survey] and by number [3].\n\nLast paragraph [2].',
    citations: CITED_KEYS.map((key) => sources[key].documentId),
  });
  await createArticle(admin, {
    title: 'A draft in progress',
    slug: 'draft-in-progress',
    body: 'Not yet published [1].',
    citations: [sources['alpha-study'].documentId],
    publish: false,
  });
  // A published article whose draft was edited afterwards: both versions must be kept.
  const edited = await createArticle(admin, {
    title: 'Edited after publishing',
    slug: 'edited-after',
    body: 'Published text [1].',
    citations: [sources['zeta-report'].documentId],
  });
  await updateArticle(admin, edited.documentId, { body: 'Draft text, changed since [1].' });

  const slug = article.slug as string;
  const moderate = async (documentIds: string[], status: string) =>
    created(await admin.post('/cited-articles/comments/actions/moderate').send({ documentIds, status }), `moderate ${status}`);
  const comment = async (body: Record<string, unknown>) => created(await postComment(target, slug, body), 'post comment');

  const root = await comment({ authorName: 'Ada', content: 'The zeta report is the one that matters.' });
  const second = await comment({ authorName: 'Grace', content: 'A second thread, left waiting.' });
  await moderate([root.documentId], 'approved');
  const reply = await comment({ authorName: 'Linus', content: 'Replying to Ada: agreed.', parent: root.documentId });
  await moderate([reply.documentId], 'approved');
  const deep = await comment({ authorName: 'Barbara', content: 'A reply to the reply, two deep.', parent: reply.documentId });
  await moderate([deep.documentId], 'approved');
  const rejected = await comment({ authorName: 'Troll', content: 'Off topic ramble about nothing.', parent: root.documentId });
  await moderate([rejected.documentId], 'rejected');
  const spam = await comment({ authorName: 'Spammer', content: 'Buy cheap watches today.' });
  await moderate([spam.documentId], 'spam');
  created(await admin.post(`/cited-articles/comments/${root.documentId}/reply`).send({ content: 'From the newsroom: thanks, Ada.' }), 'staff reply');
  sender += 1;
  created(
    await request(target)
      .post(`/api/cited-articles/comments/${reply.documentId}/report`)
      .set('X-Forwarded-For', `10.25.0.${sender & 255}`)
      .send({ reason: 'off-topic', details: 'Not about the article.' }),
    'report'
  );
  return { slug, pending: second.documentId };
}

const byKey = <T extends Record<string, any>>(rows: T[], key: keyof T) => [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

/**
 * Leaves out what a copy or an upgrade may change without losing content: row ids, the time of the
 * last write, and the admin users who wrote an entry (createdBy/updatedBy: Strapi's transfer does
 * not carry admin users, so an imported entry has none; see docs/decisions.md).
 */
const withoutVolatile = ({ id, updatedAt, createdBy, updatedBy, ...rest }: Record<string, any>) => rest;

/**
 * What the content is, as the admin and the public see it: every article version (draft and
 * published) with its citation list in order, every source, every comment of every status with its
 * thread, moderation fields and reports, and the public answers (resolved article, thread).
 */
export async function snapshotContent(target: Target, admin: AdminSession) {
  const ok = (answer: request.Response, what: string) => {
    if (answer.status !== 200) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const read = async (test: request.Test, what: string) => ok(await test, what);
  const CM = '/content-manager/collection-types';

  const sources = await read(admin.get(`${CM}/${SOURCE_UID}?page=1&pageSize=100&sort=key:ASC`), 'source list');
  const keyOf = new Map<string, string>(sources.results.map((source: any) => [source.documentId, source.key]));
  const list = await read(admin.get(`${CM}/${ARTICLE_UID}?page=1&pageSize=100&sort=slug:ASC`), 'article list');
  const articles = [];
  for (const entry of list.results) {
    const versions: Record<string, unknown> = {};
    for (const status of ['draft', 'published']) {
      const one = await admin.get(`${CM}/${ARTICLE_UID}/${entry.documentId}?status=${status}`);
      if (one.status === 404) continue;
      const { title, slug, summary, body, numberingStart, commentsEnabled, locale, publishedAt, documentId } = ok(one, 'article').data;
      // The Content Manager answers the draft when there is no published version.
      if (status === 'published' && !publishedAt) continue;
      const citations = await read(
        admin.get(`/content-manager/relations/${ARTICLE_UID}/${entry.documentId}/citations?page=1&pageSize=100&status=${status}&locale=${locale}`),
        'citations'
      );
      versions[status] = {
        documentId,
        title,
        slug,
        summary,
        body,
        numberingStart,
        commentsEnabled,
        locale,
        published: Boolean(publishedAt),
        // The Content Manager lists a relation last first (ordering: 'desc', for its "load more").
        citations: [...citations.results].reverse().map((source: any) => keyOf.get(source.documentId) ?? source.documentId),
      };
    }
    articles.push(versions);
  }

  const comments = await read(admin.get('/cited-articles/comments?page=1&pageSize=100&sort=oldest'), 'comments');
  const details = [];
  for (const comment of byKey(comments.data as any[], 'content')) {
    const { data } = await read(admin.get(`/cited-articles/comments/${comment.documentId}`), 'comment detail');
    details.push({ ...withoutVolatile(data), thread: data.thread.map(withoutVolatile), reports: data.reports });
  }

  const published = await read(request(target).get('/api/cited-articles/articles?page=1&pageSize=100'), 'public article list');
  const resolved = [];
  for (const article of byKey(published.data as any[], 'slug')) {
    resolved.push({
      article: await read(request(target).get(`/api/cited-articles/articles/${article.slug}`), 'resolved article'),
      comments: await read(request(target).get(`/api/cited-articles/articles/${article.slug}/comments`), 'public comments'),
    });
  }

  return {
    articles,
    sources: sources.results.map(withoutVolatile),
    comments: details,
    counts: comments.meta.counts,
    // The list counts references from the private referenceTargets each article stores.
    publicList: published,
    public: resolved,
  };
}

/**
 * Runs Strapi's CLI (`strapi export …`, `strapi import …`) in a child process with this environment
 * (tests/helpers/strapi-cli-main.js); resolves with its output, rejects with it on a non-zero exit.
 */
export function runStrapiCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'strapi-cli-main.js'), ...args], { env: { ...env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`strapi ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

/**
 * Boots the app on an existing database (its settings override the fresh one bootStrapi makes,
 * which stays unused and is dropped by stopStrapi).
 */
export const bootOnDatabase = (database: TestDatabase, options: BootOptions = {}) =>
  bootStrapi({ ...options, env: { ...options.env, ...database.env } });

/** Stops the app and keeps its database, for a next boot, a CLI run or an upgrade. */
export const stopKeepingDatabase = (app: TestApp) => stopStrapi({ ...app, database: { ...app.database, drop: async () => {} } });
