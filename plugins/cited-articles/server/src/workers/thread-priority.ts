import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/**
 * Lowers this worker thread's CPU priority to the lowest, so that when a heavy job and Strapi's main
 * thread want the same core, the main thread (every reader's request) runs first and the job takes
 * what is left. On Linux the nice value belongs to each thread: `setpriority` given this thread's
 * id (read from /proc/thread-self) changes this thread only. Elsewhere, or where it is not allowed,
 * the thread keeps the process's priority: jobs still run off the event loop, only without that
 * precedence.
 */
export const yieldToMainThread = (): boolean => {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    setPriority(threadId, constants.priority.PRIORITY_LOW);
    return true;
  } catch {
    return false;
  }
};
