/**
 * How an entry point's cost grows with its input, as a ratio measured in the same run: no
 * absolute time bound, which a loaded machine would break (the project's rule: performance is
 * asserted as ratios against a baseline in the same run).
 *
 * CPU time (process.cpuUsage) rather than wall time: on a shared machine wall time also counts the
 * time spent waiting for a core, which says nothing about the algorithm. The fastest of a few runs
 * at each size keeps a GC pause or a scheduling hiccup out of the ratio.
 */

/** A linear path stays well under this many times FACTOR; a quadratic one reaches FACTOR times it. */
export const FACTOR = 8;
export const LINEAR_BOUND = 3 * FACTOR;

function cpuMs(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function fastest(run: () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, cpuMs(run));
  return best;
}

/**
 * CPU time of `run(make(FACTOR * size))` over that of `run(make(size))`: about FACTOR when the
 * path is linear, FACTOR squared when it is quadratic. Warms up first (JIT, module setup).
 * `size` should make the small run take a few milliseconds at least, so timer resolution does not
 * decide the ratio.
 */
export function cpuGrowth<T>(make: (size: number) => T, run: (input: T) => unknown, size: number, runs = 3): number {
  const small = make(size);
  const large = make(FACTOR * size);
  run(small);
  const smallMs = fastest(() => run(small), runs);
  const largeMs = fastest(() => run(large), runs);
  return largeMs / Math.max(smallMs, 0.05);
}
