import type { Core } from '@strapi/strapi';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { eventLoopTurns } from './event-loop-turns';

/**
 * How long one transaction of a long write lasts. Two things wait for a transaction: on SQLite,
 * every other request that reads the database (its one connection is the transaction's until it
 * ends; Users & Permissions reads the Public role on each anonymous request); on every database,
 * the Document Service's events, which Strapi sends once the transaction commits, each after a read
 * of the written row. One transaction of 5,000 creates sent 5,000 such reads at once on
 * PostgreSQL, and readers queued behind them for the pool's 10 connections for 0.9 s.
 */
const BATCH_MS = 5;

/**
 * How long the writes run before other requests get a turn of the event loop. Each step of a
 * reader's request (the connection, Users & Permissions, the route) may wait this long.
 */
const TURN_MS = 2;

/**
 * Runs `step` for each item in short transactions (about `BATCH_MS` each), giving the event loop a
 * turn between them, so that a write of thousands of rows never holds the readers up for longer
 * than one of them.
 *
 * `endBatch`, when given, runs last in each transaction: steps that gather rows can write them there
 * in one statement.
 *
 * All or nothing still: when a step or `endBatch` throws, its transaction is rolled back and `undo`
 * is called with what the earlier, committed transactions returned, before the error is rethrown
 * (an error of `undo` itself is logged, not thrown in its place).
 */
export const writeInBatches = async <T, R>(
  strapi: Core.Strapi,
  items: readonly T[],
  step: (item: T) => Promise<R | null>,
  undo: (done: R[]) => Promise<void>,
  endBatch?: () => Promise<void>
): Promise<R[]> => {
  const committed: R[] = [];
  let next = 0;
  try {
    while (next < items.length) {
      const batch = await strapi.db.transaction(async () => {
        const started = performance.now();
        // A step's awaits resolve without reaching the event loop on better-sqlite3.
        const giveTurn = eventLoopTurns(TURN_MS);
        const done: R[] = [];
        do {
          await giveTurn();
          const result = await step(items[next]);
          if (result !== null) done.push(result);
          next += 1;
        } while (next < items.length && performance.now() - started < BATCH_MS);
        await endBatch?.();
        return done;
      });
      committed.push(...batch);
      if (next < items.length) await nextTurn();
    }
  } catch (error) {
    if (committed.length > 0) {
      // The caller must learn why the write failed, not that the clean-up failed too: the undo's
      // own error goes to the log, with what it left behind.
      try {
        await undo(committed);
      } catch (undoError) {
        strapi.log.error(
          `[cited-articles] could not undo ${committed.length} committed writes after a failed batch write: ${(undoError as Error).message}`
        );
      }
    }
    throw error;
  }
  return committed;
};
