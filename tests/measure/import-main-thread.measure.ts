/**
 * What a 1 MB BibTeX import (the stall bench's file, bench/stall.bench.js) costs the main thread:
 * its CPU time (Linux only) and busy time (event-loop utilisation, which counts the synchronous
 * SQLite calls' waits too), the process's CPU time (the parsing worker included),
 * the wall time and the longest event-loop delay while it runs. Not part of the test suite:
 *
 *   npm run build:plugin --silent && npx jest --testMatch '**\/*.measure.ts' tests/measure
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setupStrapi } from '../helpers/strapi';

const app = setupStrapi();

/** CPU time of the calling thread (the main thread here), in ms, from Linux's /proc (10 ms ticks). */
const threadCpuMs = () => {
  const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const fill = (text: string, bytes: number) => text.repeat(Math.ceil(bytes / text.length)).slice(0, bytes);

// As bench/stall.bench.js builds it.
const bibtexOf = (prefix: string, bytes: number) => {
  const entries: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const entry =
      `@article{${prefix}${i},\n  author = {Writer, Ann and Other, Bob},\n  title = {Report ${i} on the shaft collapse},\n` +
      `  journal = {Mining Review},\n  year = {2024},\n  url = {https://example.org/${prefix}/${i}},\n` +
      `  note = {${fill('The inspectors checked the ventilation logs twice. ', 300)}}\n}\n`;
    if (size + entry.length > bytes) break;
    entries.push(entry);
    size += entry.length;
  }
  return entries.join('');
};

it('measures a 1 MB BibTeX import', async () => {
  const sources = (app.strapi as any).plugin('cited-articles').service('sources');
  // A small import first, so that the parsing worker and the queries are warm.
  await sources.importFile(bibtexOf('warm', 20_000), 'bibtex');
  const runs = Number(process.env.MEASURE_RUNS ?? 3);
  for (let run = 0; run < runs; run++) {
    const content = bibtexOf(`m${run}x`, 1_000_000);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const elu = performance.eventLoopUtilization();
    const cpu = process.cpuUsage();
    const mainCpu = threadCpuMs();
    const started = performance.now();
    const report = await sources.importFile(content, 'bibtex');
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const mainUsed = threadCpuMs() - mainCpu;
    const busy = performance.eventLoopUtilization(elu);
    delay.disable();
    console.log(
      `run ${run + 1}: ${report.created.length} created; wall ${wall.toFixed(0)} ms; main thread busy ${busy.active.toFixed(0)} ms ` +
        `(utilisation ${(busy.utilization * 100).toFixed(0)} %); main thread CPU ${mainUsed} ms; process CPU ${((used.user + used.system) / 1000).toFixed(0)} ms; ` +
        `event-loop delay max ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`
    );
  }
}, 600_000);
