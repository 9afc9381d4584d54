#!/usr/bin/env node
/**
 * Worst-case timing of every text entry point (not a test): each is fed
 * adversarial inputs of 10 kB, 100 kB and 1 MB, and the growth of CPU time per
 * 10x of input says whether it is linear (at most 12x); a row past that prints
 * the reason found by profiling it, so the table the README quotes explains
 * itself. Run: `npm run bench:adversarial`.
 *
 * Prints a Markdown table, a row as each case finishes. A measurement is the
 * median of a few runs (one run when it already takes a second); the 1 MB
 * size is skipped when 100 kB took over 5 s or would clearly take minutes,
 * and each case runs in a child process killed after CASE_CAP_MS, so the
 * bench never hangs. `node bench/adversarial.bench.js <regex>` runs the cases
 * whose entry point or input matches.
 *
 * Loads the TypeScript sources like bench/engine.bench.js (@swc/core
 * require hook; the ESM-only unified packages load through require(esm)).
 */
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

// ADVERSARIAL_SRC: another checkout's plugins/cited-articles/server/src, to time an older version.
const SRC = process.env.ADVERSARIAL_SRC || path.join(__dirname, '../plugins/cited-articles/server/src');
const load = (file) => require(path.join(SRC, file));
const text = load('comments/text.ts');
const comments = load('validation/comments.ts');
const engine = load('citations/index.ts');
const { locateInValue } = load('citations/text-mapping.ts');
const split = load('interchange/split-entries.ts');
const { cslToSource } = load('interchange/read-import.ts');
const { sourceToCsl } = load('csl/source-to-csl.ts');

const SIZES = [10_000, 100_000, 1_000_000];
const LABELS = ['10 kB', '100 kB', '1 MB'];
/** Over this, a size is measured once instead of a median of RUNS. */
const SLOW_MS = 1000;
const RUNS = 3;
/** Skip the next size when this one took longer, or the next would take longer than SKIP_PREDICTED_MS. */
const SKIP_MS = 5000;
const SKIP_PREDICTED_MS = 30000;

/** `unit` repeated to n characters (cut to length). */
const fill = (unit, n) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const sources = Array.from({ length: 5 }, (_, i) => ({
  documentId: `doc-${i}`,
  key: `k${i}`,
  title: `Title ${i}`,
  publisher: 'Daily',
  publishedDate: '2023-02-22',
  url: `https://example.com/${i}`,
}));
const resolve = (body) => engine.resolveCitations(body, sources, { numberingStart: 1 });

/**
 * Why a Markdown row may still cross the growth limit, printed only when it does. Profiled with
 * `node --cpu-prof` and `--trace-gc` (1 MB against 100 kB and 300 kB): the plugin's own code (marker
 * scan, text mapping, sups) is 2 to 12 % of the time and grows about 10x; micromark's tokenizing and
 * mdast-util-from-markdown's compile grow about 10x as well, but they keep every event, token and
 * node of the body alive until the tree is built: 0.4 to 2.4 GB of heap for 1 MB of dense markup
 * (0.4 GB for a run of `<a`, 1.1 GB for markers on one line, 1.9 GB for a table of many rows).
 * V8's garbage collection then costs 30 to 56 % of the time and grows faster than the input
 * (scavenges and mark-compacts over an ever larger live heap). Not ours to change short of
 * forking the parser; the worker's per-job time budget (a 422 past it) bounds such a body.
 */
const MICROMARK_HEAP =
  "micromark keeps every token of the body alive until the tree is built (0.4 to 2.4 GB for 1 MB of dense markup); V8's GC over that heap grows faster than the input while the parse itself grows about 10x. Bounded by the worker's time budget";

