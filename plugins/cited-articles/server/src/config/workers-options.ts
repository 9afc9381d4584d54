import { z } from '@strapi/utils';

const whole = (name: string, min: number, max: number) =>
  z
    .number({ error: `workers.${name} must be a number` })
    .int(`workers.${name} must be a whole number`)
    .min(min, `workers.${name} must be at least ${min}`)
    .max(max, `workers.${name} must be at most ${max}`);

/**
 * The worker threads that parse, resolve, format and render off Strapi's event loop
 * (services/platform/work-pool.ts; README "Heavy work off the event loop").
 */
export const workersOptionsSchema = z
  .object({
    /** Worker threads; null: one fewer than the machine's cores (os.availableParallelism()), at least 1. */
    threads: whole('threads', 1, 64).nullable().default(null),
    /** Jobs that may wait for a thread; one more is refused with 503 and Retry-After. */
    maxQueue: whole('maxQueue', 0, 10_000).default(16),
    /** Milliseconds a job may run; one over it is stopped and its request answers 422, writing nothing. */
    timeoutMs: whole('timeoutMs', 1, 600_000).default(5000),
    /**
     * Megabytes of heap one thread may hold (its old generation); a job that needs more is stopped
     * like one over its time budget. micromark keeps every token of a body alive until the tree is
     * built: 1 MB of dense markup reaches 1 to 2.4 GB, so without a cap a few threads could take the
     * machine's memory before their time ran out.
     */
    maxMemoryMb: whole('maxMemoryMb', 128, 65_536).default(1024),
  })
  .strict();

export type WorkersOptions = z.output<typeof workersOptionsSchema>;
