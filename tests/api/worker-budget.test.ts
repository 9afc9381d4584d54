/**
 * Heavy work runs in the plugin's worker threads (services/platform/work-pool.ts), within a budget: a job
 * over `workers.timeoutMs` answers 422 and writes nothing, a full queue answers 503 with
 * Retry-After, a reader is answered while a worst-case preview is being worked on, and the threads
 * end with Strapi. One thread and no queue (the environment below), so the bounds are reached by
 * two requests.
 */
import request from 'supertest';
import type { Worker } from 'node:worker_threads';
import { readdirSync, readFileSync } from 'node:fs';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { ARTICLE_UID, createArticle, createSource, SOURCE_UID } from '../helpers/content';
import { firstError, graphql } from '../helpers/graphql';

const ENV = { CITED_ARTICLES_WORKER_THREADS: '1', CITED_ARTICLES_WORKER_MAX_QUEUE: '0' };
const PREVIEW = '/cited-articles/preview';
const CM = '/content-manager/collection-types';

let app: TestApp;
let stopped = false;
let admin: AdminSession;
let sourceId: string;

const pool = () => (app.strapi as any).plugin('cited-articles').service('platform');
const setBudget = (ms: number) => app.strapi.config.set('plugin::cited-articles.workers.timeoutMs', ms);
// Between the tests that lower it: room for this file's heavy saves on a busy machine (they take
// seconds), so that only the tests that set 1 ms meet the limit.
const ROOMY_MS = 30_000;

/**
 * A pasted body of ~90 kB of markers: seconds of work on this engine, far more than a reader's
 * request. The budget is raised where it must be finished, lowered to 1 ms where it must not.
 */
const heavyBody = (salt: string) => `${salt} ${'Claim [1] and [@heavy-source]. '.repeat(3_000)}`;

