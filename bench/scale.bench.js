#!/usr/bin/env node
/**
 * `npm run bench:scale`: is the cost of the plugin's routes flat as the data grows? On a fresh
 * PostgreSQL database the app boots with its demo content; each route is measured there, then the
 * database grows to news-site volume (bench/scale-seed.js: 20,000 articles, 100,000 sources,
 * 1,000,000 comments, in bulk SQL) and the same routes are measured again, in the same run. Target:
 * each route within 1.5× its demo-data time.
 *
 * The in-process response cache is off (CITED_ARTICLES_ORIGIN_CACHE=false): every request reads the
 * database, which is what this bench measures (a cached read costs the same at any volume).
 * Requests go one at a time (ROUNDS each, after 2 unmeasured ones); the median and the slowest are
 * reported with the SQL statements of one request, counted on Strapi's connection as the tests do.
 *
 *   npm run bench:scale
 *   BENCH_SCALE=0.1 npm run bench:scale   # a tenth of the volume (a quicker check)
 *
 * Results: bench/results/scale-latest.json and .md, with the machine's load average.
 */
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freshSecrets } = require('../scripts/ensure-env');
const { growToScale } = require('./scale-seed');

const APP_DIR = path.resolve(__dirname, '..');
const SCALE = Number(process.env.BENCH_SCALE || 1);
const VOLUME = {
  articles: Math.round(20_000 * SCALE),
  sources: Math.round(100_000 * SCALE),
  comments: Math.round(1_000_000 * SCALE),
  busiest: Math.round(100_000 * SCALE),
};
const ROUNDS = Number(process.env.BENCH_ROUNDS || 15);
const TARGET = 1.5;
const name = `ca_scale_${process.pid}_${randomBytes(3).toString('hex')}`;

