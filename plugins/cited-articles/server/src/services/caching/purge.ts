import http from 'http';
import https from 'https';
import type { Core } from '@strapi/strapi';
import { cacheSettings } from '../../utils/settings';

// Keys per purge request: bounds the header (a deleteMany can touch many documents).
const KEYS_PER_REQUEST = 64;
const FIRST_RETRY_MS = 250;

type Listener = (keys: string[]) => void;

/**
 * Sends purge requests to the shared caches named in `cache.purgeUrls`: `PURGE` (or `BAN`) to each
 * base URL with the keys in a space-separated Surrogate-Key header, the form Fastly and the shipped
 * Varnish configuration read, and the shared secret `cache.purgeToken` in X-Purge-Token. These caches are the operator's own, configured by them, so requests
 * go out directly (not through the outbound address policy, which refuses private addresses), with
 * a timeout. Keys asked for in one tick go in one request; a failed request is retried with
 * backoff and then logged: a purge never fails or delays the save that caused it.
 */
export const createCachePurge = ({ strapi }: { strapi: Core.Strapi }) => {
  let queued = new Set<string>();
  let flushScheduled = false;
  const inFlight = new Set<Promise<void>>();
  const listeners = new Set<Listener>();

  const sendOnce = (base: string, method: string, keys: string[], timeoutMs: number, token: string | null) =>
    new Promise<void>((resolve, reject) => {
      const url = new URL(base);
      const client = url.protocol === 'https:' ? https : http;
      const headers: Record<string, string | number> = { 'Surrogate-Key': keys.join(' '), 'Content-Length': 0 };
      // The shared secret the cache checks (the shipped VCL answers 403 without it); never logged.
      if (token) headers['X-Purge-Token'] = token;
      const req = client.request(url, { method, timeout: timeoutMs, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`${method} ${base} answered ${status}`));
        });
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${base} timed out after ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end();
    });

  const sendWithRetries = async (base: string, keys: string[]) => {
    const { purgeMethod, purgeTimeoutMs, purgeAttempts, purgeToken } = cacheSettings(strapi);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await sendOnce(base, purgeMethod, keys, purgeTimeoutMs, purgeToken ?? null);
        return;
      } catch (error) {
        if (attempt >= purgeAttempts) {
          strapi.log.warn(`[cited-articles] cache purge failed after ${attempt} attempts (${(error as Error).message}); keys: ${keys.join(' ')}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, FIRST_RETRY_MS * 4 ** (attempt - 1)));
      }
    }
  };

  const track = (promise: Promise<void>) => {
    inFlight.add(promise);
    promise.finally(() => inFlight.delete(promise));
  };

  const flush = () => {
    flushScheduled = false;
    const keys = [...queued];
    queued = new Set();
    if (keys.length === 0) return;
    const { purgeUrls } = cacheSettings(strapi);
    for (let start = 0; start < keys.length; start += KEYS_PER_REQUEST) {
      const chunk = keys.slice(start, start + KEYS_PER_REQUEST);
      for (const base of purgeUrls) track(sendWithRetries(base, chunk));
    }
  };

  return {
    /** Purges these keys everywhere, in the background (after the current tick's other purges join). */
    purge(keys: Iterable<string>) {
      const list = [...keys];
      // In-process caches drop them now, so that this process's next read is the new version.
      for (const listener of listeners) {
        try {
          listener(list);
        } catch (error) {
          strapi.log.warn(`[cited-articles] cache invalidation listener failed: ${(error as Error).message}`);
        }
      }
      for (const key of list) queued.add(key);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },

    /** Called at once with the keys of every purge (the in-process response cache listens). */
    onPurge(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Resolves once every purge asked for so far has been sent (or given up): for tests and shutdown. */
    async settled() {
      while (flushScheduled || inFlight.size > 0) {
        if (flushScheduled) await new Promise((resolve) => setImmediate(resolve));
        else await Promise.all([...inFlight]);
      }
    },
  };
};

export type CachePurge = ReturnType<typeof createCachePurge>;
