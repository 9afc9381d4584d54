#!/usr/bin/env node
/**
 * `npm run bench:stall`: does heavy editing stall the readers? (not part of `npm test`)
 *
 * Three processes, so that no load generator shares the app's event loop:
 * - the app (this file with `--role server`): the compiled app on a fresh SQLite database, seeded
 *   with a published article for the readers and a draft for the editors, an admin to log in as;
 *   it samples its own event loop with `perf_hooks.monitorEventLoopDelay` when told to, over IPC;
 * - the editors (`--role editors`): four clients posting worst-case article bodies (many markers
 *   on one line, a run of `[`, a Markdown table of many rows; 100 kB and 1 MB each) in turn to the
 *   admin preview route (POST /cited-articles/preview) and to Content Manager saves of the draft
 *   (PUT /content-manager/collection-types/plugin::cited-articles.article/:documentId), and two
 *   clients importing a 1 MB BibTeX file (POST /cited-articles/sources/import);
 * - this process: readers of the resolved article (GET /api/cited-articles/articles/:slug) and of
 *   /_health, each at a steady rate (50 a second) whether or not earlier requests were answered.
 *
 * Two phases of `--seconds` each (30 by default, 5 with `--quick`): readers alone (quiet), then
 * readers with the editors (loaded). Reported: the readers' p50/p99 latency in each phase, the app's
 * event-loop delay (p50, p99, max) in each, the ratio of the readers' p99 loaded/quiet, and a
 * verdict against the target: readers' p99 at most 2x quiet, event-loop delay p99 under 20 ms and
 * max under 100 ms. Editors' refused or failed requests (413, 422, 503, timeouts...) are counted,
 * not fatal. Results go to bench/results/stall-latest.json and .md (stall-postgres-latest.* with --db postgres).
 *
 *   npm run bench:stall                 # 30 s per phase
 *   npm run bench:stall -- --quick      # 5 s per phase, to check that it runs
 *   npm run bench:stall -- --seconds 60
 *   npm run bench:stall -- --rate 100   # requests per second of each reader (default 50)
 *   npm run bench:stall -- --editors 0 --importers 2   # only some of the editors (4 and 2 by default)
 *   npm run bench:stall -- --cpu-prof /tmp/prof   # V8 CPU profiles of the app's threads
 *   npm run bench:stall -- --db postgres          # the app on PostgreSQL instead of SQLite
 *   npm run bench:stall -- --strapi-only          # Strapi's own ceiling: the same request sizes,
 *                                                 # saved as a plain content type's entries
 *
 * `--strapi-only` measures what Strapi alone costs the readers under the same load: the editors
 * save the same bodies (100 kB and 1 MB) through the Content Manager as entries of a plain content
 * type of a bench-only plugin (bench/baseline-plugin: a title and a rich-text body, none of the
 * cited-articles plugin's work), and the importers create entries holding the same 1 MB BibTeX text.
 * The readers are the same. Results go to stall[-postgres]-strapi-only-latest.*.
 *
 * It ends by itself: every wait is bounded, an app that no longer answers (a blocked event loop) is
 * reported as such and killed, and a watchdog kills the children and exits if the whole run
 * overruns.
 */
const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const APP_DIR = path.resolve(__dirname, '..');
const ARTICLE_UID = 'plugin::cited-articles.article';
const NOTE_UID = 'plugin::bench-baseline.note';
const SOURCE_UID = 'plugin::cited-articles.source';
const READER_SLUG = 'stall-reader';

const roleIndex = process.argv.indexOf('--role');
const ROLE = roleIndex === -1 ? 'main' : process.argv[roleIndex + 1];

// The target (README "Benchmarks"): what "the readers do not stall" means here.
const TARGET = { readerP99Ratio: 2, loopP99Ms: 20, loopMaxMs: 100 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with `promise`, or with `fallback()` after `ms`. */
const within = (promise, ms, fallback) => {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(fallback()), ms);
    }),
  ]);
};

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

