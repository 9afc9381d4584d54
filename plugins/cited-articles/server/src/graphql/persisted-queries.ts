import Redis from 'ioredis';

/** How Strapi logs, the part this store uses. */
interface Log {
  warn(message: string): void;
}

/**
 * Apollo's automatic persisted queries, kept in Redis instead of each process's memory, so that a
 * query registered through one Strapi instance is known to all of them and survives a restart:
 * behind a load balancer, a client's GET by hash alone (the cacheable form, graphql/get-cache.ts)
 * is then answered wherever it lands instead of failing with PERSISTED_QUERY_NOT_FOUND and being
 * sent again with its text.
 *
 * Implements Apollo's KeyValueCache (get, set with a ttl in seconds, delete). Redis being away
 * costs only the sharing: a failed read is a miss (the client sends the query again), a failed
 * write is dropped. A hash names its query's text, so instances can share the keys safely.
 */
export class RedisPersistedQueries {
  private client: Redis | null = null;
  private lastWarning = 0;

  constructor(
    private readonly url: string,
    private readonly prefix: string,
    private readonly log: Log
  ) {}

  private redis(): Redis {
    if (!this.client) {
      this.client = new Redis(this.url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      this.client.on('error', (error: Error) => this.warn(error));
    }
    return this.client;
  }

  private warn(error: Error) {
    // ioredis reports every reconnection attempt; one line a minute is enough.
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.log.warn(`[cited-articles] GraphQL persisted queries: Redis unavailable (${error.message}); each instance knows only its own meanwhile`);
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis().get(this.prefix + key)) ?? undefined;
    } catch (error) {
      this.warn(error as Error);
      return undefined;
    }
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    try {
      const ttl = options?.ttl;
      if (ttl && ttl > 0) await this.redis().set(this.prefix + key, value, 'EX', Math.ceil(ttl));
      else await this.redis().set(this.prefix + key, value);
    } catch (error) {
      this.warn(error as Error);
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis().del(this.prefix + key)) > 0;
    } catch (error) {
      this.warn(error as Error);
      return false;
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await client.quit().catch(() => client.disconnect());
  }
}

/** A day: a hash unused that long is registered again by its client, once. */
export const PERSISTED_QUERY_TTL_SECONDS = 86_400;

const stores = new WeakMap<object, RedisPersistedQueries>();

/** The store for this Strapi, made once (graphql/index.ts), closed with Strapi (destroy.ts). */
export const persistedQueriesFor = (strapi: object, url: string, prefix: string, log: Log): RedisPersistedQueries => {
  let store = stores.get(strapi);
  if (!store) stores.set(strapi, (store = new RedisPersistedQueries(url, prefix, log)));
  return store;
};

export const closePersistedQueries = async (strapi: object): Promise<void> => {
  const store = stores.get(strapi);
  stores.delete(strapi);
  await store?.close();
};
