#!/usr/bin/env node
/**
 * The app under benchmark, run as a child of bench/run.js so that the load generator does not share
 * its event loop: boots the compiled app on a fresh database (argv[2]: sqlite or postgres) with the
 * bench-only baseline route, seeds the benchmark content, listens on a free port and answers the
 * parent over IPC ({ type: 'ready', port, cases }, then query counts on request).
 */
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freshSecrets } = require('../scripts/ensure-env');
const { seed } = require('./seed');

const APP_DIR = path.resolve(__dirname, '..');
const client = process.argv[2] || 'sqlite';
const name = `ca_bench_${process.pid}_${randomBytes(3).toString('hex')}`;

async function createDatabase() {
  if (client === 'sqlite') {
    const filename = path.join(os.tmpdir(), `${name}.db`);
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      drop: async () => ['', '-wal', '-shm', '-journal'].forEach((s) => fs.rmSync(filename + s, { force: true })),
    };
  }
  const { Client } = require('pg');
  const server = {
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
    database: 'postgres',
  };
  const run = async (sql) => {
    const admin = new Client(server);
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  return {
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: server.host,
      DATABASE_PORT: String(server.port),
      DATABASE_USERNAME: server.user,
      DATABASE_PASSWORD: server.password,
      DATABASE_NAME: name,
      DATABASE_URL: '',
    },
    drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function main() {
  const database = await createDatabase();
  Object.assign(process.env, {
    ...freshSecrets(),
    STRAPI_LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    CITED_ARTICLES_SEED: 'false',
    CITED_ARTICLES_BENCH: '1',
    NODE_ENV: 'production',
    // The seed writes a 1 MB article with its citations: on a machine shared with other work its
    // resolution can pass the default 5 s work budget. The bench measures reads, not that budget.
    CITED_ARTICLES_WORKER_TIMEOUT_MS: process.env.CITED_ARTICLES_WORKER_TIMEOUT_MS || '60000',
    ...database.env,
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  // The reliability of the numbers matters more than the request log.
  strapi.server.mount();
  const started = Date.now();
  const cases = await seed(strapi, { log: (line) => process.send({ type: 'log', line }) });
  process.send({ type: 'log', line: `seeded in ${((Date.now() - started) / 1000).toFixed(1)} s` });

  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address();

  // Requests still being answered after a load run ends would add their queries to the count:
  // wait until the database has been quiet for half a second.
  let lastQueryAt = Date.now();
  strapi.db.connection.on('query', () => {
    lastQueryAt = Date.now();
  });
  const idle = async () => {
    while (Date.now() - lastQueryAt < 500) await new Promise((resolve) => setTimeout(resolve, 100));
  };

  // Queries one request runs, counted on Strapi's knex connection.
  const countQueries = async (url, init) => {
    await idle();
    let count = 0;
    const listener = () => {
      count += 1;
    };
    strapi.db.connection.on('query', listener);
    try {
      const res = await fetch(`http://127.0.0.1:${port}${url}`, init);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    } finally {
      strapi.db.connection.removeListener('query', listener);
    }
    return count;
  };

  process.on('message', async (message) => {
    if (message.type === 'count') {
      try {
        process.send({ type: 'count', id: message.id, count: await countQueries(message.url, message.init) });
      } catch (error) {
        process.send({ type: 'count', id: message.id, error: String(error) });
      }
    }
    if (message.type === 'warm-up') {
      // Resolves once the background build of the CSL engines is done.
      const warmUp = strapi.plugin('cited-articles').service('references');
      while (!warmUp.warmUpFinished()) await new Promise((resolve) => setTimeout(resolve, 20));
      const styles = await warmUp.warmUpFinished();
      process.send({ type: 'warmed', id: message.id, styles, at: Date.now() });
    }
    if (message.type === 'publish') {
      // An editor's change, published: the title of the article with this slug.
      try {
        const uid = 'plugin::cited-articles.article';
        const found = await strapi.documents(uid).findFirst({ filters: { slug: message.slug }, fields: ['documentId'] });
        await strapi.documents(uid).update({ documentId: found.documentId, data: { title: message.title } });
        await strapi.documents(uid).publish({ documentId: found.documentId });
        process.send({ type: 'published', id: message.id });
      } catch (error) {
        process.send({ type: 'published', id: message.id, error: String(error) });
      }
    }
    if (message.type === 'stop') {
      await strapi.destroy();
      await database.drop();
      process.exit(0);
    }
  });
  process.send({ type: 'ready', port, cases, listeningAt: Date.now() });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
