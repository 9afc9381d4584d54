import crypto from 'crypto';
import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Core } from '@strapi/strapi';
import { ALL_KEY, keyList } from '../../http-cache/keys';
import { cacheSettings, commentSettings } from '../../utils/settings';
import type { CachePurge } from './purge';

export interface CachedResponse {
  etag: string;
  /** The surrogate keys as sent (keyList applied): what drops this entry. */
  keys: string[];
  /** The body, serialised once: a hit sends this string as it is. */
  json: string;
}

const MAX_BYTES = 128 * 1024 * 1024;

/**
 * Answers of the hot public routes (resolved articles, list pages) kept in this process's memory,
 * so that a read costs no SQL and no resolving. An entry is dropped by the changes that purge
 * shared caches (purge.ts calls `invalidate` as it queues a purge, after the change
 * is committed), by its surrogate keys, and lives `cache.originTtlSeconds` at most.
 *
 * With several instances, each one publishes the keys it invalidates on a Redis channel and drops
 * what the others publish. While that subscription is down, an instance neither serves nor keeps
 * entries (it cannot know what changed), and empties its cache when it comes back.
 *
 * A read that was under way when an invalidation arrived does not store its answer: it may have
 * read the rows from before the change (`begin()` takes a ticket, `set` checks it).
 */
export const createResponseCache = ({ strapi, purges }: { strapi: Core.Strapi; purges: CachePurge }) => {
  const instanceId = crypto.randomUUID();
  let entries: LRUCache<string, CachedResponse> | null = null;
  const idsByKey = new Map<string, Set<string>>();
  let generation = 0;
  let subscriber: Redis | null = null;
  let publisher: Redis | null = null;
  let channel = '';
  let fannedOut = false;
  let subscribed = false;

  const unindex = (id: string, entry: CachedResponse) => {
    for (const key of entry.keys) {
      const ids = idsByKey.get(key);
      if (!ids) continue;
      ids.delete(id);
      if (ids.size === 0) idsByKey.delete(key);
    }
  };

  const store = () => {
    const { originMaxEntries, originTtlSeconds } = cacheSettings(strapi);
    if (!entries || entries.max !== originMaxEntries || entries.ttl !== originTtlSeconds * 1000) {
      entries?.clear();
      entries = new LRUCache<string, CachedResponse>({
        max: originMaxEntries,
        ttl: Math.max(1, originTtlSeconds * 1000),
        maxSize: MAX_BYTES,
        sizeCalculation: (entry) => Math.max(1, entry.json.length * 2),
        dispose: (entry, id) => unindex(id, entry),
      });
    }
    return entries;
  };

  const usable = () => cacheSettings(strapi).originCache && cacheSettings(strapi).originTtlSeconds > 0 && (!fannedOut || subscribed);

  const dropLocal = (keys: string[]) => {
    generation += 1;
    if (!entries) return;
    if (keys.includes(ALL_KEY)) {
      entries.clear();
      return;
    }
    for (const key of keys) {
      for (const id of [...(idsByKey.get(key) ?? [])]) entries.delete(id);
    }
  };

  /** Drops entries holding any of these keys, here and (through Redis) on the other instances. */
  const invalidate = (keys: string[]) => {
    dropLocal(keys);
    if (publisher) {
      publisher.publish(channel, JSON.stringify({ from: instanceId, keys })).catch((error: Error) => {
        strapi.log.warn(`[cited-articles] could not tell other instances what changed (${error.message})`);
      });
    }
  };

  return {
    /** Starts listening to the other instances' invalidations (Redis, when configured), and to this one's purges. */
    async connect() {
      const settings = cacheSettings(strapi);
      const url = settings.redisUrl ?? commentSettings(strapi).redisUrl;
      purges.onPurge((keys) => invalidate(keys));
      if (!url || !settings.originCache) return;
      fannedOut = true;
      channel = settings.redisChannel;
      publisher = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      subscriber = new Redis(url, { connectTimeout: 2000 });
      let lastWarning = 0;
      const warn = (error: Error) => {
        // ioredis reports every reconnection attempt; one line a minute is enough.
        if (Date.now() - lastWarning < 60_000) return;
        lastWarning = Date.now();
        strapi.log.warn(`[cited-articles] response cache: Redis unavailable (${error.message}); not caching in memory meanwhile`);
      };
      publisher.on('error', warn);
      subscriber.on('error', warn);
      subscriber.on('close', () => {
        subscribed = false;
      });
      subscriber.on('message', (_channel: string, message: string) => {
        try {
          const { from, keys } = JSON.parse(message);
          if (from !== instanceId && Array.isArray(keys)) dropLocal(keys.map(String));
        } catch {
          // Not one of ours: ignored.
        }
      });
      // Waits (two seconds at most) so that the first requests can already use the cache.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        subscriber!.on('ready', () => {
          subscriber!
            .subscribe(channel)
            .then(() => {
              // Changes made while this instance was not listening were not heard: start empty.
              dropLocal([ALL_KEY]);
              subscribed = true;
              clearTimeout(timer);
              resolve();
            })
            .catch(warn);
        });
      });
    },

    /** A ticket for a read about to start; `set` with it stores only if nothing changed since. */
    begin() {
      return generation;
    },

    get(id: string): CachedResponse | undefined {
      if (!usable()) return undefined;
      return store().get(id);
    },

    set(id: string, ticket: number, response: { etag: string; keys: Iterable<string>; body: unknown }) {
      if (!usable() || ticket !== generation) return;
      const entry = { etag: response.etag, keys: keyList(response.keys), json: JSON.stringify(response.body) };
      // Replacing an entry disposes of the old one, which unindexes its keys.
      store().set(id, entry);
      for (const key of entry.keys) {
        let ids = idsByKey.get(key);
        if (!ids) idsByKey.set(key, (ids = new Set()));
        ids.add(id);
      }
    },

    invalidate,

    clear() {
      dropLocal([ALL_KEY]);
    },

    /** The number of answers held in memory. */
    get size() {
      return entries?.size ?? 0;
    },

    async destroy() {
      const clients = [subscriber, publisher].filter((client): client is Redis => client !== null);
      subscriber = null;
      publisher = null;
      subscribed = false;
      await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
    },
  };
};
