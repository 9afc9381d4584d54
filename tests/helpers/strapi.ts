/**
 * Boots the real app (compiled once by the global setup) on a fresh database for one test file.
 *
 *   const app = setupStrapi();          // at the top of a test file: registers beforeAll/afterAll
 *   request(app.server)...              // supertest against strapi.server.httpServer
 */
import path from 'path';
import type { Core } from '@strapi/strapi';
import { freshSecrets } from '../../scripts/ensure-env';
import { createTestDatabase, type TestDatabase } from './test-database';

export const APP_DIR = path.resolve(__dirname, '..', '..');
export const DIST_DIR = path.join(APP_DIR, 'dist');

export interface BootOptions {
  /** Create the demo content at bootstrap (off by default: tests make their own content). */
  seed?: boolean;
  /** Extra environment for this boot. */
  env?: Record<string, string>;
  /** Runs on the created instance before register and bootstrap, e.g. to watch its startup log. */
  beforeLoad?: (strapi: Core.Strapi) => void;
}

export interface TestApp {
  strapi: Core.Strapi;
  server: any;
  database: TestDatabase;
}

export async function bootStrapi(options: BootOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  Object.assign(process.env, {
    ...freshSecrets(),
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL || 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    CITED_ARTICLES_SEED: options.seed ? 'true' : 'false',
    // No scheduled link check during tests: they run it through its route.
    CITED_ARTICLES_LINK_CHECK_CRON: 'off',
    // Building every CSL engine after each boot costs seconds of CPU per test file; the test of
    // the warm-up turns it on.
    CITED_ARTICLES_WARM_UP_STYLES: 'false',
    // So the first styled request builds its CSL engine in a worker, which on a CI machine running
    // two test files at once took over the default 5 s budget and answered 422. The budget itself
    // is tested by setting it (tests/api/worker-budget.test.ts).
    CITED_ARTICLES_WORKER_TIMEOUT_MS: '30000',
    ...database.env,
    ...options.env,
  });

  const { createStrapi } = await import('@strapi/strapi');
  const created: Core.Strapi = createStrapi({
    appDir: APP_DIR,
    distDir: DIST_DIR,
    autoReload: false,
    serveAdminPanel: false,
  });
  options.beforeLoad?.(created);
  const strapi: Core.Strapi = await created.load();
  strapi.server.mount();
  return { strapi, server: strapi.server.httpServer, database };
}

/**
 * Strapi's document service emits entry events after commit without awaiting them, and each one
 * re-reads the entry with a deep populate. A query that asks the pool for a connection after
 * destroy() waits out the whole acquire timeout and then fails the test file, so stopping first
 * waits (up to 10 s) for the pool to stay idle for a few ticks.
 */
async function waitForIdlePool(strapi: Core.Strapi) {
  const pool = (strapi.db?.connection as any)?.client?.pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + 10_000;
  let idleTicks = 0;
  while (idleTicks < 5 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    idleTicks = busy() ? 0 : idleTicks + 1;
  }
}

export async function stopStrapi(app: TestApp | undefined) {
  if (!app) return;
  await waitForIdlePool(app.strapi);
  await app.strapi.destroy();
  await app.database.drop();
}

/** Registers beforeAll/afterAll for a test file and returns a handle filled once Strapi is up. */
export function setupStrapi(options: BootOptions = {}) {
  const handle = {} as TestApp;
  beforeAll(async () => {
    Object.assign(handle, await bootStrapi(options));
  });
  afterAll(async () => {
    await stopStrapi(handle.strapi ? handle : undefined);
  });
  return handle;
}
