import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * A long chain of awaits on the main thread that never reaches the event loop: better-sqlite3
 * answers every query synchronously, so a loop of thousands of Document Service writes (an import
 * of a 1 MB BibTeX file) resolves promise after promise in one macrotask and holds every other
 * request for seconds. Calling the returned function between steps gives the event loop a turn once
 * `sliceMs` of work has passed since the last one; on PostgreSQL and MariaDB, where queries already
 * wait on the network, it costs a clock read per step.
 */
export const eventLoopTurns = (sliceMs = 10) => {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTurn();
    since = performance.now();
  };
};