/** Resolves once the pool has started `count` more jobs than `from` and one is still running. */
const jobsStarted = async (from: number, count: number) => {
  for (;;) {
    const stats = pool().workPoolStats();
    if (stats.started >= from + count && stats.taken > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

beforeAll(async () => {
  app = await bootStrapi({ env: ENV });
  // Read at boot: the next test files of this jest worker keep the defaults.
  for (const name of Object.keys(ENV)) delete process.env[name];
  admin = await createAdmin(app);
  sourceId = (await createSource(admin, { title: 'Heavy source', key: 'heavy-source', url: 'https://example.com/heavy' })).documentId;
});

afterAll(async () => {
  if (!stopped) await stopStrapi(app);
});

afterEach(() => setBudget(ROOMY_MS));

describe('the worker pool', () => {
  it('is sized by its options and resolves a preview in a worker thread', async () => {
    const before = pool().workPoolStats().started;
    const res = await admin.post(PREVIEW).send({ body: 'A claim [1].', citations: [sourceId] });
    expect(res.status).toBe(200);
    expect(res.body.data.references[0].formatted).toContain('Heavy source');
    expect(res.body.data.bodyHtml).toContain('<sup id="cite-1-a">');
    expect(pool().workPoolStats()).toMatchObject({ threads: 1, maxQueue: 0, open: true });
    expect(pool().workPoolStats().started).toBeGreaterThan(before);
  });

  it('runs its threads at the lowest CPU priority, and leaves the main thread as it was', async () => {
    // Linux keeps a nice value per thread (field 19 of /proc/<pid>/task/<tid>/stat): the worker
    // thread lowers its own, so that Strapi's main thread (every reader's request) wins a busy core.
    const niceOf = (tid: string) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // The command name, in parentheses, may hold spaces: count the fields after it.
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const res = await admin.post(PREVIEW).send({ body: 'A claim [1] again.', citations: [sourceId] });
    expect(res.status).toBe(200);
    const threads = readdirSync('/proc/self/task');
    const lowest = threads.filter((tid) => niceOf(tid) === 19);
    expect(lowest.length).toBeGreaterThanOrEqual(pool().workPoolStats().threads);
    expect(niceOf(String(process.pid))).toBe(0);
  });

  it('formats with a style registered at runtime on the main thread, between two worker jobs', async () => {
    const styles = (app.strapi as any).plugin('cited-articles').service('references');
    styles.registerStyle({
      id: 'shouting',
      label: 'Titles in capitals',
      kind: 'builtin',
      locales: () => ['en-US'],
      format: (sources: Array<{ title: string }>) => sources.map((source) => source.title.toUpperCase()),
    });
    const res = await admin.post(PREVIEW).send({ body: 'A claim [1].', citations: [sourceId], style: 'shouting' });
    expect(res.status).toBe(200);
    expect(res.body.data.references[0].formatted).toBe('HEAVY SOURCE');
    expect(res.body.data.bodyHtml).toContain('HEAVY SOURCE');
  });

  it('answers 422 to a preview over the work budget, saying which limit, and recovers', async () => {
    setBudget(1);
    const res = await admin.post(PREVIEW).send({ body: heavyBody('over budget'), citations: [sourceId] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ data: null, error: { status: 422, name: 'UnprocessableEntityError' } });
    expect(res.body.error.message).toMatch(/too complex to process within the limit of 1 ms/);
    expect(res.body.error.message).toMatch(/workers\.timeoutMs/);
    expect(res.body.error.message).toMatch(/nothing was written/);
    expect(res.body.error.details).toEqual({ limit: 'workers.timeoutMs', timeoutMs: 1 });

    // The stopped thread was replaced: the next preview is worked on as usual.
    setBudget(ROOMY_MS);
    const next = await admin.post(PREVIEW).send({ body: 'Again [1].', citations: [sourceId] });
    expect(next.status).toBe(200);
  });

  it('answers 422 to a Content Manager save over the budget and leaves the article unchanged', async () => {
    const { documentId } = await createArticle(admin, { title: 'Kept', slug: 'kept', body: 'Before [@heavy-source].', publish: false });
    const before = (await admin.get(`${CM}/${ARTICLE_UID}/${documentId}`)).body.data;
    setBudget(1);
    const res = await admin.put(`${CM}/${ARTICLE_UID}/${documentId}`).send({ body: heavyBody('save') });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/This article is too complex to process within the limit/);
    setBudget(ROOMY_MS);

    const read = await admin.get(`${CM}/${ARTICLE_UID}/${documentId}`);
    expect(read.status).toBe(200);
    expect(read.body.data.body).toBe('Before [@heavy-source].');
    expect(read.body.data.updatedAt).toBe(before.updatedAt);
  });

  it('answers 422 to an import over the budget and creates no source', async () => {
    const before = await app.strapi.db.query(SOURCE_UID).count();
    const entries = Array.from({ length: 400 }, (_, i) => `@article{key${i}, title={Title ${i}}, author={Doe, Jane}, year={2020}}`).join('\n');
    setBudget(1);
    const res = await admin.post('/cited-articles/sources/import').send({ content: entries, format: 'bibtex' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/This file is too complex to process within the limit/);
    expect(await app.strapi.db.query(SOURCE_UID).count()).toBe(before);
  });

  it('answers a GraphQL read over the budget with UNPROCESSABLE_CONTENT', async () => {
    // Saved and published within the default budget; never read, so its first read resolves it.
    await createArticle(admin, { title: 'Long', slug: 'long-read', body: heavyBody('graphql'), citations: [sourceId] });
    setBudget(1);
    const res = await graphql(app, '{ citedArticle(slug: "long-read") { title bodyHtml } }');
    expect(firstError(res)).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      message: expect.stringMatching(/too complex to process within the limit of 1 ms/),
    });
    setBudget(60_000);
    const again = await graphql(app, '{ citedArticle(slug: "long-read") { title } }');
    expect(firstError(again)).toBeNull();
    expect(again.body.data.citedArticle.title).toBe('Long');
  });

  it('answers a REST read over the budget with a 422 that no cache may keep', async () => {
    await createArticle(admin, { title: 'Long REST', slug: 'long-rest-read', body: heavyBody('rest'), citations: [sourceId] });
    setBudget(1);
    const res = await request(app.server).get('/api/cited-articles/articles/long-rest-read?format=html');
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/too complex to process within the limit of 1 ms/);
    // The article's public headers are set before the work; a refusal must not carry them.
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['surrogate-key']).toBeUndefined();
    setBudget(60_000);
    const again = await request(app.server).get('/api/cited-articles/articles/long-rest-read?format=html');
    expect(again.status).toBe(200);
    expect(again.headers['cache-control']).toMatch(/^public/);
  });

  it('answers 503 with Retry-After when every thread is busy and the queue is full', async () => {
    setBudget(60_000);
    const from = pool().workPoolStats().started;
    const first = admin
      .post(PREVIEW)
      .send({ body: heavyBody('first'), citations: [sourceId] })
      .then((res) => res);
    // The first preview's parse and its resolution have started, the second is still working.
    await jobsStarted(from, 2);
    const refused = await admin.post(PREVIEW).send({ body: 'Short [1].', citations: [sourceId] });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body).toMatchObject({ data: null, error: { status: 503, name: 'ServiceUnavailableError' } });
    expect(refused.body.error.message).toMatch(/busy.*nothing was written.*Try again in 60 seconds/);
    expect((await first).status).toBe(200);
  });

  it('answers a reader of a cached article and the health check while a worst-case preview is worked on', async () => {
    await createArticle(admin, { title: 'Read', slug: 'read-me', body: 'Read [@heavy-source].' });
    const url = '/api/cited-articles/articles/read-me';
    expect((await request(app.server).get(url)).status).toBe(200);

    setBudget(60_000);
    const from = pool().workPoolStats().started;
    const finished: string[] = [];
    const preview = admin
      .post(PREVIEW)
      .send({ body: heavyBody('worst case'), citations: [sourceId] })
      .then((res) => {
        finished.push('preview');
        return res;
      });
    await jobsStarted(from, 2);
    const startedBeforeReads = pool().workPoolStats().started;

    const reader = await request(app.server).get(url);
    finished.push('reader');
    const health = await request(app.server).get('/_health');
    finished.push('health');
    // A cached read costs no worker job: it was answered on the main thread, without waiting.
    expect(pool().workPoolStats().started).toBe(startedBeforeReads);

    expect((await preview).status).toBe(200);
    expect(reader.status).toBe(200);
    expect(reader.body.data.references[0].source.key).toBe('heavy-source');
    expect(health.status).toBe(204);
    expect(finished).toEqual(['reader', 'health', 'preview']);
  });

  it('ends its threads with Strapi', async () => {
    const threads: Worker[] = pool().liveThreads();
    expect(threads.length).toBe(1);
    const exited = threads.map((thread) => new Promise((resolve) => thread.once('exit', resolve)));
    const service = pool();
    stopped = true;
    await stopStrapi(app);
    await Promise.all(exited);
    expect(service.workPoolStats().open).toBe(false);
    expect(service.liveThreads()).toEqual([]);
  });
});
