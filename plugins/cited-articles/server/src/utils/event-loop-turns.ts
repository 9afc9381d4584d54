import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * A long chain of awaits on the main thread that never reaches the event loop: better-sqlite3
 * answers every query synchronously, so a loop of Document Service writes resolves promise after
 * promise in one macrotask and holds every other request until it ends. Calling the returned
 * function between steps gives the event loop a turn once `sliceMs` of work has passed since the
 * last one (utils/write-batches.ts uses 2 ms); on PostgreSQL and MariaDB, where queries already wait
 * on the network, it costs a clock read per step.
 */
export const eventLoopTurns = (sliceMs: number) => {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTurn();
    since = performance.now();
  };
};