/** Adversarial Markdown bodies, shared by marker parsing and bodyHtml; a third element overrides the reason above. */
const bodies = [
  ['spaces between lines then a marker (`x\\n` + spaces + `[1]`)', (n) => `x\n${' '.repeat(n)}[1]`],
  ['`x\\n` + spaces + `[1]` in a list item', (n) => `- x\n${' '.repeat(n)}[1]`],
  ['many markers on one line', (n) => fill('[1] ', n)],
  ['many markers, one per line', (n) => fill('a [1]\n', n)],
  ['run of `[`', (n) => '['.repeat(n)],
  ['run of `[@`', (n) => fill('[@', n)],
  ['run of `[` then `]`', (n) => `${'['.repeat(n - 1)}]`],
  ['backslashes then `[1]`', (n) => `${'\\'.repeat(n)}[1]`],
  ['nested emphasis `*a **b ***c `', (n) => fill('*a **b ***c ', n)],
  ['run of `*`', (n) => '*'.repeat(n)],
  ['run of `_a` (underscore pairs)', (n) => fill('_a', n)],
  ['deep block quote `> > > …`', (n) => `${fill('> ', n)}[1]`],
  ['deep list `- - - …`', (n) => `${fill('- ', n)}[1]`],
  [
    'nested list by indentation',
    (n) => {
      const out = [];
      let size = 0;
      for (let i = 0; size < n; i++) {
        const line = `${' '.repeat(2 * (i % 400))}- x [1]\n`;
        out.push(line);
        size += line.length;
      }
      return out.join('').slice(0, n);
    },
  ],
  ['long line without spaces', (n) => 'a'.repeat(n)],
  ['long URL-like line `www.a` + dots', (n) => `www.${fill('a.', n)}`],
  ['long autolink literal `http://` + `a_`', (n) => `http://${fill('a_', n)}`],
  ['many link reference definitions', (n) => fill('[a]: http://x\n', n)],
  ['many reference links to one definition', (n) => `[a]: http://x\n\n${fill('[a] ', n)}`],
  ['unclosed link destinations `[a](`', (n) => fill('[a](', n)],
  [
    'unclosed code spans of growing length',
    (n) => {
      const out = [];
      let size = 0;
      for (let i = 1; size < n; i++) {
        const part = `${'`'.repeat(i % 200)}a`;
        out.push(part);
        size += part.length;
      }
      return out.join('').slice(0, n);
    },
  ],
  ['run of `<` (unclosed HTML)', (n) => fill('<a', n)],
  ['unclosed entities `&` + alnum', (n) => fill('&aaaaaaaa', n)],
  [
    'table with many columns',
    (n) => {
      const cols = Math.max(1, Math.floor(n / 8));
      return `${'| a '.repeat(cols)}|\n${'|---'.repeat(cols)}|\n${'| [1] '.repeat(cols)}|`;
    },
    "micromark gives each of the 125,000 cells its own tokenizer and keeps them all alive: 2.4 GB of heap for 1 MB; GC over it grew 16x per 10x of input (1.3 s at 100 kB, 22 s at 1 MB, profiled) while the parse grew about 10x. Bounded by the worker's time budget",
  ],
  ['many table rows', (n) => `| a | b |\n|---|---|\n${fill('| [1] | x |\n', n)}`],
  ['tabs then marker', (n) => `x\n${'\t'.repeat(n)}[1]`],
  ['strikethrough `~~a ~b `', (n) => fill('~~a ~b ', n)],
];

const BODY_HTML_KINDS = [
  'spaces between lines',
  '`x\\n` + spaces',
  'many markers',
  'deep block quote',
  'nested list by',
  'many table rows',
  'tabs then',
  'run of `<`',
];

/** Markers text-mapping cannot place (value shorter than the raw text): many on one line. */
const unplaceable = (n) => {
  const body = fill('[1] ', n);
  const markers = [];
  for (let i = 0; i + 3 <= body.length; i += 4) markers.push({ start: i, end: i + 3, marker: '[1]' });
  return { body, markers };
};

const blockedWords = ['viagra', 'casino bonus', 'aaaaaaaaaaaaaaaaaaaaab', 'spam'];

const bibtex = (n, withMacros) => {
  const out = [];
  let size = 0;
  for (let i = 0; size < n; i++) {
    const part = withMacros && i % 2 === 0 ? `@string{m${i} = "Macro ${i}"}\n` : `@misc{k${i}, title = {T ${i}}}\n`;
    out.push(part);
    size += part.length;
  }
  return out.join('');
};

