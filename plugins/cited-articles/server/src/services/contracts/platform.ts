// What the plugin borrows from its surroundings: locales, email, outbound HTTP, a cluster-wide lock.
import type { SafeFetchOptions, SafeResponse } from '../../outbound/safe-fetch';

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
