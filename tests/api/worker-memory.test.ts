/**
 * A worker thread's heap is capped (`workers.maxMemoryMb`, Node's resourceLimits): Markdown parsing
 * keeps every token of a body alive, so a dense body grows a thread's heap by gigabytes before its
 * time budget runs out. A job that reaches the cap answers 422 naming that limit, writes nothing,
 * and the pool goes on with a new thread. The smallest cap the option allows and a generous time
 * budget, so the memory cap is the one reached.
 */
import request from 'supertest';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { createSource } from '../helpers/content';

const ENV = { CITED_ARTICLES_WORKER_THREADS: '1', CITED_ARTICLES_WORKER_MAX_MEMORY_MB: '128', CITED_ARTICLES_WORKER_TIMEOUT_MS: '60000' };
const PREVIEW = '/cited-articles/preview';

let app: TestApp;
let admin: AdminSession;
let sourceId: string;

beforeAll(async () => {
  app = await bootStrapi({ env: ENV });
  // Read at boot: the next test files of this jest worker keep the defaults.
  for (const name of Object.keys(ENV)) delete process.env[name];
  admin = await createAdmin(app);
  sourceId = (await createSource(admin, { title: 'Dense source', key: 'dense-source', url: 'https://example.com/dense' })).documentId;
});

afterAll(async () => {
  await stopStrapi(app);
});

describe('the worker threads’ memory cap', () => {
  it('answers 422 naming workers.maxMemoryMb when a body needs more heap, then serves the next preview', async () => {
    // ~990 kB of markers on one line: over a gigabyte of parser state, far past 128 MB.
    const dense = `Fact [1] `.repeat(110_000);
    const refused = await admin.post(PREVIEW).send({ body: dense, citations: [sourceId] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('128 MB of memory (the plugin option workers.maxMemoryMb); nothing was written');
    expect(refused.body.error.details).toEqual({ limit: 'workers.maxMemoryMb', maxMemoryMb: 128 });

    const next = await admin.post(PREVIEW).send({ body: 'A claim [1].', citations: [sourceId] });
    expect(next.status).toBe(200);
    expect(next.body.data.references[0].formatted).toContain('Dense source');
  });

  it('keeps serving readers after a thread was ended for its memory', async () => {
    const res = await request(app.server).get('/_health');
    expect(res.status).toBeLessThan(300);
  });
});
