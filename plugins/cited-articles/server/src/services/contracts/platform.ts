// What the plugin borrows from its surroundings: locales, email, outbound HTTP, a cluster-wide lock.
import type { SafeFetchOptions, SafeResponse } from '../../outbound/safe-fetch';
import type { Worker } from 'node:worker_threads';
import type { BodyIndex, JobInput, JobName, JobOutput } from '../../workers/jobs';

export interface ContentLocalesService {
  resolve(requested?: string | null): Promise<string>;
  codes(): Promise<string[]>;
  assertKnown(locale: string): Promise<void>;
  articleNotFound(article: { slug: string; locale: string; status: 'published' | 'draft' }): Promise<Error>;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface MailerService {
  /** Queues a mail; returns at once. */
  send(mail: Mail): void;
  /** Sends a mail now, retried as `send` does; resolves once the server accepted it, rejects after the last attempt. */
  deliver(mail: Mail): Promise<void>;
  destroy(): Promise<void>;
}

/** Name resolution and the address rule, replaceable by tests. */
export type TestNetwork = Pick<SafeFetchOptions, 'lookup' | 'isForbidden'>;

export interface OutboundService {
  useTestNetwork(replacement: TestNetwork): void;
  fetch(url: string, options?: Omit<SafeFetchOptions, 'allowPrivateHosts'>): Promise<SafeResponse>;
  /** The parsed JSON answer (any JSON: callers check its shape), or null for a 404 or 410. */
  json(url: string, service: string, headers?: Record<string, string>): Promise<unknown>;
}

export type Release = () => Promise<void>;

export interface TaskLockService {
  /** A function that releases the lock, or null when another holder has it. */
  acquire(name: string, ttlMs: number): Promise<Release | null>;
  acquireInRedis(url: string, key: string, holder: string, ttlMs: number): Promise<Release | null>;
  acquireInDatabase(name: string, holder: string, ttlMs: number): Promise<Release | null>;
}

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

export interface WorkPoolService {
  /**
   * Runs a job of workers/jobs.ts in a worker thread within the budget. Throws the 422 (over
   * `workers.timeoutMs`, naming `what` was too complex) or the 503 (queue full, with Retry-After).
   */
  run<Name extends JobName>(job: Name, input: JobInput<Name>, what: string): Promise<JobOutput<Name>>;
  /** What a body cites, from memory for a body already seen, else parsed in a worker. */
  bodyIndex(body: string, what: string): Promise<BodyIndex>;
  stats(): WorkPoolStats;
  /** The threads running now (tests watch them end with Strapi). */
  liveThreads(): Worker[];
  destroy(): Promise<void>;
}