const cases = [
  // Comments: normalisation and hold checks.
  ['comment content normalisation', 'spaces then a letter', (n) => `${' '.repeat(n - 1)}x`, text.normaliseContent],
  ['comment content normalisation', 'tabs and spaces then a letter, per line', (n) => fill(' \t \t x\n', n), text.normaliseContent],
  ['comment content normalisation', 'newlines then a letter', (n) => `x${'\n'.repeat(n - 2)}x`, text.normaliseContent],
  ['comment content normalisation', 'CR LF pairs and control characters', (n) => fill('\r\n\u0001\u200b ', n), text.normaliseContent],
  [
    'comment validation (zod schema)',
    'content of spaces then a letter',
    (n) => ({ authorName: 'A', authorEmail: 'a@b.co', content: `${' '.repeat(n - 1)}x` }),
    (body) => comments.createCommentBody({ maxLength: 5000, honeypotField: null }).safeParse(body),
  ],
  ['countLinks', '`<a ` repeated, no `>`', (n) => fill('<a ', n), text.countLinks],
  ['countLinks', '`<a` + spaces', (n) => `<a${' '.repeat(n - 2)}`, text.countLinks],
  ['countLinks', '`http://` + long run', (n) => `http://${'a'.repeat(n - 7)}`, text.countLinks],
  ['countLinks', '`www.` repeated', (n) => fill('www.', n), text.countLinks],
  ['countLinks', '`https:/` repeated (no match)', (n) => fill('https:/', n), text.countLinks],
  ['findBlockedWord', 'near-miss of a long blocked word', (n) => 'a'.repeat(n), (s) => text.findBlockedWord([s, 'name', 'a@b.co'], blockedWords)],
  ['findBlockedWord', 'letters around every near match', (n) => fill('viagrax casino bonu ', n), (s) => text.findBlockedWord([s], blockedWords)],
  ['toSafeHtml', 'newlines and `<`', (n) => fill('<\n\n&', n), text.toSafeHtml],
  // Report details and author names.
  [
    'report details normalisation (zod schema)',
    'spaces then a letter',
    (n) => ({ reason: 'spam', details: `${' '.repeat(n - 1)}x` }),
    (body) => comments.reportBody.safeParse(body),
  ],
  ['author name normalisation', 'whitespace and control characters', (n) => fill(' \t\u0001\u200b\n', n), text.normaliseLine],
  ['author name normalisation', 'spaces then a letter', (n) => `${' '.repeat(n - 1)}x`, text.normaliseLine],
  // Marker parsing and the text mapping behind previews and bodyHtml.
  ...bodies.map(([kind, make, why]) => ['marker parsing (resolveCitations)', kind, make, resolve, why ?? MICROMARK_HEAP]),
  // bodyHtml parses with the same function as marker parsing (citations/markdown.ts), so the
  // parser's worst cases are timed above; here the inputs that reach the text mapping.
  ...bodies
    .filter(([kind]) => BODY_HTML_KINDS.some((k) => kind.startsWith(k)))
    .map(([kind, make, why]) => [
      'bodyHtml (renderBodyHtml)',
      kind,
      (n) => {
        const body = make(n);
        return { body, resolved: resolve(body) };
      },
      ({ body, resolved }) => engine.renderBodyHtml(body, resolved),
      why ?? MICROMARK_HEAP,
    ]),
  ['text mapping (locateInValue)', 'many unplaceable markers on one line', unplaceable, ({ body, markers }) => locateInValue(body, 0, '', markers)],
  // Import: format detection and splitting.
  ['import format detection', '`x` + newlines + `x`', (n) => `x${'\n'.repeat(n - 2)}x`, split.detectFormat],
  ['import format detection', 'spaces then `@` without a type', (n) => fill('\n   @a', n), split.detectFormat],
  ['import format detection', '`@a` + spaces, per line', (n) => fill(`@a${' '.repeat(50)}\n`, n), split.detectFormat],
  ['BibTeX splitting', 'records only', (n) => bibtex(n, false), split.splitBibtex],
  ['BibTeX splitting', 'half @string macros, half records', (n) => bibtex(n, true), split.splitBibtex],
  ['BibTeX splitting', 'spaces then `@` per line', (n) => fill(`${' '.repeat(60)}@\n`, n), split.splitBibtex],
  ['RIS splitting', 'many short records', (n) => fill('TY  - NEWS\nTI  - T\nER  - \n', n), split.splitRis],
  ['CSL-JSON element lines', 'valid array of many small elements', (n) => `[${fill('{"a":1},\n', n - 2)}{}]`, split.jsonElementLines],
  [
    'CSL-JSON error line',
    'element `{"a":1` + spaces + `}`, then unterminated',
    (n) => `[{"a":1${' '.repeat(n - 16)}},\n{"b":[`,
    (s) => {
      try {
        JSON.parse(s);
      } catch (error) {
        return split.jsonErrorLine(s, error);
      }
    },
  ],
  [
    'CSL-JSON error line',
    'many elements, the last unterminated',
    (n) => `[${fill('{"a":1},\n', n - 7)}{"b":[`,
    (s) => {
      try {
        JSON.parse(s);
      } catch (error) {
        return split.jsonErrorLine(s, error);
      }
    },
  ],
  [
    'CSL item to source (cslToSource)',
    'RIS text with many AU lines',
    (n) => ({ item: { type: 'webpage', title: 'T', note: `Archived at https://${'a'.repeat(100)}` }, raw: fill('AU  - Doe, Jane\n', n) }),
    ({ item, raw }) => cslToSource(item, raw),
  ],
  [
    'CSL item to source (cslToSource)',
    'note `Archived at http://` repeated',
    (n) => ({ item: { type: 'webpage', title: 'T', note: fill('Archived at http://a', n) }, raw: null }),
    ({ item, raw }) => cslToSource(item, raw),
  ],
  // URL and DOI normalisation.
  ['URL normalisation', 'bare host of `a-` then `!`', (n) => `${fill('a-', n - 1)}!`, engine.normaliseUrl],
  ['URL normalisation', 'bare host of `a.` labels then `!`', (n) => `${fill('a.', n - 1)}!`, engine.normaliseUrl],
  ['URL normalisation', 'bare host `a` + `-a`… long label', (n) => `a${fill('-a', n - 2)}_`, engine.normaliseUrl],
  ['URL normalisation', 'path of slashes then a letter', (n) => `https://example.com${'/'.repeat(n - 20)}x`, engine.normaliseUrl],
  ['URL normalisation', 'many query parameters', (n) => `https://example.com/?${fill('utm_a=1&b=2&', n - 21)}`, engine.normaliseUrl],
  ['DOI normalisation', '`doi:` + spaces then a letter', (n) => `doi:${' '.repeat(n - 5)}x`, engine.normaliseDoi],
  ['DOI normalisation', 'spaces around `10.` + long suffix', (n) => ` 10.${'1'.repeat(n - 6)} `, engine.normaliseDoi],
  // CSL input mapping (source → CSL item) and the news style.
  [
    'CSL input mapping (sourceToCsl)',
    'author `{` + letters, no closing brace',
    (n) => ({ key: 'k', title: 'T', authors: [`{${'a'.repeat(n - 1)}`] }),
    sourceToCsl,
  ],
  [
    'CSL input mapping (sourceToCsl)',
    'author of many words and commas',
    (n) => ({ key: 'k', title: 'T', authors: [fill('a, b ', n)] }),
    sourceToCsl,
    // Measured alone: replace(/\s+/g) 1.9 → 46 ms, split(',') + join 1.5 → 29 ms from 100 kB to 1 MB.
    "V8's global replace and split on one string of 400,000 short pieces (no backtracking: the work per character is constant, the allocation of many live pieces is not); about 0.2 s at 1 MB. Not fixed yet (csl/source-to-csl.ts)",
  ],
  [
    'CSL input mapping (sourceToCsl)',
    'whitespace-only fields',
    (n) => ({ key: 'k', title: ' '.repeat(n), publisher: ' '.repeat(n), doi: ' '.repeat(n), language: ' '.repeat(n) }),
    sourceToCsl,
  ],
  ['news style (formatNews)', 'publisher `, , , …x`', (n) => ({ key: 'k', title: 'T', publisher: `${fill(', ', n - 1)}x` }), engine.formatNews],
  ['news style (formatNews)', 'title of quotes', (n) => ({ key: 'k', title: `"${'"'.repeat(n - 2)}x` }), engine.formatNews],
];

