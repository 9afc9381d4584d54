#!/usr/bin/env node
/**
 * The smoke test of a fresh app with the plugin installed from its tarball (run.sh builds the app).
 * Starts it with `strapi start` in production on a free port, then, over HTTP only, as a frontend
 * and the admin panel would: the first admin registers; as that editor, a source is created and an
 * article citing it published, another article left a draft (Content Manager admin API); an
 * anonymous reader lists and reads the article (reference resolved and formatted), cannot read the
 * draft, and posts a comment; the moderation queue shows that comment as pending.
 *
 *   node scripts/fresh-app/smoke.js <app folder>
 *
 * Prints each check; exits 1 at the first failure, naming it, with the end of the server's log.
 * The server is stopped whatever happens.
 */
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const BOOT_TIMEOUT_MS = 120_000;
const ADMIN = { firstname: 'Ada', lastname: 'Editor', email: 'ada@example.org', password: 'Correct-horse-1' };
const SOURCE = {
  key: 'mine-collapse',
  title: 'Two killed in coal mine collapse',
  containerTitle: 'Example Tribune',
  publishedDate: '2024-03-05',
  url: 'https://news.example.org/mine',
};
const ARTICLE = { title: 'Rescue work continues', slug: 'rescue-work-continues', body: 'Two miners died [@mine-collapse].' };
const DRAFT = { title: 'Not yet checked', slug: 'not-yet-checked', body: 'Embargoed [@mine-collapse].' };
const COMMENT = { authorName: 'Reader', authorEmail: 'reader@example.org', content: 'Thanks for citing your sources.' };
const CM = '/content-manager/collection-types';

const log = (message) => console.log(`[fresh-app] ${message}`);

class CheckFailed extends Error {}

function check(condition, what, detail) {
  if (!condition) throw new CheckFailed(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail).slice(0, 1500)}`}`);
  log(`ok - ${what}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function start(appDir, port, logFile) {
  const out = fs.openSync(logFile, 'w');
  return spawn(process.execPath, [path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      STRAPI_TELEMETRY_DISABLED: 'true',
    },
    stdio: ['ignore', out, out],
  });
}

async function stop(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitForHealth(baseUrl, server) {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new CheckFailed(`strapi start exited with code ${server.exitCode} before answering`);
    try {
      if ((await fetch(`${baseUrl}/_health`)).status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new CheckFailed(`strapi start did not answer /_health within ${BOOT_TIMEOUT_MS / 1000} s`);
}

function client(baseUrl) {
  return async (method, url, { body, token } = {}) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json };
  };
}

/**
 * npm gave the plugin the app's copy of @strapi/utils. With a second copy, the errors the plugin
 * throws are not instances of the classes Strapi's error middleware knows, and a 404 becomes a 500
 * (seen with Strapi 5.53 installed with --legacy-peer-deps).
 */
function checkOneStrapiUtils(appDir) {
  // http-errors likewise: the plugin's 422 and 503 are http-errors instances, and Strapi's error
  // middleware knows only its own copy's HttpError class.
  for (const name of ['@strapi/utils', 'http-errors']) {
    const from = (dir) => require.resolve(name, { paths: [path.join(appDir, 'node_modules', ...dir.split('/'))] });
    const strapis = from('@strapi/core');
    const plugins = from('strapi-plugin-cited-articles');
    check(strapis === plugins, `the plugin shares the app's ${name}`, { strapi: strapis, plugin: plugins });
  }
}

/** `strapi build` bundled the plugin's admin: its pages call the plugin's admin routes. */
function checkAdminBuild(appDir) {
  const buildDir = path.join(appDir, 'build');
  const files = fs.existsSync(buildDir) ? fs.readdirSync(buildDir).filter((file) => file.endsWith('.js')) : [];
  const bundled = files.some((file) => fs.readFileSync(path.join(buildDir, file), 'utf8').includes('/cited-articles/comments'));
  check(bundled, `the admin build (${buildDir}) bundles the plugin's admin pages`, files.slice(0, 10));
}

