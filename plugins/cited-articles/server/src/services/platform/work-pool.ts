import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { Piscina } from 'piscina';
import type { BodyIndex, JobInput, JobName, JobOutput } from '../../workers/jobs';
import type { WorkerOptions, WorkerTask } from '../../workers/worker';
import { workQueueFullError, workTooComplexError, workTooLargeError } from '../../utils/errors';
import { cacheSettings, workerSettings } from '../../utils/settings';

/** The worker pool's counters (tests and operators read them; they say nothing about content). */
export interface WorkPoolStats {
  threads: number;
  maxQueue: number;
  /** Jobs running or waiting now. */
  taken: number;
  /** Jobs a thread has started since the pool opened. */
  started: number;
  completed: number;
  open: boolean;
}

/**
 * The worker entry as the plugin's build writes it: the `./worker` export of package.json, built
 * beside the server bundle (dist/worker/index.js next to dist/server/index.js). Found from this
 * file's own place, so it is the same in this repository and in an app that installed the plugin.
 */
export const WORKER_FILE = path.resolve(__dirname, '..', 'worker', 'index.js');

const BODY_INDEX_ENTRIES = 1000;

const isOutOfMemory = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * The pool of worker threads (piscina) that does the plugin's CPU-heavy work: Markdown parsing and
 * rendering, citation resolution, whole-list CSL formatting and import parsing. Strapi's event loop
 * only waits for the answer, so a reader is served while an editor's 300 kB body is worked on.
 *
 * Bounded twice: at most `threads + maxQueue` jobs are taken (one more answers 503 with
 * Retry-After), and each job may work for `timeoutMs` from the moment a thread starts it (time in
 * the queue does not count); a job over it is stopped (piscina ends its thread and starts another)
 * and its request answers 422 before anything is written.
 */
export const createWorkPool = ({ strapi }: { strapi: Core.Strapi }) => {
  let pool: Piscina | null = null;
  let threads = 0;
  let maxQueue = 0;
  let taken = 0;
  let started = 0;
  let closed = false;

  // What a body cites, by hash of the body: asked on every read of an article and before every
  // save, it is parsed once per version of the text and then answered here, without a thread hop.
  const bodyIndexes = new LRUCache<string, BodyIndex>({ max: BODY_INDEX_ENTRIES });
  const hash = (text: string) => crypto.createHash('sha256').update(text).digest('base64');

  const open = (): Piscina => {
    if (pool) return pool;
    if (closed) throw new Error('[cited-articles] the worker pool is shut down');
    if (!fs.existsSync(WORKER_FILE)) throw new Error(`[cited-articles] the worker script ${WORKER_FILE} is missing; build the plugin`);
    const settings = workerSettings(strapi);
    threads = settings.threads ?? Math.max(1, os.availableParallelism() - 1);
    maxQueue = settings.maxQueue;
    // No queue limit in piscina: the plugin counts what it takes itself (run), so that its own
    // bound answers first, with the 503 the README describes.
    const workerData: WorkerOptions = { warmUpStyles: cacheSettings(strapi).warmUpStyles };
    pool = new Piscina({
      filename: WORKER_FILE,
      minThreads: threads,
      maxThreads: threads,
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: settings.maxMemoryMb },
    });
    return pool;
  };

  /** Retry-After: a queued job is answered within the budget of those ahead of it, at worst. */
  const refuseFull = (timeoutMs: number): never => {
    const retryAfterSeconds = Math.max(1, Math.ceil(timeoutMs / 1000));
    strapi.requestContext.get()?.set('Retry-After', String(retryAfterSeconds));
    throw workQueueFullError(retryAfterSeconds);
  };

  /**
   * Runs a job of workers/jobs.ts in a worker thread within the budget. Throws the 422 (over
   * `workers.timeoutMs`, naming `what` was too complex) or the 503 (queue full, with Retry-After).
   */
  const run = async <Name extends JobName>(job: Name, input: JobInput<Name>, what: string): Promise<JobOutput<Name>> => {
    const workers = open();
    const { timeoutMs } = workerSettings(strapi);
    if (taken >= threads + maxQueue) refuseFull(timeoutMs);
    taken += 1;
    const controller = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let budget: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      started += 1;
      budget = setTimeout(() => controller.abort(), timeoutMs);
    });
    try {
      const task: WorkerTask = { job, input, started: port2 };
      return (await workers.run(task, { transferList: [port2], signal: controller.signal })) as JobOutput<Name>;
    } catch (error) {
      if (controller.signal.aborted) throw workTooComplexError(what, timeoutMs);
      // The thread reached its heap cap (resourceLimits): Node ends it, piscina starts another.
      if (isOutOfMemory(error)) throw workTooLargeError(what, workerSettings(strapi).maxMemoryMb);
      if (error instanceof Error && /queue is at limit|No task queue available/.test(error.message)) refuseFull(timeoutMs);
      throw error;
    } finally {
      taken -= 1;
      clearTimeout(budget);
      port1.close();
    }
  };

  return {
    /** Runs a job of workers/jobs.ts in a worker thread within the budget (422 past it, 503 when the queue is full). */
    runJob: run,

    /** What a body cites, from memory for a body already seen, else parsed in a worker. */
    async bodyIndex(body: string, what: string): Promise<BodyIndex> {
      const key = hash(body);
      const known = bodyIndexes.get(key);
      if (known) return known;
      const index = await run('bodyIndex', body, what);
      bodyIndexes.set(key, index);
      return index;
    },

    /** The threads running now (tests watch them end with Strapi). */
    liveThreads() {
      return pool ? [...pool.threads] : [];
    },

    workPoolStats(): WorkPoolStats {
      return { threads, maxQueue, taken, started, completed: pool?.completed ?? 0, open: pool !== null };
    },

    /** Ends the threads with Strapi (destroy.ts); a job still running is stopped. */
    async destroy() {
      closed = true;
      const current = pool;
      pool = null;
      if (current) await current.destroy();
    },
  };
};
