#!/usr/bin/env node
/**
 * `npm run bench`: HTTP benchmarks of the plugin's public routes on SQLite and PostgreSQL (not part
 * of `npm test`). For each database it starts bench/server.js as a child (a booted app on a fresh
 * database with seeded content), runs autocannon against each case, prints a table and writes
 * bench/results/latest.json.
 *
 *   npm run bench                      # both databases
 *   npm run bench -- --db sqlite       # one
 *   BENCH_SECONDS=10 npm run bench     # longer runs (default 5 s per case, 3 s for scaling cases)
 *
 * The resolved article route is measured against a baseline in the same run: the same article read
 * by Strapi's Document Service with its citations populated and nothing resolved (a bench-only route,
 * registered when CITED_ARTICLES_BENCH=1). The GraphQL query `citedArticle` for the same article,
 * selecting what the REST route answers, is compared with the REST route and with `{ __typename }`,
 * the cheapest query Strapi's Apollo answers (the ceiling for any GraphQL read). The four are run
 * interleaved, BENCH_ROUNDS times each (default 3), after a warm-up, to even out drift; the
 * GraphQL row reports each round's ratio to `{ __typename }` as well as the mean.
 *
 * The caching rows (README "Caching and CDNs") compare, in the same run: the resolved article
 * (warm, in the default style and with ?style=apa), a comment thread of 50 comments (10 of them
 * replies), the article list and an If-None-Match revalidation with a Users & Permissions route that
 * answers a constant (GET /styles); the first `?style=apa` request after boot; and, when varnishd is
 * installed, reads through Varnish with the shipped varnish/default.vcl (the article over REST, and
 * over GraphQL as a persisted query GET against the origin's rate for that GET) and the time from a
 * publish to the new version being served through it.
 *
 *   npm run bench -- --only caching    # the caching rows alone
 *   npm run bench -- --only graphql    # the typical article's baseline, REST and GraphQL rows alone
 */
const { fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');

const args = process.argv.slice(2);
const dbArg = args.includes('--db') ? args[args.indexOf('--db') + 1] : null;
const DATABASES = dbArg ? dbArg.split(',') : ['sqlite', 'postgres'];
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const SCALING_SECONDS = Number(process.env.BENCH_SCALING_SECONDS || 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const PUBLISHES = Number(process.env.BENCH_PUBLISHES || 20);
const { freePort, startVarnish } = require('./varnish');
// The purge secret shared by the app and Varnish's purge-secret.vcl (README "Purging on change").
const PURGE_TOKEN = require('node:crypto').randomBytes(32).toString('hex');

function startServer(client, env = {}) {
  const child = fork(path.join(__dirname, 'server.js'), [client], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  let nextId = 0;
  const pending = new Map();
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.type === 'log') console.log(`  [${client}] ${message.line}`);
      if (message.type === 'ready') resolve(message);
      if (message.type === 'warmed') {
        pending.get(message.id).resolve(message);
        pending.delete(message.id);
      }
      if (message.type === 'published') {
        const { resolve: done, reject: fail } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) fail(new Error(message.error));
        else done();
      }
      if (message.type === 'count') {
        const { resolve: done, reject: fail } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) fail(new Error(message.error));
        else done(message.count);
      }
    });
    child.on('exit', (code) => reject(new Error(`bench server on ${client} exited with ${code}`)));
  });
  return {
    ready,
    countQueries: (url, init) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.send({ type: 'count', id, url, init });
      }),
    warmedUp: () =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.send({ type: 'warm-up', id });
      }),
    publish: (slug, title) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.send({ type: 'publish', id, slug, title });
      }),
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', resolve);
        child.send({ type: 'stop' });
        setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
      }),
  };
}

// What GET /articles/:slug answers (format json), asked for through GraphQL.
const CITED_ARTICLE = `query($slug: String!) { citedArticle(slug: $slug) {
  documentId slug title summary body publishedAt updatedAt numberingStart commentsEnabled commentCount
  citations { id number marker start end sourceKey locator formatted }
  references { id number backlinks formatted source {
    documentId key title containerTitle publisher publisherPlace
    authors { family given nonDroppingParticle droppingParticle suffix literal }
    editors { family given nonDroppingParticle droppingParticle suffix literal }
    translators { family given nonDroppingParticle droppingParticle suffix literal }
    url publishedDate accessedDate archiveUrl doi type language
    volume issue pages edition isbn issn number genre } }
  issues { code severity message marker start end sourceKey }
  style locale
} }`;
/** The anchor for GraphQL reads: what any request through Strapi's Apollo pipeline costs at least. */
const TYPENAME_REQUEST = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) };
// Rounds of the interleaved baseline, REST, GraphQL and `{ __typename }` reads.
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const graphqlRequest = (slug) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: CITED_ARTICLE, variables: { slug } }),
});