const server = {
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || '',
};
async function adminQuery(sql) {
  const { Client } = require('pg');
  const client = new Client({ ...server, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const log = (line) => console.log(`  ${line}`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => Number(value.toFixed(1));

async function main() {
  await require('@strapi/strapi').compileStrapi({ appDir: APP_DIR });
  await adminQuery(`CREATE DATABASE "${name}"`);
  Object.assign(process.env, {
    ...freshSecrets(),
    STRAPI_LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    NODE_ENV: 'production',
    CITED_ARTICLES_ORIGIN_CACHE: 'false',
    CITED_ARTICLES_WARM_UP_STYLES: 'false',
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: server.host,
    DATABASE_PORT: String(server.port),
    DATABASE_USERNAME: server.user,
    DATABASE_PASSWORD: server.password,
    DATABASE_NAME: name,
    DATABASE_URL: '',
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
  const results = {
    date: new Date().toISOString(),
    command: `${SCALE === 1 ? '' : `BENCH_SCALE=${SCALE} `}npm run bench:scale`,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    volume: VOLUME,
    rounds: ROUNDS,
    loadAverage: { start: os.loadavg().map((value) => Number(value.toFixed(2))) },
    rows: [],
  };

  try {
    // An admin for the admin routes, logged in as the admin panel does.
    const email = `bench-${Date.now()}@example.org`;
    const password = 'Correct-horse-1';
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    await strapi.service('admin::user').create({ email, firstname: 'Bench', lastname: 'Admin', password, isActive: true, roles: [superAdmin.id] });
    const login = await fetch(`${origin}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const token = (await login.json()).data.token;
    const asAdmin = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    let statements = 0;
    let recent = [];
    strapi.db.connection.on('query', (query) => {
      statements += 1;
      recent.push(query.sql);
    });
    /** ROUNDS timed requests after 2 unmeasured ones; the statements of the last. */
    const measure = async (url, init = {}) => {
      const once = async () => {
        const before = statements;
        recent = [];
        const started = performance.now();
        const res = await fetch(`${origin}${url}`, init);
        const body = await res.text();
        const elapsed = performance.now() - started;
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 300)}`);
        return { elapsed, statements: statements - before, body, sql: recent };
      };
      await once();
      await once();
      const times = [];
      let last;
      for (let round = 0; round < ROUNDS; round++) {
        last = await once();
        times.push(last.elapsed);
      }
      return { medianMs: ms(median(times)), maxMs: ms(Math.max(...times)), statements: last.statements, body: last.body, sql: last.sql };
    };

    /** A source edit through the Content Manager, as an editor saves it; the keys it purges. */
    const purged = [];
    strapi
      .plugin('cited-articles')
      .service('caching')
      .onPurge((keys) => purged.push(...keys));
    const editSource = async (documentId) => {
      const times = [];
      let last = null;
      for (let round = 0; round < Math.max(5, Math.floor(ROUNDS / 3)); round++) {
        const before = statements;
        purged.length = 0;
        const started = performance.now();
        const res = await fetch(`${origin}/content-manager/collection-types/plugin::cited-articles.source/${documentId}`, {
          method: 'PUT',
          headers: asAdmin,
          body: JSON.stringify({ title: `Edited source title ${round} ${Date.now()}` }),
        });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`source edit answered ${res.status}: ${body.slice(0, 300)}`);
        times.push(performance.now() - started);
        // Purges go out after the commit: wait for them to be queued.
        await new Promise((resolve) => setTimeout(resolve, 50));
        last = { statements: statements - before, keys: new Set(purged).size };
      }
      return { medianMs: ms(median(times)), maxMs: ms(Math.max(...times)), statements: last.statements, purgeKeys: last.keys };
    };

    const knex = strapi.db.connection;
    const commentTable = strapi.db.metadata.get('plugin::cited-articles.comment').tableName;
    const articleTable = strapi.db.metadata.get('plugin::cited-articles.article').tableName;
    const sourceTable = strapi.db.metadata.get('plugin::cited-articles.source').tableName;
    const citations = strapi.db.metadata.get('plugin::cited-articles.article').attributes.citations.joinTable;

    const phase = async (label, { busiestSlug, hotSource }) => {
      log(`${label}: measuring`);
      const rows = {};
      const API = '/api/cited-articles';
      const first = await measure(`${API}/articles?pageSize=25`);
      rows['article list, first page'] = first;
      const { pageCount } = JSON.parse(first.body).meta.pagination;
      rows[`article list, last page`] = await measure(`${API}/articles?pageSize=25&page=${pageCount}`);
      const demoSlug = (await knex(articleTable).whereNotNull('published_at').whereNot('slug', 'like', 'bulk-%').orderBy('id').first('slug')).slug;
      rows['resolved article'] = await measure(`${API}/articles/${demoSlug}`);
      const thread = await measure(`${API}/articles/${busiestSlug}/comments?pageSize=25`);
      rows['busiest thread, first comment page'] = thread;
      const threadPages = JSON.parse(thread.body).meta.pagination.pageCount;
      rows['busiest thread, last comment page'] = await measure(
        `${API}/articles/${busiestSlug}/comments?pageSize=25&page=${Math.max(1, threadPages)}`
      );
      rows['moderation queue, status=pending'] = await measure('/cited-articles/comments?status=pending&pageSize=25', { headers: asAdmin });
      rows['moderation queue, status=pending + search'] = await measure('/cited-articles/comments?status=pending&q=sources&pageSize=25', {
        headers: asAdmin,
      });
      rows['Sources page, search'] = await measure('/cited-articles/sources?search=inquiry&pageSize=25', { headers: asAdmin });
      rows['Sources page, most-cited source (cited by)'] = await measure(
        `/cited-articles/sources?search=${encodeURIComponent(hotSource.key)}&pageSize=25`,
        {
          headers: asAdmin,
        }
      );
      rows['source edit (purge fan-out)'] = await editSource(hotSource.documentId);
      for (const [route, row] of Object.entries(rows)) {
        delete row.body;
        log(
          `${route}: median ${row.medianMs} ms, max ${row.maxMs} ms, ${row.statements} statements${row.purgeKeys ? `, ${row.purgeKeys} purge keys` : ''}`
        );
      }
      return rows;
    };

    // The demo content: its busiest thread and its most-cited source.
    const busiestDemo = await knex(commentTable)
      .whereNotNull('article_document_id')
      .groupBy('article_document_id')
      .count('* as n')
      .select('article_document_id')
      .orderBy('n', 'desc')
      .first();
    const demoThreadSlug = (
      await knex(articleTable).where({ document_id: busiestDemo.article_document_id }).whereNotNull('published_at').first('slug')
    ).slug;
    const mostCited = await knex(citations.name)
      .groupBy(citations.inverseJoinColumn.name)
      .count('* as n')
      .select(citations.inverseJoinColumn.name)
      .orderBy('n', 'desc')
      .first();
    const demoSource = await knex(sourceTable).where({ id: mostCited[citations.inverseJoinColumn.name] }).first('document_id', 'key');
    const demo = await phase('demo data', { busiestSlug: demoThreadSlug, hotSource: { documentId: demoSource.document_id, key: demoSource.key } });

    log(`growing to ${VOLUME.articles} articles, ${VOLUME.sources} sources, ${VOLUME.comments} comments`);
    const started = Date.now();
    const grown = await growToScale(strapi, { ...VOLUME, log });
    results.seedSeconds = Number(((Date.now() - started) / 1000).toFixed(1));
    results.loadAverage.afterSeed = os.loadavg().map((value) => Number(value.toFixed(2)));
    const hot = await knex(sourceTable).where({ key: grown.hotSourceKey }).first('document_id', 'key');
    const scale = await phase('news-site volume', { busiestSlug: grown.busiestSlug, hotSource: { documentId: hot.document_id, key: hot.key } });

    for (const route of Object.keys(demo)) {
      const ratio = Number((scale[route].medianMs / demo[route].medianMs).toFixed(2));
      results.rows.push({ route, demo: demo[route], scale: scale[route], ratio, withinTarget: ratio <= TARGET });
    }
  } finally {
    results.loadAverage.end = os.loadavg().map((value) => Number(value.toFixed(2)));
    await strapi.destroy();
    // BENCH_KEEP_DATABASE=1 leaves the grown database for EXPLAIN (dropped otherwise).
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`kept database ${name}`);
    else await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  const lines = [
    `| route | demo median ms (max) | scale median ms (max) | ratio (target ≤ ${TARGET}) | statements demo → scale |`,
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.rows.map(
      (row) =>
        `| ${row.route} | ${row.demo.medianMs} (${row.demo.maxMs}) | ${row.scale.medianMs} (${row.scale.maxMs}) | ${row.ratio}× ${row.withinTarget ? '' : '**over**'} | ${row.demo.statements} → ${row.scale.statements} |`
    ),
  ];
  const table = `${lines.join('\n')}\n\nVolume: ${JSON.stringify(VOLUME)}; seeded in ${results.seedSeconds} s; load average (1, 5, 15 min) at start ${results.loadAverage.start.join(', ')}, after the seed ${results.loadAverage.afterSeed?.join(', ')}, at the end ${results.loadAverage.end.join(', ')} on ${results.machine.cpus} cores.`;
  console.log(`\n${table}\n`);
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  const file = SCALE === 1 ? 'scale-latest' : 'scale-small-latest';
  fs.writeFileSync(path.join(__dirname, 'results', `${file}.json`), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(__dirname, 'results', `${file}.md`), `${table}\n`);
  console.log(`written to bench/results/${file}.json and ${file}.md`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