/**
 * One size: the run with the median CPU time of up to RUNS runs, as { cpu, wall } in ms.
 *
 * CPU time (process.cpuUsage: this process's threads, so V8's GC helpers too) is what the growth
 * and the verdict use: it counts the work done, while wall time on a shared machine also counts
 * the time spent waiting for a core (measured at a load of 7 on 2 cores, 1 MB of `[` took 7.7 s of
 * CPU and 12.5 s of wall time). The wall time is printed beside it for the 1 MB size.
 */
function measure(make, run, size) {
  const input = make(size);
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    run(input);
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    const used = process.cpuUsage(cpu0);
    runs.push({ cpu: (used.user + used.system) / 1000, wall });
    if (wall > SLOW_MS) break;
  }
  runs.sort((a, b) => a.cpu - b.cpu);
  return runs[Math.floor((runs.length - 1) / 2)];
}

const formatMs = (ms) =>
  ms === null ? 'skipped (too slow)' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;
// Below 100 ms, timer noise, GC, CPU caches (100 kB fits, 1 MB does not) and a loaded machine
// dominate; a ratio there says little, and a quadratic path takes seconds at 1 MB anyway.
const NOISE_MS = 100;
const growth = (a, b) => (a === null || b === null ? null : b / Math.max(a, 0.01));
const formatGrowth = (g) => (g === null ? '–' : `${g.toFixed(1)}x`);

