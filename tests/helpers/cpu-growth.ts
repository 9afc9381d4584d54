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
 * The least CPU time one measurement takes: process.cpuUsage counts in scheduler ticks on some
 * kernels, so a run of half a millisecond may read as 0 or as 4 ms, and the ratio would say
 * nothing. A measurement repeats a short run until it takes this long.
 */
const MIN_MS = 10;

/**
 * How many times cpuGrowth measures at most. A linear path under a neighbour's burst of load can
 * read over the bound once (CI once read 25.9 against 24 while a database suite ran beside it); a
 * quadratic one reads about FACTOR squared every time, so the least of a few measurements still
 * tells them apart.
 */
const ATTEMPTS = 3;

/**
 * CPU time of `run(make(FACTOR * size))` over that of `run(make(size))`: about FACTOR when the
 * path is linear, FACTOR squared when it is quadratic. Warms up first (JIT, module setup). A run
 * of the small input shorter than MIN_MS is repeated until it is not, and the large input's run as
 * many times, so that both are timed over the same number of runs. Measures again, up to ATTEMPTS
 * times, while the ratio is not under LINEAR_BOUND, and gives the least.
 */
export function cpuGrowth<T>(make: (size: number) => T, run: (input: T) => unknown, size: number, runs = 3): number {
  const small = make(size);
  const large = make(FACTOR * size);
  run(small);
  let repeats = 1;
  while (repeats < 1024 && cpuMs(() => repeated(run, small, repeats)) < MIN_MS) repeats *= 2;
  let least = Infinity;
  for (let attempt = 0; attempt < ATTEMPTS && least >= LINEAR_BOUND; attempt++) {
    const smallMs = fastest(() => repeated(run, small, repeats), runs);
    const largeMs = fastest(() => repeated(run, large, repeats), runs);
    least = Math.min(least, largeMs / Math.max(smallMs, 0.05));
  }
  return least;
}

function repeated<T>(run: (input: T) => unknown, input: T, times: number) {
  for (let i = 0; i < times; i++) run(input);
}
