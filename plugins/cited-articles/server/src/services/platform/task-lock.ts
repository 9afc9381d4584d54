import crypto from 'crypto';
import Redis from 'ioredis';
import type { Core } from '@strapi/strapi';
import { isUniqueViolation } from '../../utils/errors';
import { commentSettings } from '../../utils/settings';
import { TASK_LOCK_UID } from '../../../../shared/uids';

export type Release = () => Promise<void>;

// Deletes the key only if this holder still has it: a run that outlived its lock must not free
// the lock another instance took since.
const RELEASE_SCRIPT = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * "Only one Strapi instance runs this task at a time." In Redis when the plugin has one
 * (`comments.redisUrl`: SET NX PX), otherwise in the database: a row per task under a unique index,
 * taken by inserting it or, once expired, by a conditional update; both are single atomic
 * statements on SQLite, PostgreSQL and MySQL/MariaDB. Locks expire, so a crashed instance cannot
 * stop the task for good.
 */
export const createTaskLock = ({ strapi }: { strapi: Core.Strapi }) => {
  const acquireInRedis = async (url: string, key: string, holder: string, ttlMs: number): Promise<Release | null> => {
    // A connection of its own, for the length of the run: a check runs rarely.
    const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
    redis.on('error', () => {});
    try {
      await redis.connect();
      const taken = await redis.set(key, holder, 'PX', ttlMs, 'NX');
      if (taken !== 'OK') {
        redis.disconnect();
        return null;
      }
    } catch (error) {
      redis.disconnect();
      throw error;
    }
    return async () => {
      try {
        await redis.eval(RELEASE_SCRIPT, 1, key, holder);
      } finally {
        redis.disconnect();
      }
    };
  };

  const acquireInDatabase = async (name: string, holder: string, ttlMs: number): Promise<Release | null> => {
    const locks = strapi.db.query(TASK_LOCK_UID);
    const now = Date.now();
    let taken = false;
    try {
      await locks.create({ data: { name, holder, expiresAt: now + ttlMs } });
      taken = true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    if (!taken) {
      const { count } = await locks.updateMany({
        where: { name, expiresAt: { $lt: now } },
        data: { holder, expiresAt: now + ttlMs },
      });
      taken = count > 0;
    }
    if (!taken) return null;
    return async () => {
      await locks.deleteMany({ where: { name, holder } });
    };
  };

  return {
    /** A function that releases the lock, or null when another holder has it. */
    async acquireLock(name: string, ttlMs: number): Promise<Release | null> {
      const holder = crypto.randomUUID();
      const { redisUrl, redisKeyPrefix } = commentSettings(strapi);
      return redisUrl ? acquireInRedis(redisUrl, `${redisKeyPrefix}:lock:${name}`, holder, ttlMs) : acquireInDatabase(name, holder, ttlMs);
    },
    acquireLockInRedis: acquireInRedis,
    acquireLockInDatabase: acquireInDatabase,
  };
};