// ---------------------------------------------------------------------------------------------
// Worst-case inputs

/** `unit` repeated to exactly `bytes` characters (ASCII). */
const fill = (unit, bytes) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

const worstBodies = () => {
  const sizes = [
    ['100 kB', 100_000],
    ['1 MB', 1_000_000],
  ];
  const kinds = [
    ['markers on one line', (bytes) => fill('Fact [1] ', bytes)],
    ['run of [', (bytes) => fill('[', bytes)],
    ['table rows', (bytes) => `| Claim | Source |\n| --- | --- |\n${fill('| Fact [1] | a |\n', bytes - 30)}`],
  ];
  return kinds.flatMap(([kind, make]) => sizes.map(([label, bytes]) => ({ name: `${kind}, ${label}`, body: make(bytes) })));
};

/** A BibTeX file of about `bytes`, its keys prefixed so that two importers do not race on them. */
const bibtexOf = (prefix, bytes) => {
  const entries = [];
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

// ---------------------------------------------------------------------------------------------
// --role server: the app, sampling its own event loop

async function runServer() {
  const { monitorEventLoopDelay } = require('node:perf_hooks');
  const { freshSecrets } = require('../scripts/ensure-env');
  Object.assign(process.env, {
    ...freshSecrets(),
    STRAPI_LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    CITED_ARTICLES_SEED: 'false',
    CITED_ARTICLES_LINK_CHECK_CRON: 'off',
    NODE_ENV: 'production',
    ...(process.env.STALL_DB_NAME
      ? { DATABASE_CLIENT: 'postgres', ...PG_ENV, DATABASE_NAME: process.env.STALL_DB_NAME, DATABASE_URL: '' }
      : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: process.env.STALL_DB_FILE }),
  });
  // The parent going away (killed, crashed) must not leave the app running.
  process.on('disconnect', () => process.exit(1));

  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();

  const sources = [];
  for (let i = 0; i < 20; i++) {
    sources.push(
      await strapi.documents(SOURCE_UID).create({
        data: {
          key: `stall-${i}`,
          title: `Report ${i}`,
          publisher: 'Daily',
          url: `https://example.org/stall/${i}`,
          publishedDate: '2024-03-01',
          type: 'news',
        },
      })
    );
  }
  const body = sources
    .map((source) => `The inspectors reported that the shaft had been checked twice [@${source.key}], and the logs were complete.`)
    .join('\n\n');
  const citations = sources.map((source) => source.documentId);
  const reader = await strapi.documents(ARTICLE_UID).create({ data: { title: 'Read while others edit', slug: READER_SLUG, body, citations } });
  await strapi.documents(ARTICLE_UID).publish({ documentId: reader.documentId });
  const draft =
    process.env.CITED_ARTICLES_BENCH_STRAPI_ONLY === '1'
      ? await strapi.documents(NOTE_UID).create({ data: { title: 'Being edited', body: 'Draft.' } })
      : await strapi.documents(ARTICLE_UID).create({ data: { title: 'Being edited', slug: 'stall-editor', body: 'Draft.' } });

  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address();

  // Production builds the CSL engines in the background, starting a moment after the server
  // listens: measure after it.
  const warmUp = strapi.plugin('cited-articles').service('references');
  if (warmUp && typeof warmUp.warmUpFinished === 'function') {
    const waitUntil = Date.now() + 120_000;
    while (!warmUp.warmUpFinished() && Date.now() < waitUntil) await sleep(50);
    await warmUp.warmUpFinished();
  }

  // An admin, logged in through POST /admin/login as the admin panel does.
  const email = `stall-${randomBytes(4).toString('hex')}@example.org`;
  const password = 'Correct-horse-1';
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({ email, firstname: 'Bench', lastname: 'Editor', password, isActive: true, roles: [superAdmin.id] });
  const login = await fetch(`http://127.0.0.1:${port}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`admin login answered ${login.status}`);
  const token = (await login.json()).data.token;

  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const ms = (ns) => Math.round((ns / 1e6) * 10) / 10;
  process.on('message', async (message) => {
    if (message.type === 'sample-start') {
      histogram.reset();
      histogram.enable();
      process.send({ type: 'sampling' });
    }
    if (message.type === 'sample-stop') {
      histogram.disable();
      process.send({
        type: 'sample',
        loop: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean) },
      });
    }
    if (message.type === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
  });
  process.send({ type: 'ready', port, token, draft: draft.documentId });
}

// ---------------------------------------------------------------------------------------------
// --role editors: previews, saves and imports until the deadline

async function runEditors() {
  process.on('disconnect', () => process.exit(1));
  const { base, token, draft, deadline } = await new Promise((resolve) => process.once('message', resolve));
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const bodies = worstBodies();
  const stats = {};
  const end = new AbortController();
  setTimeout(() => end.abort(), Math.max(0, deadline - Date.now())).unref();

  const record = (what, outcome, ms) => {
    stats[what] ??= { outcomes: {}, latencies: [] };
    stats[what].outcomes[outcome] = (stats[what].outcomes[outcome] ?? 0) + 1;
    if (ms !== null) stats[what].latencies.push(ms);
  };

  /** One request, never thrown: its status (or why it has none) is counted under `what`. */
  const send = async (what, method, url, json) => {
    const started = performance.now();
    try {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: auth,
        body: JSON.stringify(json),
        signal: AbortSignal.any([end.signal, AbortSignal.timeout(60_000)]),
      });
      await res.arrayBuffer();
      record(what, String(res.status), performance.now() - started);
    } catch (error) {
      // Requests still running at the deadline are cut, not failures.
      record(what, end.signal.aborted ? 'cut at the end' : error.name === 'TimeoutError' ? 'timeout' : 'network error', null);
    }
  };

  const strapiOnly = process.env.STALL_STRAPI_ONLY === '1';
  const editor = async (index) => {
    for (let turn = index; !end.signal.aborted; turn++) {
      const { name, body } = bodies[turn % bodies.length];
      // --strapi-only: every turn a save, of a plain entry (Strapi has no preview to compare with).
      if (strapiOnly)
        await send(`save (Strapi only): ${name}`, 'PUT', `/content-manager/collection-types/${NOTE_UID}/${draft}`, { title: 'Being edited', body });
      else if (turn % 2 === 0) await send(`preview: ${name}`, 'POST', '/cited-articles/preview', { body });
      else await send(`save: ${name}`, 'PUT', `/content-manager/collection-types/${ARTICLE_UID}/${draft}`, { title: 'Being edited', body });
    }
  };
  const importer = async (index) => {
    const content = bibtexOf(`imp${index}x`, 1_000_000);
    while (!end.signal.aborted) {
      if (strapiOnly)
        await send('create (Strapi only): the BibTeX text, 1 MB', 'POST', `/content-manager/collection-types/${NOTE_UID}`, {
          title: 'Imported',
          body: content,
        });
      else await send('import: BibTeX, 1 MB', 'POST', '/cited-articles/sources/import', { content, format: 'bibtex' });
    }
  };

  const editors = Array.from({ length: Number(process.env.STALL_EDITORS) }, (_, index) => editor(index));
  const importers = Array.from({ length: Number(process.env.STALL_IMPORTERS) }, (_, index) => importer(index));
  await Promise.all([...editors, ...importers]);
  const summary = Object.fromEntries(
    Object.entries(stats).map(([what, { outcomes, latencies }]) => [
      what,
      { outcomes, p50: percentile(latencies, 50), max: latencies.length ? Math.max(...latencies) : null },
    ])
  );
  process.send({ type: 'editors', summary });
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// main: boot, quiet phase, loaded phase, report

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const SECONDS = args.includes('--seconds') ? Number(args[args.indexOf('--seconds') + 1]) : QUICK ? 5 : 30;
// Readers arrive at a steady rate whether or not earlier ones were answered (an open loop), as
// readers of a site do. autocannon was tried first: its clients send a request only once the last
// one is answered, so a reader stuck behind a 9 s stall counted as one slow request among many fast
// ones and the loaded p99 "passed" at 1.2x quiet (coordinated omission). 50 a second each is well
// under what the app serves, so the readers alone do not keep its event loop busy.
const READER_RATE = args.includes('--rate') ? Number(args[args.indexOf('--rate') + 1]) : 50;
const READER_TIMEOUT_MS = 10_000;
// `--editors N --importers N` (4 and 2 by default): fewer of either, to see which kind of work
// holds the readers up.
const countOption = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const EDITORS = countOption('--editors', 4);
const IMPORTERS = countOption('--importers', 2);
const children = new Set();
// `--db postgres`: the app on a fresh PostgreSQL database (DATABASE_HOST, _PORT, _USERNAME and
// _PASSWORD, 127.0.0.1:5432 postgres by default) instead of a SQLite file. SQLite has one
// connection: a long write transaction (a large import) makes every query wait, reads included.
const DB = args.includes('--db') ? args[args.indexOf('--db') + 1] : 'sqlite';
// `--strapi-only`: Strapi's own ceiling under the same load (see the top of this file).
const STRAPI_ONLY = args.includes('--strapi-only');
const PG_ENV = {
  DATABASE_HOST: process.env.DATABASE_HOST || '127.0.0.1',
  DATABASE_PORT: process.env.DATABASE_PORT || '5432',
  DATABASE_USERNAME: process.env.DATABASE_USERNAME || 'postgres',
  DATABASE_PASSWORD: process.env.DATABASE_PASSWORD || '',
};
/** One statement on the server's admin database (creating and dropping the bench's own). */
async function postgres(sql) {
  const { Client } = require('pg');
  const admin = new Client({
    host: PG_ENV.DATABASE_HOST,
    port: Number(PG_ENV.DATABASE_PORT),
    user: PG_ENV.DATABASE_USERNAME,
    password: PG_ENV.DATABASE_PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
// `--cpu-prof DIR`: the app's process writes V8 CPU profiles (one per thread) to DIR when it exits,
// to find what held its event loop (open them in Chrome's DevTools, Performance panel).
const PROFILE_DIR = args.includes('--cpu-prof') ? args[args.indexOf('--cpu-prof') + 1] : null;
const PROFILE_ARGS = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];

function forkRole(role, env = {}) {
  const child = fork(__filename, ['--role', role], {
    execArgv: role === 'server' ? PROFILE_ARGS : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** The next message of `type` from `child`, or null after `ms` (or if the child exits first). */
const nextMessage = (child, type, ms) =>
  within(
    new Promise((resolve) => {
      const onMessage = (message) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.once('exit', () => resolve(null));
    }),
    ms,
    () => null
  );

const killAll = () => {
  for (const child of children) child.kill('SIGKILL');
};

/**
 * The readers, in this process: GETs of the resolved article and of /_health, each at READER_RATE a
 * second for `seconds`, every latency recorded; a request not answered 2xx within READER_TIMEOUT_MS
 * counts as failed, and as slower than any answer in the percentiles.
 */
async function readers(port, seconds) {
  const read = async (url) => {
    const latencies = [];
    const outcome = { sent: 0, answered: 0, timeouts: 0, errors: 0, notOk: 0 };
    const inFlight = new Set();
    const one = async () => {
      const started = performance.now();
      try {
        const res = await fetch(`http://127.0.0.1:${port}${url}`, { signal: AbortSignal.timeout(READER_TIMEOUT_MS) });
        await res.arrayBuffer();
        if (res.ok) {
          outcome.answered += 1;
          latencies.push(performance.now() - started);
        } else outcome.notOk += 1;
      } catch (error) {
        if (error.name === 'TimeoutError') outcome.timeouts += 1;
        else outcome.errors += 1;
      }
    };
    const interval = 1000 / READER_RATE;
    const start = performance.now();
    for (let i = 0; performance.now() - start < seconds * 1000; i++) {
      // Paced by the clock, not by answers.
      await sleep(Math.max(0, start + i * interval - performance.now()));
      const request = one();
      inFlight.add(request);
      request.finally(() => inFlight.delete(request));
      outcome.sent += 1;
    }
    // The last ones are answered or time out within READER_TIMEOUT_MS.
    await Promise.allSettled([...inFlight]);
    const failed = outcome.sent - outcome.answered;
    const all = [...latencies, ...Array(failed).fill(Infinity)];
    return { ...outcome, p50: percentile(all, 50), p99: percentile(all, 99), max: all.length ? Math.max(...all) : null };
  };
  const [article, health] = await Promise.all([read(`/api/cited-articles/articles/${READER_SLUG}`), read('/_health')]);
  return { article, health };
}

