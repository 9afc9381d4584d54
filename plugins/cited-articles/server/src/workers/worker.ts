// The entry of the plugin's worker threads (piscina loads the built file, dist/worker/index.js).
// It runs the pure jobs of jobs.ts and nothing else: no Strapi, no database, no network.
import { workerData, type MessagePort } from 'node:worker_threads';
import { jobs, type JobName } from './jobs';
import { countEngineBuilds } from './style-warm-up';
import { yieldToMainThread } from './thread-priority';

/** What the pool tells each thread when it starts it (services/platform/work-pool.ts). */
export interface WorkerOptions {
  /** Build the CSL engines now, before the first job (the plugin option cache.warmUpStyles). */
  warmUpStyles: boolean;
}

yieldToMainThread();
countEngineBuilds();
if ((workerData as WorkerOptions | undefined)?.warmUpStyles) jobs.warmUp();

export interface WorkerTask {
  job: JobName;
  input: unknown;
  /** Told when the job starts, so that its time budget counts work, not time in the queue. */
  started?: MessagePort;
}

export default function runJob(task: WorkerTask): unknown {
  if (task.started) {
    task.started.postMessage('started');
    task.started.close();
  }
  const job = jobs[task.job] as ((input: unknown) => unknown) | undefined;
  if (typeof job !== 'function') throw new Error(`unknown worker job "${String(task.job)}"`);
  return job(task.input);
}
