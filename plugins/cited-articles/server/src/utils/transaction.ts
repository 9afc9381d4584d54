import type { Core } from '@strapi/strapi';
import { errorChain } from './error-chain';

/**
 * The database chose this transaction as a deadlock victim: MySQL/MariaDB 1213, PostgreSQL 40P01,
 * or SQLite's SQLITE_BUSY (and SQLITE_BUSY_SNAPSHOT in WAL mode). SQLite answers BUSY at once,
 * without waiting out its busy timeout, when a transaction that has read asks to write while
 * another process on the same file is committing: waiting could deadlock. Several instances on one
 * SQLite file (or the admin and a script) meet it.
 */
export const isDeadlock = (error: unknown): boolean => {
  for (const current of errorChain(error)) {
    if (current.code === 'ER_LOCK_DEADLOCK' || current.errno === 1213 || current.code === '40P01') return true;
    if (typeof current.code === 'string' && current.code.startsWith('SQLITE_BUSY')) return true;
  }
  return false;
};

/**
 * Runs `work` in one transaction (strapi.db.transaction: Query Engine and Document Service calls
 * inside join it), all or nothing. A deadlock rolls everything back and says nothing about the
 * request itself, so the whole transaction is run again, a few times at most.
 */
export async function inTransaction<T>(strapi: Core.Strapi, work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await strapi.db.transaction(() => work());
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error) || strapi.db.inTransaction()) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