/** The app's event-loop delay over `work()`; null when the app did not answer within `graceMs` after. */
async function sampled(server, work, graceMs) {
  server.send({ type: 'sample-start' });
  if (!(await nextMessage(server, 'sampling', 30_000))) throw new Error('the app did not start sampling its event loop');
  const result = await work();
  const asked = Date.now();
  server.send({ type: 'sample-stop' });
  const sample = await nextMessage(server, 'sample', graceMs);
  return { ...result, loop: sample ? sample.loop : null, loopAnswerWaitMs: Date.now() - asked };
}

async function checkEditorRoutes(base, token, draft) {
  // A misconfigured bench (wrong route, no permission) would show as "editors refused": make sure
  // each editor's route accepts a small request first.
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const probes = STRAPI_ONLY
    ? [
        ['PUT', `/content-manager/collection-types/${NOTE_UID}/${draft}`, { title: 'Being edited', body: 'Fact [1].' }],
        ['POST', `/content-manager/collection-types/${NOTE_UID}`, { title: 'Imported', body: bibtexOf('probe', 2_000) }],
      ]
    : [
        ['POST', '/cited-articles/preview', { body: 'Fact [1].' }],
        ['PUT', `/content-manager/collection-types/${ARTICLE_UID}/${draft}`, { title: 'Being edited', body: 'Fact [1].' }],
        ['POST', '/cited-articles/sources/import', { content: bibtexOf('probe', 2_000), format: 'bibtex' }],
      ];
  for (const [method, url, json] of probes) {
    const res = await fetch(`${base}${url}`, { method, headers: auth, body: JSON.stringify(json), signal: AbortSignal.timeout(60_000) });
    if (res.status !== 200 && res.status !== 201) throw new Error(`${method} ${url} answered ${res.status} to a small request: ${await res.text()}`);
  }
}