async function scenario(call, baseUrl) {
  const panel = await fetch(`${baseUrl}/admin`);
  check(
    panel.status === 200 && /text\/html/.test(panel.headers.get('content-type') ?? ''),
    'the built admin panel is served at /admin',
    panel.status
  );

  // The editor: the first admin of a fresh install, then the Content Manager's admin routes.
  const registered = await call('POST', '/admin/register-admin', { body: ADMIN });
  check(registered.status === 200 && registered.body?.data?.token, 'the first admin registers (POST /admin/register-admin)', registered);
  const token = registered.body.data.token;

  const source = await call('POST', `${CM}/plugin::cited-articles.source`, { body: SOURCE, token });
  check(source.status === 201, 'the editor creates a source in the Content Manager', source);

  const article = await call('POST', `${CM}/plugin::cited-articles.article`, {
    body: { ...ARTICLE, citations: { connect: [source.body.data.documentId] } },
    token,
  });
  check(article.status === 201, 'the editor saves an article citing it', article);
  const published = await call('POST', `${CM}/plugin::cited-articles.article/${article.body.data.documentId}/actions/publish`, { body: {}, token });
  check(published.status === 200 && published.body?.data?.publishedAt, 'the editor publishes the article', published);

  const draft = await call('POST', `${CM}/plugin::cited-articles.article`, {
    body: { ...DRAFT, citations: { connect: [source.body.data.documentId] } },
    token,
  });
  check(draft.status === 201, 'the editor saves a second article as a draft only', draft);

  // The anonymous reader, on the public routes the plugin opens to the Public role itself.
  const list = await call('GET', '/api/cited-articles/articles');
  const slugs = Array.isArray(list.body?.data) ? list.body.data.map((entry) => entry.slug) : null;
  check(list.status === 200 && slugs?.includes(ARTICLE.slug), 'a reader lists the published article (GET /api/cited-articles/articles)', list);
  check(!slugs.includes(DRAFT.slug), 'the list leaves the draft out', slugs);

  const read = await call('GET', `/api/cited-articles/articles/${ARTICLE.slug}`);
  check(
    read.status === 200 && read.body?.data?.title === ARTICLE.title,
    `a reader reads it (GET /api/cited-articles/articles/${ARTICLE.slug})`,
    read
  );
  const [reference] = read.body.data.references ?? [];
  check(
    read.body.data.references.length === 1 && reference.number === 1 && reference.source?.key === SOURCE.key,
    'its one reference is the cited source, numbered 1',
    read.body.data.references
  );
  check(
    typeof reference.formatted === 'string' &&
      reference.formatted.includes(`“${SOURCE.title}”`) &&
      reference.formatted.includes(SOURCE.containerTitle),
    `the reference is formatted (${JSON.stringify(reference.formatted)})`,
    reference
  );
  const [citation] = read.body.data.citations ?? [];
  check(
    read.body.data.citations.length === 1 && citation.number === 1 && read.body.data.body.slice(citation.start, citation.end) === `[@${SOURCE.key}]`,
    'the [@key] marker in the body resolves to reference 1',
    read.body.data.citations
  );
  check(Array.isArray(read.body.meta?.issues) && read.body.meta.issues.length === 0, 'the article has no citation issue', read.body.meta);

  const closed = await call('GET', `/api/cited-articles/articles/${DRAFT.slug}`);
  check(closed.status === 404, `the draft stays closed (GET /api/cited-articles/articles/${DRAFT.slug} answers 404)`, closed);

  const posted = await call('POST', `/api/cited-articles/articles/${ARTICLE.slug}/comments`, { body: COMMENT });
  check(posted.status === 201 && posted.body?.data?.status === 'pending', 'a reader posts a comment, which waits for moderation', posted);
  const shown = await call('GET', `/api/cited-articles/articles/${ARTICLE.slug}/comments`);
  check(shown.status === 200 && Array.isArray(shown.body?.data) && shown.body.data.length === 0, 'the pending comment is not public yet', shown);

  // The moderator: the plugin's admin route behind the Comments page.
  const queue = await call('GET', '/cited-articles/comments?status=pending', { token });
  check(
    queue.status === 200 &&
      queue.body?.data?.some((comment) => comment.documentId === posted.body.data.documentId && comment.content === COMMENT.content),
    'the moderation queue lists the new comment (GET /cited-articles/comments?status=pending)',
    queue
  );
  const anonymousQueue = await call('GET', '/cited-articles/comments');
  check(anonymousQueue.status === 401, 'the moderation queue refuses a request without an admin token', anonymousQueue);
}

async function main() {
  const appDir = path.resolve(process.argv[2] || '');
  if (!process.argv[2] || !fs.existsSync(path.join(appDir, 'package.json'))) {
    console.error('usage: smoke.js <app folder> (a built Strapi app with the plugin installed)');
    process.exit(2);
  }
  const logFile = path.join(appDir, 'strapi.log');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`strapi start (production) on ${baseUrl}, log in ${logFile}`);
  const server = start(appDir, port, logFile);
  // Interrupted (Ctrl-C, a CI timeout): the server goes too, not left holding the port.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      server.kill('SIGKILL');
      console.error(`[fresh-app] FAILED - interrupted by ${signal}`);
      process.exit(1);
    });
  }
  const started = Date.now();
  let failure = null;
  try {
    await waitForHealth(baseUrl, server);
    log(`ok - the app answers /_health (${((Date.now() - started) / 1000).toFixed(1)} s after start)`);
    checkOneStrapiUtils(appDir);
    checkAdminBuild(appDir);
    await scenario(client(baseUrl), baseUrl);
  } catch (error) {
    failure = error;
  } finally {
    await stop(server);
  }
  if (failure) {
    console.error(`[fresh-app] FAILED - ${failure instanceof CheckFailed ? failure.message : failure.stack}`);
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
    if (tail) console.error(`[fresh-app] last lines of ${logFile}:\n${tail}`);
    process.exit(1);
  }
  log('smoke test passed');
}

main();
