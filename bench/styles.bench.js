#!/usr/bin/env node
/**
 * Cost of CSL formatting over HTTP (not a test): boots the app on a temporary SQLite database,
 * publishes an article citing 100 sources, warms up, then measures GET /articles/:slug with
 * ?style=news and ?style=apa under autocannon and prints the ratio of their mean latencies.
 * After the first request the article comes from the memo (and its formatted list from the list
 * cache), so the ratio should stay close to 1. Writes bench/results/styles-<timestamp>.json. Run: `npm run bench:styles`
 * (builds nothing: run `npm run build:plugin` first after changing the plugin).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { freshSecrets } = require('../scripts/ensure-env');

const APP_DIR = path.resolve(__dirname, '..');
const REFERENCES = 100;
const DURATION = Number(process.env.BENCH_DURATION || 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const SOURCE_UID = 'plugin::cited-articles.source';
const ARTICLE_UID = 'plugin::cited-articles.article';

async function boot(filename) {
  Object.assign(process.env, {
    ...freshSecrets(),
    STRAPI_LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    CITED_ARTICLES_SEED: 'false',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: filename,
  });
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: APP_DIR });
  const strapi = await createStrapi({
    appDir: APP_DIR,
    distDir: path.join(APP_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.server.listen();
  return strapi;
}

async function seed(strapi) {
  const sources = [];
  for (let i = 0; i < REFERENCES; i += 1) {
    sources.push(
      await strapi.documents(SOURCE_UID).create({
        data: {
          key: `source-${i}`,
          title: `Headline number ${i} about the mine collapse`,
          publisher: `Publisher ${i % 37}`,
          authors: i % 3 === 0 ? ['Jane Doe', 'Richard Roe'] : [],
          publishedDate: `2023-02-${String((i % 28) + 1).padStart(2, '0')}`,
          url: `https://news${i % 50}.example.com/story/${i}`,
          type: ['news', 'web', 'journal', 'book', 'report'][i % 5],
        },
      })
    );
  }
  const body = sources.map((source, i) => `Sentence ${i} cites [@${source.key}].`).join('\n\n');
  const article = await strapi.documents(ARTICLE_UID).create({
    data: { title: 'Bench article', slug: 'bench-article', body, citations: sources.map((s) => s.documentId) },
  });
  await strapi.documents(ARTICLE_UID).publish({ documentId: article.documentId });
}

const run = (url) =>
  new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (error, result) => (error ? reject(error) : resolve(result)));
  });

async function main() {
  const filename = path.join(os.tmpdir(), `ca_bench_${process.pid}.db`);
  const strapi = await boot(filename);
  try {
    await seed(strapi);
    const { port } = strapi.server.httpServer.address();
    const base = `http://127.0.0.1:${port}/api/cited-articles/articles/bench-article`;

    // First requests: engine construction and formatting of 100 entries (then cached).
    const first = {};
    for (const style of ['news', 'apa']) {
      const t0 = process.hrtime.bigint();
      const res = await fetch(`${base}?style=${style}`);
      const json = await res.json();
      if (res.status !== 200 || json.data.references.length !== REFERENCES) throw new Error(`${style}: ${res.status}`);
      first[style] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
    await run(`${base}?style=news`); // warm-up of the whole stack
    // Alternating rounds, so that a change in machine load hits both styles alike.
    const rounds = { news: [], apa: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const style of ['news', 'apa']) {
        const result = await run(`${base}?style=${style}`);
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${style}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        rounds[style].push(result);
      }
    }
    const results = {};
    for (const style of ['news', 'apa']) {
      const list = rounds[style];
      const requests = list.reduce((sum, r) => sum + r.requests.total, 0);
      results[style] = {
        requests,
        rps: list.reduce((sum, r) => sum + r.requests.average, 0) / list.length,
        latencyMeanMs: list.reduce((sum, r) => sum + r.latency.mean * r.requests.total, 0) / requests,
        latencyP99Ms: Math.max(...list.map((r) => r.latency.p99)),
      };
    }
    const ratio = results.apa.latencyMeanMs / results.news.latencyMeanMs;
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      references: REFERENCES,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      rounds: ROUNDS,
      loadAverage: os.loadavg(),
      firstRequestMs: first,
      results,
      apaOverNewsLatencyRatio: Number(ratio.toFixed(3)),
    };
    console.log(`first request: news ${first.news.toFixed(0)} ms, apa ${first.apa.toFixed(0)} ms (engine build + 100 entries)`);
    for (const style of ['news', 'apa']) {
      const r = results[style];
      console.log(`${style.padEnd(4)}: ${r.rps.toFixed(1)} req/s, mean ${r.latencyMeanMs.toFixed(1)} ms, p99 ${r.latencyP99Ms} ms`);
    }
    console.log(`apa / news mean latency: ${ratio.toFixed(2)}`);
    const dir = path.join(__dirname, 'results');
    fs.mkdirSync(dir, { recursive: true });
    const out = path.join(dir, `styles-${report.date.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`written: ${path.relative(APP_DIR, out)}`);
  } finally {
    await strapi.destroy();
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${filename}${suffix}`, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