const fmt = (value, unit = '') => {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (value === Infinity) return 'failed';
  return `${Math.round(value * 10) / 10}${unit}`;
};

function report(result) {
  const { quiet, loaded } = result;
  const ratio = (reader) => (quiet[reader].p99 > 0 ? loaded[reader].p99 / quiet[reader].p99 : null);
  const loopText = (phase) =>
    phase.loop
      ? `p50 ${fmt(phase.loop.p50)} / p99 ${fmt(phase.loop.p99)} / max ${fmt(phase.loop.max)} ms`
      : `no answer for ${phase.loopAnswerWaitMs} ms`;
  const ratios = { article: ratio('article'), health: ratio('health') };
  const checks = [
    [
      'readers p99 loaded/quiet, article',
      ratios.article,
      `<= ${TARGET.readerP99Ratio}x`,
      ratios.article !== null && ratios.article <= TARGET.readerP99Ratio,
    ],
    [
      'readers p99 loaded/quiet, /_health',
      ratios.health,
      `<= ${TARGET.readerP99Ratio}x`,
      ratios.health !== null && ratios.health <= TARGET.readerP99Ratio,
    ],
    [
      'event-loop delay p99, loaded',
      loaded.loop?.p99 ?? null,
      `< ${TARGET.loopP99Ms} ms`,
      loaded.loop !== null && loaded.loop.p99 < TARGET.loopP99Ms,
    ],
    [
      'event-loop delay max, loaded',
      loaded.loop?.max ?? null,
      `< ${TARGET.loopMaxMs} ms`,
      loaded.loop !== null && loaded.loop.max < TARGET.loopMaxMs,
    ],
  ];
  const pass = checks.every(([, , , ok]) => ok);
  const readerRow = (name, reader) =>
    `| ${name} | ${fmt(quiet[reader].p50, ' ms')} / ${fmt(quiet[reader].p99, ' ms')} | ${fmt(loaded[reader].p50, ' ms')} / ${fmt(loaded[reader].p99, ' ms')} | ` +
    `${fmt(ratios[reader], 'x')} | ${quiet[reader].answered} / ${quiet[reader].sent} | ${loaded[reader].answered} / ${loaded[reader].sent} | ` +
    `${loaded[reader].timeouts} time-outs, ${loaded[reader].errors} errors, ${loaded[reader].notOk} not 2xx |`;
  const lines = [
    `# Stall bench (${result.strapiOnly ? 'Strapi only, ' : ''}${result.db}, ${result.seconds} s per phase${result.quick ? ', --quick' : ''}, ${result.clients.editors} editors and ${result.clients.importers} importers, ${result.cpus} CPUs, load average ${result.loadAverage} before the run, ${result.date})`,
    '',
    `| Readers (${READER_RATE} req/s each) | quiet p50 / p99 | loaded p50 / p99 | p99 loaded/quiet | answered / sent, quiet | answered / sent, loaded | loaded failures |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    readerRow('GET /api/cited-articles/articles/:slug', 'article'),
    readerRow('GET /_health', 'health'),
    '',
    '| App event-loop delay (monitorEventLoopDelay) | quiet | loaded |',
    '| --- | --- | --- |',
    `| p50 / p99 / max | ${loopText(quiet)} | ${loopText(loaded)} |`,
    '',
    `Readers' percentiles count a failed request (no 2xx answer within ${READER_TIMEOUT_MS / 1000} s, a reset) as slower than any answer.`,
    '',
    '| Editors (loaded phase) | outcomes | p50 | max |',
    '| --- | --- | --- | --- |',
    ...(result.editors ? [] : ['| (the editors did not report) | | | |']),
    ...Object.entries(result.editors ?? {}).map(
      ([what, { outcomes, p50, max }]) =>
        `| ${what} | ${Object.entries(outcomes)
          .map(([outcome, count]) => `${outcome}: ${count}`)
          .join(', ')} | ${fmt(p50, ' ms')} | ${fmt(max, ' ms')} |`
    ),
    '',
    '| Target | measured | wanted | |',
    '| --- | --- | --- | --- |',
    ...checks.map(
      ([name, value, wanted, ok]) =>
        `| ${name} | ${fmt(value, name.includes('ratio') || name.startsWith('readers') ? 'x' : ' ms')} | ${wanted} | ${ok ? 'pass' : 'FAIL'} |`
    ),
    '',
    `Verdict: ${pass ? 'PASS' : 'FAIL'}`,
  ];
  return { markdown: lines.join('\n'), pass, ratios, checks: checks.map(([name, value, wanted, ok]) => ({ name, value, wanted, ok })) };
}

