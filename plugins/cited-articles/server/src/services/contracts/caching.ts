// HTTP caching: what a change makes stale, purges of shared caches, and the in-process answers.

export interface CacheInvalidationService {
  /** Subscribes to the database lifecycles of articles, sources and comments (bootstrap). */
  subscribe(): void;
}

export interface CachePurgeService {
  /** Purges these keys everywhere, in the background. */
  purge(keys: Iterable<string>): void;
  /** Calls `listener` with the keys of every purge; the returned function unsubscribes it. */
  onPurge(listener: (keys: string[]) => void): () => boolean;
  /** Resolves once every purge asked for so far has been sent (or given up). */
  settled(): Promise<void>;
}

export interface CachedResponse {
  etag: string;
  /** The surrogate keys as sent (keyList applied): what drops this entry. */
  keys: string[];
  /** The body, serialised once: a hit sends this string as it is. */
  json: string;
}

export interface ResponseCacheService {
  connect(): Promise<void>;
  /** A ticket for a read about to start; `set` with it stores only if nothing changed since. */
  begin(): number;
  get(id: string): CachedResponse | undefined;
  set(id: string, ticket: number, response: { etag: string; keys: Iterable<string>; body: unknown }): void;
  invalidate(keys: string[]): void;
  clear(): void;
  readonly size: number;
  destroy(): Promise<void>;
}