const CASE_CAP_MS = 180_000;

function runCase(index) {
  const [, , make, run] = cases[index];
  run(make(1000)); // warm-up: JIT and module initialisation
  const times = [];
  let wall = null;
  for (const [position, size] of SIZES.entries()) {
    const previous = times[position - 1];
    const before = times[position - 2];
    const predicted = previous != null && before != null ? previous * Math.max(10, previous / Math.max(before, 0.01)) : 0;
    if (previous === null || previous > SKIP_MS || predicted > SKIP_PREDICTED_MS) times.push(null);
    else {
      const measured = measure(make, run, size);
      times.push(measured.cpu);
      wall = measured.wall;
    }
    process.stdout.write(`${JSON.stringify({ times, wall })}\n`);
  }
}

/** Growth per 10x over this is super-linear (a linear path with noise stays well under it). */
const MAX_GROWTH = 12;

function row(entry, kind, times, wall, why) {
  const g1 = growth(times[0], times[1]);
  const g2 = growth(times[1], times[2]);
  const bad = (g, later) => g !== null && g > MAX_GROWTH && later > NOISE_MS;
  const linear = times[2] != null && !bad(g1, times[1]) && !bad(g2, times[2]);
  const cells = times.map((ms) => (ms === undefined ? `killed (> ${CASE_CAP_MS / 1000} s)` : formatMs(ms)));
  const wallCell = times[2] == null ? '–' : formatMs(wall);
  const verdict = linear ? 'linear' : `**super-linear**: ${why || 'not explained (a regression?)'}`;
  return {
    linear,
    text: `| ${entry} | ${kind} | ${cells.join(' | ')} | ${wallCell} | ${formatGrowth(g1)} | ${formatGrowth(g2)} | ${verdict} |`,
  };
}

if (process.env.ADVERSARIAL_CASE !== undefined) {
  runCase(Number(process.env.ADVERSARIAL_CASE));
} else {
  const { spawnSync } = require('node:child_process');
  const filter = process.argv[2] ? new RegExp(process.argv[2], 'i') : null;
  console.log(
    `Source: ${path.relative(process.cwd(), SRC) || SRC}. Node ${process.version}, ${require('node:os').cpus().length} cores, load average ${require('node:os')
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' '
      )} at the start. CPU time of the median of up to ${RUNS} runs; growth = CPU time at 10x the input; wall time of the same 1 MB run beside it.\n`
  );
  console.log(`| Entry point | Input | ${LABELS.join(' | ')} | 1 MB wall | 10k→100k | 100k→1M | Verdict |`);
  console.log('|---|---|---|---|---|---|---|---|---|');
  let count = 0;
  let linearCount = 0;
  cases.forEach(([entry, kind, , , why], index) => {
    if (filter && !filter.test(`${entry} ${kind}`)) return;
    const child = spawnSync(process.execPath, [__filename], {
      env: { ...process.env, ADVERSARIAL_CASE: String(index) },
      encoding: 'utf8',
      timeout: CASE_CAP_MS,
      maxBuffer: 1 << 20,
    });
    const lines = (child.stdout || '').trim().split('\n').filter(Boolean);
    const { times, wall } = lines.length > 0 ? JSON.parse(lines[lines.length - 1]) : { times: [], wall: null };
    while (times.length < SIZES.length) times.push(undefined); // killed at the cap
    const result = row(entry, kind, times, wall, why);
    count += 1;
    if (result.linear) linearCount += 1;
    console.log(result.text);
  });
  console.log(`\n${linearCount} of ${count} linear (growth at most ${MAX_GROWTH}x per 10x of input, ignoring sizes under ${NOISE_MS} ms).`);
}