async function main() {
  const started = Date.now();
  // Boot and seed take a minute or two; each phase its seconds plus bounded waits.
  const watchdog = setTimeout(
    () => {
      console.error('stall bench: overran its time, killing the app and the editors');
      killAll();
      process.exit(2);
    },
    (5 * 60 + 2 * SECONDS + 4 * 60) * 1000
  );
  watchdog.unref();
  process.on('exit', killAll);

  // The app as the tests run it: compiled config and src in dist/ (the plugin is built by the npm script).
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: APP_DIR });

  const dbName = `ca_stall_${process.pid}_${randomBytes(3).toString('hex')}`;
  const dbFile = path.join(os.tmpdir(), `${dbName}.db`);
  if (DB === 'postgres') await postgres(`CREATE DATABASE "${dbName}"`);
  const server = forkRole('server', {
    ...(DB === 'postgres' ? { STALL_DB_NAME: dbName } : { STALL_DB_FILE: dbFile }),
    ...(STRAPI_ONLY ? { CITED_ARTICLES_BENCH_STRAPI_ONLY: '1' } : {}),
  });
  try {
    const ready = await nextMessage(server, 'ready', 5 * 60_000);
    if (!ready) throw new Error('the app exited or did not boot within 5 minutes');
    const base = `http://127.0.0.1:${ready.port}`;
    console.log(`app ready on ${base} after ${((Date.now() - started) / 1000).toFixed(0)} s; ${SECONDS} s per phase`);
    await checkEditorRoutes(base, ready.token, ready.draft);

    // Warm-up (not reported): the article's first resolution, JIT.
    await readers(ready.port, Math.min(3, SECONDS));

    // Other work on the machine shows in both phases; the load average says how much there was.
    const loadAverage = os.loadavg()[0];
    console.log('quiet phase: readers alone');
    const quiet = await sampled(server, () => readers(ready.port, SECONDS), 30_000);

    console.log(`loaded phase: readers with ${EDITORS} editors and ${IMPORTERS} importers`);
    let editorsSummary = null;
    const loaded = await sampled(
      server,
      async () => {
        const editors = forkRole('editors', {
          STALL_EDITORS: String(EDITORS),
          STALL_IMPORTERS: String(IMPORTERS),
          STALL_STRAPI_ONLY: STRAPI_ONLY ? '1' : '',
        });
        const editorsDone = nextMessage(editors, 'editors', SECONDS * 1000 + 30_000);
        editors.send({ base, token: ready.token, draft: ready.draft, deadline: Date.now() + SECONDS * 1000 });
        const read = await readers(ready.port, SECONDS);
        const done = await editorsDone;
        editors.kill('SIGKILL');
        editorsSummary = done ? done.summary : null;
        return read;
      },
      // An app still busy with the editors' last requests answers late: wait up to 2 minutes,
      // then report that it did not answer (its event loop blocked at least that long).
      120_000
    );

    const result = {
      date: new Date().toISOString(),
      db: DB,
      seconds: SECONDS,
      clients: { editors: EDITORS, importers: IMPORTERS },
      strapiOnly: STRAPI_ONLY,
      quick: QUICK,
      cpus: os.cpus().length,
      loadAverage: Math.round(loadAverage * 100) / 100,
      target: TARGET,
      quiet,
      loaded,
      editors: editorsSummary,
    };
    const { markdown, pass, ratios, checks } = report(result);
    console.log(`\n${markdown}\n`);
    const dir = path.join(__dirname, 'results');
    fs.mkdirSync(dir, { recursive: true });
    const name = `stall${DB === 'sqlite' ? '' : `-${DB}`}${STRAPI_ONLY ? '-strapi-only' : ''}-latest`;
    fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ ...result, ratios, checks, pass }, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, `${name}.md`), `${markdown}\n`);
    console.log(`written: bench/results/${name}.json, bench/results/${name}.md`);
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', () => resolve(true)));
      if (server.connected) server.send({ type: 'stop' }, () => {});
      if (!(await within(exited, 30_000, () => false))) server.kill('SIGKILL');
    }
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dbFile + suffix, { force: true });
    if (DB === 'postgres') await postgres(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    clearTimeout(watchdog);
  }
}

const roles = { main, server: runServer, editors: runEditors };
roles[ROLE]().catch((error) => {
  console.error(error);
  killAll();
  process.exit(1);
});