/** A persisted query's GET URL (the hash alone), and the URL that registers it (the query too). */
const persistedQuery = (query, variables) => {
  const sha256Hash = require('node:crypto').createHash('sha256').update(query).digest('hex');
  const params = new URLSearchParams({
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }),
  });
  return { url: `/graphql?${params}`, register: `/graphql?${params}&${new URLSearchParams({ query })}` };
};

async function load(port, url, seconds, init = {}, expectStatus = 200) {
  const base = typeof port === 'string' ? port : `http://127.0.0.1:${port}`;
  const result = await autocannon({ url: `${base}${url}`, connections: CONNECTIONS, duration: seconds, ...init });
  const expected = result.statusCodeStats?.[expectStatus]?.count ?? 0;
  const unexpected = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => Number(code) !== expectStatus);
  if (unexpected.length > 0 || result.errors > 0 || expected === 0) {
    throw new Error(`${url}: expected ${expectStatus}, got ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors`);
  }
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}

const mean = (runs, key) => runs.reduce((sum, run) => sum + run[key], 0) / runs.length;
const merge = (runs) => ({
  requestsPerSecond: Math.round(mean(runs, 'requestsPerSecond')),
  p50: mean(runs, 'p50'),
  p99: mean(runs, 'p99'),
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The caching rows: ratios to the constant U&P route, cold style, Varnish hits and purge latency. */
async function benchCaching(server, port, varnishPort, resolvedUrl, listeningAt, threadUrl) {
  const rows = [];
  const origin = `http://127.0.0.1:${port}`;
  // Readiness while the CSL engines are built in the background: /_health every 50 ms from the
  // moment the server listens until the build is done, the slowest answer reported.
  const timeHealth = async () => {
    const start = performance.now();
    const res = await fetch(`${origin}/_health`);
    await res.arrayBuffer();
    return performance.now() - start;
  };
  const firstHealthMs = await timeHealth();
  let warmed = null;
  const warming = server.warmedUp().then((message) => (warmed = message));
  let slowestHealthMs = firstHealthMs;
  while (!warmed) {
    slowestHealthMs = Math.max(slowestHealthMs, await timeHealth());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await warming;
  const warmUpMs = warmed.at - listeningAt;
  // The first ?style=apa request after boot, once the background build is done.
  const coldStart = performance.now();
  const cold = await fetch(`${origin}${resolvedUrl}?style=apa`);
  await cold.arrayBuffer();
  const firstApaMs = Number((performance.now() - coldStart).toFixed(1));
  if (cold.status !== 200) throw new Error(`first ?style=apa answered ${cold.status}`);
  const ms = (value) => Number(value.toFixed(1));
  rows.push({
    group: 'caching',
    name: 'readiness during the CSL warm-up',
    note: `/_health at listen ${ms(firstHealthMs)} ms, slowest during the warm-up ${ms(slowestHealthMs)} ms; warm-up of ${warmed.styles.join(', ')} done ${warmUpMs} ms after listen`,
  });

  const constantUrl = '/api/cited-articles/styles';
  const listUrl = '/api/cited-articles/articles';
  const etag = (await fetch(`${origin}${resolvedUrl}`)).headers.get('etag');
  await fetch(`${origin}${listUrl}`).then((res) => res.arrayBuffer());
  const revalidate = { headers: { 'if-none-match': etag } };
  // The same article in an author-date CSL style: its list formatted whole and its in-text
  // citations, cached per article version, style and locale.
  const apaUrl = `${resolvedUrl}?style=apa`;
  await fetch(`${origin}${threadUrl}`).then((res) => res.arrayBuffer());
  const runs = { constant: [], resolved: [], apa: [], list: [], revalidation: [], thread: [] };
  for (let round = 0; round < 2; round++) {
    runs.constant.push(await load(port, constantUrl, SECONDS));
    runs.resolved.push(await load(port, resolvedUrl, SECONDS));
    runs.apa.push(await load(port, apaUrl, SECONDS));
    runs.thread.push(await load(port, threadUrl, SECONDS));
    runs.list.push(await load(port, listUrl, SECONDS));
    runs.revalidation.push(await load(port, resolvedUrl, SECONDS, revalidate, 304));
  }
  const constant = merge(runs.constant);
  const resolved = merge(runs.resolved);
  const apa = merge(runs.apa);
  const list = merge(runs.list);
  const thread = merge(runs.thread);
  const revalidation = merge(runs.revalidation);
  const ratio = (a, b) => Number((a.requestsPerSecond / b.requestsPerSecond).toFixed(2));
  rows.push({ group: 'caching', name: 'constant U&P route (GET /styles)', ...constant, queries: await server.countQueries(constantUrl) });
  rows.push({
    group: 'caching',
    name: 'resolved article, warm',
    ...resolved,
    queries: await server.countQueries(resolvedUrl),
    note: `${ratio(resolved, constant)}× constant route (target ≥ 0.9)`,
  });
  rows.push({
    group: 'caching',
    name: 'resolved article ?style=apa, warm',
    ...apa,
    queries: await server.countQueries(apaUrl),
    note: `${ratio(apa, constant)}× constant route (target ≥ 0.9)`,
  });
  rows.push({
    group: 'caching',
    name: 'comment thread, 50 comments (10 replies), warm',
    ...thread,
    queries: await server.countQueries(threadUrl),
    note: `${ratio(thread, constant)}× constant route (target ≥ 0.8)`,
  });
  rows.push({
    group: 'caching',
    name: 'article list',
    ...list,
    queries: await server.countQueries(listUrl),
    note: `${ratio(list, resolved)}× resolved article (target ≥ 0.8)`,
  });
  rows.push({
    group: 'caching',
    name: 'If-None-Match revalidation (304)',
    ...revalidation,
    note: `${ratio(revalidation, constant)}× constant route (target ≥ 1)`,
  });
  rows.push({
    group: 'caching',
    name: 'first ?style=apa request after boot (after the warm-up)',
    latencyMs: firstApaMs,
    note: `${firstApaMs} ms (target < 300 ms)`,
  });

  const varnish = varnishPort ? await startVarnish(varnishPort, port, PURGE_TOKEN) : null;
  if (!varnish) {
    rows.push({ group: 'caching', name: 'through Varnish', note: 'not measured: varnishd is not installed' });
    return rows;
  }
  try {
    await fetch(`${varnish.url}${resolvedUrl}`).then((res) => res.arrayBuffer());
    const viaVarnish = merge([await load(varnish.url, resolvedUrl, SECONDS), await load(varnish.url, resolvedUrl, SECONDS)]);
    rows.push({
      group: 'caching',
      name: 'resolved article through Varnish (hits)',
      ...viaVarnish,
      note: `${ratio(viaVarnish, resolved)}× origin resolved article (target ≥ 10)`,
    });

    // The same article read through GraphQL as a persisted query over GET (docs/graphql.md): the
    // origin's rate for that GET, then Varnish's hits, in this run.
    const slugOfArticle = resolvedUrl.split('/').pop();
    const persisted = persistedQuery(CITED_ARTICLE, { slug: slugOfArticle });
    const preflight = { headers: { 'apollo-require-preflight': 'true' } };
    const registered = await fetch(`${origin}${persisted.register}`, preflight);
    if (registered.status !== 200 || (await registered.json()).errors) throw new Error('the persisted query was not registered');
    const persistedOrigin = merge([await load(port, persisted.url, SECONDS, preflight), await load(port, persisted.url, SECONDS, preflight)]);
    rows.push({ group: 'caching', name: 'GraphQL persisted query over GET, origin', ...persistedOrigin });
    await fetch(`${varnish.url}${persisted.url}`, preflight).then((res) => res.arrayBuffer());
    const persistedHits = merge([
      await load(varnish.url, persisted.url, SECONDS, preflight),
      await load(varnish.url, persisted.url, SECONDS, preflight),
    ]);
    rows.push({
      group: 'caching',
      name: 'GraphQL persisted query through Varnish (hits)',
      ...persistedHits,
      note: `${ratio(persistedHits, persistedOrigin)}× origin persisted query (target ≥ 10)`,
    });

    // Publish → served through Varnish: the article is cached, an edit is published, Varnish is
    // asked every few milliseconds until it serves the new title.
    const slug = resolvedUrl.split('/').pop();
    const sinceSaved = [];
    const sincePublishCall = [];
    for (let i = 1; i <= PUBLISHES; i++) {
      await fetch(`${varnish.url}${resolvedUrl}`).then((res) => res.arrayBuffer());
      const title = `Benchmark edition ${i} ${Date.now()}`;
      const called = performance.now();
      await server.publish(slug, title);
      const saved = performance.now();
      for (;;) {
        const body = await fetch(`${varnish.url}${resolvedUrl}`).then((res) => res.json());
        if (body.data?.title === title) break;
        if (performance.now() - saved > 10_000) throw new Error('a publish was not served through Varnish within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      const seen = performance.now();
      sinceSaved.push(seen - saved);
      sincePublishCall.push(seen - called);
    }
    rows.push({
      group: 'caching',
      name: `publish → served through Varnish (${PUBLISHES} publishes)`,
      publishToVisible: { medianMs: ms(median(sinceSaved)), maxMs: ms(Math.max(...sinceSaved)), medianFromCallMs: ms(median(sincePublishCall)) },
      note: `after the save returns: median ${ms(median(sinceSaved))} ms, max ${ms(Math.max(...sinceSaved))} ms (save included: median ${ms(median(sincePublishCall))} ms)`,
    });
  } finally {
    await varnish.stop();
  }
  return rows;
}

async function benchDatabase(client) {
  console.log(`\n${client}: seeding`);
  // Varnish's port is chosen first: the app purges it (CITED_ARTICLES_PURGE_URLS).
  const varnishPort = await freePort();
  const server = startServer(client, { CITED_ARTICLES_PURGE_URLS: `http://127.0.0.1:${varnishPort}`, CITED_ARTICLES_PURGE_TOKEN: PURGE_TOKEN });
  const { port, cases, listeningAt } = await server.ready;
  const rows = [];
  try {
    const typical = cases.find((spec) => spec.group === 'baseline');
    const thread = cases.find((spec) => spec.group === 'thread');
    if (ONLY !== 'graphql') rows.push(...(await benchCaching(server, port, varnishPort, typical.resolved, listeningAt, thread.url)));
    for (const row of rows) console.log(`  ${row.name}: ${row.requestsPerSecond ?? ''} ${row.note ?? ''}`);
    const measured = ONLY === 'caching' ? [] : ONLY === 'graphql' ? [typical] : cases.filter((spec) => spec.group !== 'thread');
    for (const spec of measured) {
      if (spec.group === 'baseline') {
        for (const url of [spec.baseline, spec.resolved]) await fetch(`http://127.0.0.1:${port}${url}`).then((res) => res.arrayBuffer());
        // GraphQL answers errors with 200, which autocannon would count as successes: check once.
        const graphql = graphqlRequest(spec.resolved.split('/').pop());
        const answer = await fetch(`http://127.0.0.1:${port}/graphql`, graphql).then((res) => res.json());
        if (!answer.data?.citedArticle) throw new Error(`/graphql: ${JSON.stringify(answer.errors)}`);
        // Warm: a second of each GraphQL request before anything is measured.
        await load(port, '/graphql', 1, graphql);
        await load(port, '/graphql', 1, TYPENAME_REQUEST);
        const baselineRuns = [];
        const resolvedRuns = [];
        const graphqlRuns = [];
        const typenameRuns = [];
        for (let round = 0; round < ROUNDS; round++) {
          baselineRuns.push(await load(port, spec.baseline, SECONDS));
          resolvedRuns.push(await load(port, spec.resolved, SECONDS));
          graphqlRuns.push(await load(port, '/graphql', SECONDS, graphql));
          typenameRuns.push(await load(port, '/graphql', SECONDS, TYPENAME_REQUEST));
        }
        const baseline = { ...merge(baselineRuns), queries: await server.countQueries(spec.baseline) };
        const resolved = { ...merge(resolvedRuns), queries: await server.countQueries(spec.resolved) };
        const viaGraphql = { ...merge(graphqlRuns), queries: await server.countQueries('/graphql', graphql) };
        rows.push({ group: 'baseline', name: `${spec.name}: Document Service findFirst + populate (baseline)`, ...baseline });
        rows.push({
          group: 'baseline',
          name: `${spec.name}: resolved route`,
          ...resolved,
          ratio: Number((resolved.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)),
        });
        console.log(`  ${rows[rows.length - 1].name}: ${resolved.requestsPerSecond} req/s, ${resolved.queries} queries`);
        const typename = { ...merge(typenameRuns), queries: await server.countQueries('/graphql', TYPENAME_REQUEST) };
        rows.push({ group: 'graphql', name: 'GraphQL `{ __typename }` (the cheapest query Apollo answers)', ...typename });
        rows.push({
          group: 'graphql',
          name: `${spec.name}: GraphQL citedArticle`,
          ...viaGraphql,
          ratioToRest: Number((viaGraphql.requestsPerSecond / resolved.requestsPerSecond).toFixed(2)),
          ratioToTypename: Number((viaGraphql.requestsPerSecond / typename.requestsPerSecond).toFixed(2)),
          // Each round's ratio: the spread says how far one figure can be trusted.
          ratioToTypenameByRound: graphqlRuns.map((run, round) => Number((run.requestsPerSecond / typenameRuns[round].requestsPerSecond).toFixed(2))),
        });
      } else {
        // Warm-up: one request alone fills the memo (a 1 MB body takes seconds the first time),
        // then a second of load.
        await fetch(`http://127.0.0.1:${port}${spec.url}`).then((res) => res.arrayBuffer());
        await load(port, spec.url, 1);
        const result = await load(port, spec.url, SCALING_SECONDS);
        rows.push({ group: spec.group, name: spec.name, size: spec.size, ...merge([result]), queries: await server.countQueries(spec.url) });
      }
      const last = rows[rows.length - 1];
      console.log(`  ${last.name}: ${last.requestsPerSecond} req/s, p50 ${last.p50} ms, p99 ${last.p99} ms, ${last.queries} queries`);
    }
  } finally {
    await server.stop();
  }
  return rows;
}

function table(client, rows) {
  const lines = [`| ${client} | req/s | p50 ms | p99 ms | queries/request | vs baseline |`, '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const row of rows) {
    if (row.group === 'caching') {
      const cell = (value) => (value === undefined ? '' : value);
      lines.push(`| ${row.name} | ${cell(row.requestsPerSecond)} | ${cell(row.p50)} | ${cell(row.p99)} | ${cell(row.queries)} | ${row.note ?? ''} |`);
      continue;
    }
    const spread = row.ratioToTypenameByRound ? ` (rounds ${row.ratioToTypenameByRound.join(', ')})` : '';
    const toTypename = row.ratioToTypename ? `, ${row.ratioToTypename}× \`{ __typename }\`${spread}` : '';
    const ratio = row.ratio ? `${row.ratio}×` : row.ratioToRest ? `${row.ratioToRest}× REST route${toTypename}` : '';
    lines.push(`| ${row.name} | ${row.requestsPerSecond} | ${row.p50} | ${row.p99} | ${row.queries} | ${ratio} |`);
  }
  return lines.join('\n');
}

async function main() {
  // The app's TypeScript (config/, src/) compiled to dist/, as the test harness does.
  await require('@strapi/strapi').compileStrapi({ appDir: path.resolve(__dirname, '..') });
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    settings: { seconds: SECONDS, scalingSeconds: SCALING_SECONDS, connections: CONNECTIONS },
    command: `npm run bench${dbArg || ONLY ? ' --' : ''}${dbArg ? ` --db ${dbArg}` : ''}${ONLY ? ` --only ${ONLY}` : ''}`,
    databases: {},
  };
  for (const client of DATABASES) results.databases[client] = await benchDatabase(client);

  const output = Object.entries(results.databases)
    .map(([client, rows]) => table(client, rows))
    .join('\n\n');
  console.log(`\n${output}\n`);
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  // A partial run (--only) has its own files, so it never replaces the full run's.
  const name = ONLY ? `${ONLY}-latest` : 'latest';
  fs.writeFileSync(path.join(__dirname, 'results', `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(__dirname, 'results', `${name}.md`), `${output}\n`);
  console.log(`written to bench/results/${name}.json and ${name}.md`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
