import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { commentSettings } from '../../utils/settings';

export interface Limits {
  points: number;
  durationSeconds: number;
}

/** retryAfterSeconds is 0 when allowed. */
export interface ConsumeResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Counters for flood control and duplicate detection, kept by rate-limiter-flexible: in this
 * process's memory by default, in Redis when `comments.redisUrl` is set so that every Strapi
 * instance behind a load balancer counts against the same limit. If Redis stops answering, each
 * instance falls back to its own memory counters (the library's insurance limiter) rather than
 * letting everything through or failing the request.
 */
export const createRateLimit = ({ strapi }: { strapi: Core.Strapi }) => {
  let redis: Redis | null = null;
  let redisUrl: string | null = null;
  let lastRedisWarning = 0;
  // Limiters are cheap but hold their options, so one is kept per name and set of options; a
  // configuration change (strapi.config.set) gets a fresh one.
  const limiters = new Map<string, RateLimiterAbstract>();

  const redisClient = (url: string) => {
    if (redis && redisUrl === url) return redis;
    if (redis) redis.disconnect();
    redisUrl = url;
    redis = new Redis(url, {
      // Fail a command fast when Redis is down, so the insurance limiter answers instead.
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    redis.on('error', (error) => {
      // ioredis reports every reconnection attempt; one line a minute is enough.
      if (Date.now() - lastRedisWarning > 60_000) {
        lastRedisWarning = Date.now();
        strapi.log.warn(`[cited-articles] Redis rate-limit store unavailable (${error.message}); using memory counters`);
      }
    });
    return redis;
  };

  const limiter = (name: string, { points, durationSeconds }: Limits): RateLimiterAbstract => {
    const settings = commentSettings(strapi);
    const keyPrefix = `${settings.redisKeyPrefix}:${name}`;
    const id = JSON.stringify([keyPrefix, points, durationSeconds, settings.redisUrl]);
    let found = limiters.get(id);
    if (!found) {
      const options = { keyPrefix, points, duration: durationSeconds };
      found = settings.redisUrl
        ? new RateLimiterRedis({
            ...options,
            storeClient: redisClient(settings.redisUrl),
            // While Redis is not connected, count in memory at once instead of queueing the
            // command until a reconnection attempt gives up (seconds per request).
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
      limiters.set(id, found);
    }
    return found;
  };

  return {
    /** Takes one point from `key`'s budget under `name`; refused once the budget is spent. */
    async consumeLimit(name: string, key: string, limits: Limits): Promise<ConsumeResult> {
      try {
        await limiter(name, limits).consume(key, 1);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },

    /** Gives `key`'s budget back, e.g. when the request it was taken for failed. */
    async releaseLimit(name: string, key: string, limits: Limits) {
      await limiter(name, limits).delete(key);
    },

    /**
     * Opens the Redis connection when one is configured and waits (two seconds at most) until it is
     * ready, so that the first requests already share counters. Never throws: without Redis the
     * memory counters answer.
     */
    async connect() {
      const { redisUrl: url } = commentSettings(strapi);
      if (!url) return;
      const client = redisClient(url);
      if (client.status === 'ready') return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 2000);
        function done() {
          clearTimeout(timer);
          client.off('ready', done);
          resolve();
        }
        client.once('ready', done);
      });
    },

    async destroy() {
      limiters.clear();
      if (redis) {
        const client = redis;
        redis = null;
        redisUrl = null;
        await client.quit().catch(() => client.disconnect());
      }
    },
  };
};

export type RateLimit = ReturnType<typeof createRateLimit>;
