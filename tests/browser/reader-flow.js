#!/usr/bin/env node
/**
 * The reader kit in a real browser: the demo's reader pages (served by the host app) and a plain
 * static HTML page on another origin that loads the one script from the running app.
 *
 * Compiles the app (dist/) and starts it without the admin panel (reader-app-main.js) on a fresh
 * SQLite file with the demo content, then drives Debian's Chromium with playwright-core. Each
 * check is a step; the first that fails ends the run with exit code 1. Screenshots go to
 * test-output/reader/ (READER_SCREENSHOTS=DIR writes the docs' two images there instead).
 *
 * The plugin must be built first: `npm run test:browser:reader` builds it, then runs this.
 * CHROMIUM_PATH overrides /usr/bin/chromium; BROWSER_TEST_KEEP=1 keeps the temporary files.
 */
'use strict';
/* global document, window, getComputedStyle -- the functions passed to page.evaluate and waitForFunction run in the browser */

const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { freshSecrets } = require('../../scripts/ensure-env');

const APP_DIR = path.resolve(__dirname, '..', '..');
const OUTPUT_DIR = path.join(APP_DIR, 'test-output', 'reader');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BOOT_TIMEOUT_MS = 180_000;
const PREVIEW_SECRET = 'reader-flow-preview-secret';
const ADMIN = { firstname: 'Ada', lastname: 'Editor', email: 'ada@example.org', password: 'Correct-horse-1' };
const DEMO_SLUG = 'inner-mongolia-coal-mine-collapse';
const FRENCH_SLUG = 'effondrement-mine-charbon-mongolie-interieure';
// Payloads that would run if any of them reached the page as HTML.
const XSS = {
  sourceTitle: '<img src=x onerror="window.__xss=\'source\'">Hostile source',
  authorFamily: '<script>window.__xss="author"</script>Mallory',
  commentName: '<img src=x onerror="window.__xss=\'name\'">Eve',
  commentText: '<script>window.__xss="comment"</script><img src=x onerror="window.__xss=\'comment-img\'"> & <b>bold</b>',
};

let failures = 0;
let step = 0;
const log = (message) => console.log(`[reader] ${message}`);

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function check(name, run) {
  step += 1;
  try {
    await run();
    log(`ok ${step} - ${name}`);
  } catch (error) {
    failures += 1;
    log(`not ok ${step} - ${name}: ${error.message}`);
    throw error;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function compileApp() {
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: APP_DIR });
}

function bootApp({ port, databaseFile, corsOrigins }) {
  const logFile = fs.openSync(path.join(OUTPUT_DIR, 'strapi.log'), 'w');
  return spawn(process.execPath, [path.join(__dirname, 'reader-app-main.js')], {
    cwd: APP_DIR,
    env: {
      ...process.env,
      ...freshSecrets(),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: databaseFile,
      CITED_ARTICLES_SEED: 'true',
      CITED_ARTICLES_LINK_CHECK_CRON: 'off',
      CRON_ENABLED: 'false',
      PREVIEW_SECRET,
      CORS_ORIGINS: corsOrigins,
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    },
    stdio: ['ignore', logFile, logFile],
  });
}

async function waitForHealth(baseUrl, app) {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}; see ${OUTPUT_DIR}/strapi.log`);
    try {
      const res = await fetch(`${baseUrl}/_health`);
      if (res.status === 204 || res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not answer /_health within ${BOOT_TIMEOUT_MS / 1000}s`);
}

/** A plain HTML page on its own origin: one <script> tag from the app, the two elements. */
function staticPageHtml(appUrl) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Static embed</title>
<link rel="icon" href="data:,">
<script src="${appUrl}/api/cited-articles/reader.js" defer></script>
<style>body { max-width: 44rem; margin: 1rem auto; font-family: serif; } .spacer { height: 3000px; }</style>
</head><body><main>
<cited-article api="${appUrl}" slug="${DEMO_SLUG}" locale="en"></cited-article>
<div class="spacer"></div>
<cited-comments api="${appUrl}" slug="${DEMO_SLUG}" locale="en"></cited-comments>
</main></body></html>`;
}

async function startStaticServer(appUrlRef) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(staticPageHtml(appUrlRef.url));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** The admin API, as the admin panel calls it. */
function adminApi(baseUrl) {
  let token = null;
  const call = async (method, url, body) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status} ${JSON.stringify(json)}`);
    return json.data ?? json;
  };
  return {
    async register() {
      token = (await call('POST', '/admin/register-admin', ADMIN)).token;
    },
    call,
  };
}

const CM = '/content-manager/collection-types';

/** Text of the open preview, or null when none is open. */
const previewText = (page, host = 'cited-article') =>
  page.evaluate((selector) => {
    const tip = document.querySelector(selector).shadowRoot.querySelector('[role=tooltip]');
    return tip && !tip.hidden ? tip.textContent.replace(/\s+/g, ' ').trim() : null;
  }, host);

/** The id of the element focused inside <cited-article>'s shadow root. */
const focusedInArticle = (page) =>
  page.evaluate(() => {
    const active = document.querySelector('cited-article').shadowRoot.activeElement;
    return active ? { id: active.closest('[id]')?.id ?? null, describedBy: active.getAttribute('aria-describedby'), tag: active.tagName } : null;
  });

const commentsHeading = (page) => page.locator('cited-comments h2').innerText();
const commentsNotice = (page) => page.locator('cited-comments [part=notice]').innerText();

async function postThroughForm(page, { name, email, text }) {
  const form = page.locator('cited-comments form[part=form]');
  await form.locator('input[name=authorName]').fill(name);
  await form.locator('input[name=authorEmail]').fill(email);
  await form.locator('textarea[name=content]').fill(text);
  await form.locator('button[type=submit]').click();
  await page.locator('cited-comments [part=notice]').waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('cited-comments').shadowRoot.querySelector('button[type=submit]').disabled);
}

async function run() {
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  expect(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  expect(
    fs.existsSync(path.join(APP_DIR, 'plugins', 'cited-articles', 'dist', 'reader', 'cited-reader.js')),
    'The plugin is not built: run `npm run test:browser:reader` (it builds the plugin, then runs this)'
  );
  log('compiling the app');
  await compileApp();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cited-articles-reader-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const appUrlRef = { url: baseUrl };
  const staticSite = await startStaticServer(appUrlRef);
  const app = bootApp({ port, databaseFile: path.join(tmp, 'app.db'), corsOrigins: `${baseUrl},${staticSite.url}` });
  let browser;
  const stop = async () => {
    staticSite.close();
    if (browser) await browser.close().catch(() => {});
    if (app.exitCode === null) {
      app.kill('SIGTERM');
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          app.kill('SIGKILL');
          resolve();
        }, 10_000);
        app.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (process.env.BROWSER_TEST_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    log(`booting the app on ${baseUrl}; static page on ${staticSite.url}`);
    await waitForHealth(baseUrl, app);
    const admin = adminApi(baseUrl);
    await admin.register();

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      pageErrors.push(`a dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });

    const api = (url) => fetch(`${baseUrl}/api/cited-articles${url}`).then((res) => res.json());
    const demo = await api(`/articles/${DEMO_SLUG}?locale=en`);
    const firstReference = demo.data.references[0];
    const articleUrl = `${baseUrl}/articles/${DEMO_SLUG}?locale=en`;

    await check('the list page links to the demo articles', async () => {
      await page.goto(`${baseUrl}/`);
      const links = await page.locator(`a[href^="/articles/"]`).count();
      expect(links >= 3, `expected the demo articles listed, found ${links} links`);
    });

    await check('the article page renders the title, the markers and the reference list', async () => {
      await page.goto(articleUrl);
      await page.locator('cited-article h1').waitFor();
      expect((await page.locator('cited-article h1').innerText()) === demo.data.title, 'title differs from the API');
      expect((await page.title()) === demo.data.title, `the page's title is "${await page.title()}"`);
      expect((await fetch(`${baseUrl}/articles/no-such-article`)).status === 404, 'a missing article is not a 404');
      const markers = await page.locator('cited-article .body sup[id^="cite-"] a').count();
      expect(markers === demo.data.citations.length, `expected ${demo.data.citations.length} markers, found ${markers}`);
      const items = await page.locator('cited-article ol.references > li').count();
      expect(items === demo.data.references.length, `expected ${demo.data.references.length} references, found ${items}`);
      const shotDir = process.env.READER_SCREENSHOTS || OUTPUT_DIR;
      fs.mkdirSync(shotDir, { recursive: true });
      await page.screenshot({ path: path.join(shotDir, 'reader-article.png') });
    });

    const marker = page.locator(`cited-article sup#${firstReference.backlinks[0]} a`);
    await check('hovering a marker opens its preview after a short delay, beside it, with the formatted reference', async () => {
      await page.mouse.move(0, 0);
      await marker.hover();
      await page.waitForTimeout(120);
      expect((await previewText(page)) === null, 'the preview opened before the delay');
      await page.waitForFunction(() => {
        const tip = document.querySelector('cited-article').shadowRoot.querySelector('[role=tooltip]');
        return tip && !tip.hidden;
      });
      const text = await previewText(page);
      expect(text.includes(firstReference.formatted.trim().replace(/\s+/g, ' ')), `preview "${text}" lacks "${firstReference.formatted}"`);
      const overlap = await page.evaluate((id) => {
        const root = document.querySelector('cited-article').shadowRoot;
        const a = root.getElementById(id).querySelector('a').getBoundingClientRect();
        const b = root.querySelector('[role=tooltip]').getBoundingClientRect();
        return !(b.right <= a.left || b.left >= a.right || b.bottom <= a.top || b.top >= a.bottom);
      }, firstReference.backlinks[0]);
      expect(!overlap, 'the preview covers its marker');
      const shotDir = process.env.READER_SCREENSHOTS || OUTPUT_DIR;
      fs.mkdirSync(shotDir, { recursive: true });
      const box = await page.locator('cited-article').boundingBox();
      await page.screenshot({
        path: path.join(shotDir, 'reader-preview.png'),
        clip: { x: Math.max(0, box.x - 20), y: box.y - 10, width: 1000 - Math.max(0, box.x - 20), height: 420 },
      });
    });

    await check('Escape closes the preview', async () => {
      await page.keyboard.press('Escape');
      expect((await previewText(page)) === null, 'still open after Escape');
    });

    await check('focusing a marker with the keyboard opens the preview, described by it', async () => {
      await page.mouse.move(0, 0);
      await page.locator('header.site a').last().focus();
      let focused = null;
      for (let i = 0; i < 10; i += 1) {
        await page.keyboard.press('Tab');
        focused = await focusedInArticle(page);
        if (focused && focused.id && focused.id.startsWith('cite-')) break;
      }
      expect(focused && focused.id.startsWith('cite-'), 'Tab did not reach a marker');
      const text = await previewText(page);
      expect(text !== null, 'no preview on keyboard focus');
      const number = Number(focused.id.split('-')[1]);
      const reference = demo.data.references.find((r) => r.number === number);
      expect(text.includes(reference.formatted.trim().replace(/\s+/g, ' ')), 'the preview shows another reference');
      expect(focused.describedBy === 'cited-preview', `aria-describedby is ${focused.describedBy}`);
      await page.keyboard.press('Escape');
      expect((await previewText(page)) === null, 'still open after Escape');
    });

    await check('a back-link in the reference list returns to its marker', async () => {
      const citeId = firstReference.backlinks[firstReference.backlinks.length - 1];
      await page.locator(`cited-article li#${firstReference.id} .backlinks a[href="#${citeId}"]`).click();
      const focused = await focusedInArticle(page);
      expect(focused && focused.id === citeId, `focus is on ${JSON.stringify(focused)}, not ${citeId}`);
      const inView = await page.evaluate((id) => {
        const rect = document.querySelector('cited-article').shadowRoot.getElementById(id).getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      }, citeId);
      expect(inView, 'the marker is not scrolled into view');
    });

    let countBefore;
    await check('posting a comment shows the moderation notice and leaves the count unchanged', async () => {
      await page.locator('cited-comments').scrollIntoViewIfNeeded();
      await page.locator('cited-comments [part=thread]').waitFor();
      countBefore = await commentsHeading(page);
      expect(countBefore === `${demo.data.commentCount} comments`, `count reads "${countBefore}"`);
      await postThroughForm(page, { name: 'Rita Reader', email: 'rita@example.org', text: 'A first reader comment.' });
      expect(/awaiting moderation/i.test(await commentsNotice(page)), `notice: ${await commentsNotice(page)}`);
      expect((await commentsHeading(page)) === countBefore, 'the count changed');
    });

    await check('a comment with HTML in its text and name, approved, shows as text and runs nothing', async () => {
      await postThroughForm(page, { name: XSS.commentName, email: 'eve@example.org', text: XSS.commentText });
      const pending = await admin.call('GET', '/cited-articles/comments?status=pending&pageSize=100');
      const ids = pending.filter((comment) => ['Rita Reader', XSS.commentName].includes(comment.authorName)).map((comment) => comment.documentId);
      expect(ids.length >= 2, `expected 2 pending comments, found ${ids.length}`);
      await admin.call('POST', '/cited-articles/comments/actions/moderate', { documentIds: ids, status: 'approved' });
    });

    await check('after approval through the moderation API, the comments appear on reload', async () => {
      await page.reload();
      await page.locator('cited-comments').scrollIntoViewIfNeeded();
      await page.locator('cited-comments [part=thread]').waitFor();
      const texts = await page.locator('cited-comments [part=comment-text]').allInnerTexts();
      expect(texts.includes('A first reader comment.'), 'the approved comment is missing');
      expect((await commentsHeading(page)) === `${demo.data.commentCount + 2} comments`, `count reads "${await commentsHeading(page)}"`);
      expect(
        texts.some((text) => text.includes('<script>window.__xss="comment"</script>')),
        'the HTML comment text is not shown as text'
      );
      const names = await page.locator('cited-comments [part=author]').allInnerTexts();
      expect(names.includes(XSS.commentName), 'the HTML author name is not shown as text');
      const injected = await page.evaluate(
        () =>
          document.querySelector('cited-comments').shadowRoot.querySelectorAll('[part=comment] img, [part=comment] script, [part=comment] b').length
      );
      expect(injected === 0, `${injected} elements came from comment HTML`);
      expect((await page.evaluate(() => window.__xss)) === undefined, 'a payload ran');
    });

    await check('a signed-in reader posts as their account, edits and deletes their own comment; anyone reports', async () => {
      const account = await fetch(`${baseUrl}/api/auth/local/register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'rita', email: 'rita.account@example.org', password: 'Reader-pass-1' }),
      }).then((res) => res.json());
      expect(account.jwt, `registration failed: ${JSON.stringify(account)}`);
      const readerPage = await context.newPage();
      readerPage.on('pageerror', (error) => pageErrors.push(`signed-in: ${error.message}`));
      readerPage.on('dialog', (dialog) => void dialog.accept());
      const openSignedIn = async () => {
        await readerPage.goto(articleUrl);
        await readerPage.evaluate((jwt) => {
          document.querySelector('cited-comments').token = jwt;
        }, account.jwt);
        await readerPage.locator('cited-comments').scrollIntoViewIfNeeded();
        await readerPage.locator('cited-comments [part=thread]').waitFor();
      };
      await openSignedIn();
      const form = readerPage.locator('cited-comments form[part=form]');
      await readerPage.getByText('Signed in as rita').waitFor();
      expect((await form.locator('input[name=authorName]').count()) === 0, 'a signed-in reader is asked for a name');
      await form.locator('textarea[name=content]').fill('Posted from my account.');
      await form.locator('button[type=submit]').click();
      await readerPage.locator('cited-comments [part=notice]').waitFor();
      expect(/awaiting moderation/i.test(await readerPage.locator('cited-comments [part=notice]').innerText()), 'no moderation notice');
      const pending = await admin.call('GET', '/cited-articles/comments?status=pending&pageSize=100');
      const mine = pending.find((comment) => comment.authorName === 'rita');
      expect(mine, 'the account comment is not pending under the username');
      await admin.call('POST', '/cited-articles/comments/actions/moderate', { documentIds: [mine.documentId], status: 'approved' });
      await openSignedIn();
      const own = readerPage.locator(`cited-comments #comment-${mine.documentId}`);
      await own.getByRole('button', { name: 'Edit' }).click();
      await own.locator('textarea[name=content]').fill('Posted from my account, then edited.');
      await own.getByRole('button', { name: 'Save' }).click();
      // An edited comment goes back to the moderators: the reader is told, then it is approved again.
      await readerPage
        .locator('cited-comments [part=notice]')
        .filter({ hasText: /edit is saved and awaits moderation/ })
        .waitFor();
      await admin.call('POST', '/cited-articles/comments/actions/moderate', { documentIds: [mine.documentId], status: 'approved' });
      await openSignedIn();
      await readerPage.locator(`cited-comments #comment-${mine.documentId} [part=comment-text]`).filter({ hasText: 'then edited' }).waitFor();
      const others = await readerPage
        .locator('cited-comments [part=comment]')
        .filter({ hasNotText: 'Posted from my account' })
        .getByRole('button', { name: 'Edit' })
        .count();
      expect(others === 0, `${others} comments of others offer Edit`);
      const other = readerPage.locator('cited-comments [part=comment]').filter({ hasText: 'A first reader comment.' });
      await other.getByRole('button', { name: 'Report' }).click();
      await other.locator('select[name=reason]').selectOption('spam');
      await other.locator('form.report button[type=submit]').click();
      await other.getByText('Reported. Thank you.').waitFor();
      await own.getByRole('button', { name: 'Delete' }).click();
      await readerPage.waitForFunction((id) => !document.querySelector('cited-comments').shadowRoot.querySelector(`#comment-${id}`), mine.documentId);
      await readerPage.close();
    });

    await check('a flood of posts shows the retry time', async () => {
      let notice = '';
      for (let i = 0; i < 8 && !/try again in \d+ seconds?/i.test(notice); i += 1) {
        await postThroughForm(page, { name: 'Flood', email: 'flood@example.org', text: `Flood ${i} ${Date.now()}` });
        notice = await commentsNotice(page);
      }
      expect(/try again in \d+ seconds?/i.test(notice), `last notice: ${notice}`);
    });

    await check('source fields with HTML show as text in the article and the preview', async () => {
      const source = await admin.call('POST', `${CM}/plugin::cited-articles.source`, {
        title: XSS.sourceTitle,
        key: 'hostile-source',
        type: 'web',
        url: 'https://example.org/hostile',
        authors: [{ family: XSS.authorFamily, given: 'M.' }],
      });
      const article = await admin.call('POST', `${CM}/plugin::cited-articles.article`, {
        title: 'An article citing a hostile source',
        slug: 'hostile-source-article',
        body: 'A claim [@hostile-source; @bbc-2023].',
        citations: { connect: [source.documentId] },
      });
      await admin.call('POST', `${CM}/plugin::cited-articles.article/${article.documentId}/actions/publish`, {});
      await page.goto(`${baseUrl}/articles/hostile-source-article`);
      await page.locator('cited-article sup[id^="cite-"] a').first().hover();
      await page.waitForFunction(() => !document.querySelector('cited-article').shadowRoot.querySelector('[role=tooltip]').hidden);
      const text = await previewText(page);
      expect(text.includes('Hostile source') && text.includes('<img'), `preview: ${text}`);
      const injected = await page.evaluate(() => document.querySelector('cited-article').shadowRoot.querySelectorAll('img, script').length);
      expect(injected === 0, `${injected} elements came from source fields`);
      const items = await page.locator('cited-article [part=preview-item]').count();
      expect(items === 2, `a two-source marker's preview shows ${items} sources`);
      await page.waitForTimeout(300);
      expect((await page.evaluate(() => window.__xss)) === undefined, 'a payload ran');
    });

    await check('on a touch screen a tap on a marker opens its preview instead of jumping', async () => {
      const touchContext = await browser.newContext({ viewport: { width: 400, height: 800 }, hasTouch: true, isMobile: true });
      const touchPage = await touchContext.newPage();
      await touchPage.goto(articleUrl);
      await touchPage.locator('cited-article h1').waitFor();
      const before = await touchPage.evaluate(() => window.scrollY);
      await touchPage.locator(`cited-article sup#${firstReference.backlinks[0]} a`).tap();
      await touchPage.waitForFunction(() => !document.querySelector('cited-article').shadowRoot.querySelector('[role=tooltip]').hidden);
      expect((await previewText(touchPage)).includes(firstReference.formatted.trim().replace(/\s+/g, ' ')), 'wrong preview');
      expect((await touchPage.evaluate(() => window.scrollY)) === before, 'the tap jumped to the reference list');
      await touchContext.close();
    });

    await check("the preview follows the page's dark color-scheme and the --cited-accent property", async () => {
      const darkContext = await browser.newContext({ viewport: { width: 1000, height: 900 }, colorScheme: 'dark' });
      const darkPage = await darkContext.newPage();
      await darkPage.goto(articleUrl);
      await darkPage.locator('cited-article h1').waitFor();
      await darkPage.locator(`cited-article sup#${firstReference.backlinks[0]} a`).hover();
      await darkPage.waitForFunction(() => !document.querySelector('cited-article').shadowRoot.querySelector('[role=tooltip]').hidden);
      const luminance = (rgb) => {
        const [r, g, b] = rgb.match(/\d+/g).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const colours = await darkPage.evaluate(() => {
        const root = document.querySelector('cited-article').shadowRoot;
        const tip = getComputedStyle(root.querySelector('[role=tooltip]'));
        return { background: tip.backgroundColor, text: tip.color };
      });
      expect(luminance(colours.background) < 80 && luminance(colours.text) > 170, `dark preview: ${JSON.stringify(colours)}`);
      const accent = await darkPage.evaluate(() => {
        const element = document.querySelector('cited-article');
        element.style.setProperty('--cited-accent', 'rgb(255, 0, 0)');
        return getComputedStyle(element.shadowRoot.querySelector('sup[id^="cite-"] a')).color;
      });
      expect(accent === 'rgb(255, 0, 0)', `a marker's colour with --cited-accent set: ${accent}`);
      await darkContext.close();
    });

    await check('an answer given as the article property is rendered without fetching', async () => {
      const given = await api(`/articles/${DEMO_SLUG}?locale=en&format=html`);
      const requests = [];
      const listener = (req) => {
        if (req.url().includes(`/articles/${DEMO_SLUG}?`) && req.url().includes('/api/')) requests.push(req.url());
      };
      await page.goto(`${baseUrl}/`);
      page.on('request', listener);
      await page.evaluate(
        ([answer, slug]) => {
          const element = document.createElement('cited-article');
          element.setAttribute('slug', slug);
          element.article = answer;
          document.querySelector('main').replaceChildren(element);
        },
        [given, DEMO_SLUG]
      );
      await page.locator('cited-article h1').waitFor();
      await page.locator('cited-article sup[id^="cite-"] a').first().hover();
      await page.waitForTimeout(600);
      page.off('request', listener);
      expect(requests.length === 0, `fetched: ${requests.join(', ')}`);
    });

    await check('comments page through with Previous and Next', async () => {
      await page.goto(articleUrl);
      await page.evaluate(() => {
        const element = document.querySelector('cited-comments');
        element.setAttribute('page-size', '2');
      });
      await page.locator('cited-comments').scrollIntoViewIfNeeded();
      await page.locator('cited-comments [part=pagination]').waitFor();
      const firstPage = await page.locator('cited-comments [part=thread] > li > [part=comment] [part=comment-text]').allInnerTexts();
      expect(firstPage.length === 2, `page 1 shows ${firstPage.length} root comments`);
      expect(/^Page 1 of \d+$/.test(await page.locator('cited-comments [part=pagination] span').innerText()), 'no page number');
      await page.locator('cited-comments [part=pagination]').getByRole('button', { name: 'Next' }).click();
      await page
        .locator('cited-comments [part=pagination] span')
        .filter({ hasText: /^Page 2 of/ })
        .waitFor();
      const secondPage = await page.locator('cited-comments [part=thread] > li > [part=comment] [part=comment-text]').allInnerTexts();
      expect(secondPage.length > 0 && secondPage.every((text) => !firstPage.includes(text)), 'page 2 repeats page 1');
    });

    await check('an article with comments turned off says comments are closed, without a form', async () => {
      const listed = await admin.call('GET', `${CM}/plugin::cited-articles.article?filters[slug][$eq]=hostile-source-article`);
      const hostile = (listed.results ?? listed)[0];
      await admin.call('PUT', `${CM}/plugin::cited-articles.article/${hostile.documentId}`, { commentsEnabled: false });
      await admin.call('POST', `${CM}/plugin::cited-articles.article/${hostile.documentId}/actions/publish`, {});
      await page.goto(`${baseUrl}/articles/hostile-source-article`);
      await page.locator('cited-article h1').waitFor();
      await page.locator('cited-comments').scrollIntoViewIfNeeded();
      await page.locator('cited-comments [part=notice]').filter({ hasText: 'Comments are closed.' }).waitFor();
      expect((await page.locator('cited-comments form[part=form]').count()) === 0, 'the form is still there');
    });

    await check('axe-core finds no serious or critical violation on the article page', async () => {
      await page.goto(articleUrl);
      await page.locator('cited-article h1').waitFor();
      await page.locator('cited-comments').scrollIntoViewIfNeeded();
      await page.locator('cited-comments [part=thread]').waitFor();
      await page.locator(`cited-article sup[id^="cite-"] a`).first().hover();
      await page.waitForTimeout(500);
      // Through DevTools, not a <script>: the page's Content-Security-Policy allows no inline script.
      await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      fs.writeFileSync(path.join(OUTPUT_DIR, 'axe.json'), JSON.stringify(result.violations, null, 2));
      expect(bad.length === 0, `violations: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes`).join('; ')}`);
    });

    await check('the French article shows French strings', async () => {
      await page.goto(`${baseUrl}/articles/${FRENCH_SLUG}?locale=fr`);
      await page.locator('cited-article h1').waitFor();
      expect((await page.locator('cited-article .references-heading').innerText()) === 'Références', 'the reference heading is not French');
      await page.locator('cited-comments').scrollIntoViewIfNeeded();
      await page.locator('cited-comments [part=thread]').waitFor();
      expect(/^\d+ commentaires?$/.test(await commentsHeading(page)), `count reads "${await commentsHeading(page)}"`);
      expect((await page.locator('cited-comments button[part=submit]').innerText()) === 'Publier le commentaire', 'the form is not French');
    });

    await check("the admin's Preview URL shows the draft being edited", async () => {
      const listed = await admin.call('GET', `${CM}/plugin::cited-articles.article?filters[slug][$eq]=${DEMO_SLUG}&locale=en`);
      const found = (listed.results ?? listed)[0];
      expect(found, 'demo article not found through the Content Manager');
      await admin.call('PUT', `${CM}/plugin::cited-articles.article/${found.documentId}?locale=en`, { title: 'Draft title, not yet published' });
      const denied = await fetch(`${baseUrl}/articles/${DEMO_SLUG}?locale=en&status=draft&secret=wrong`);
      expect(denied.status === 403, `a wrong secret answered ${denied.status}`);
      // The URL the admin's Preview panel opens, from config/admin.ts's handler.
      const preview = await admin.call(
        'GET',
        `/content-manager/preview/url/plugin::cited-articles.article?documentId=${found.documentId}&locale=en&status=draft`
      );
      expect(preview && preview.url, `no preview URL: ${JSON.stringify(preview)}`);
      expect(preview.url.includes(`/articles/${DEMO_SLUG}?`) && preview.url.includes('status=draft'), `preview URL: ${preview.url}`);
      await page.goto(new URL(preview.url, baseUrl).toString());
      await page.locator('cited-article h1').waitFor();
      expect((await page.locator('cited-article h1').innerText()) === 'Draft title, not yet published', 'the draft is not shown');
      await page.goto(articleUrl);
      await page.locator('cited-article h1').waitFor();
      expect((await page.locator('cited-article h1').innerText()) === demo.data.title, 'the public page shows the draft');
    });

    await check('a static page on another origin loads the one script, shows previews and loads comments lazily', async () => {
      const staticPage = await context.newPage();
      staticPage.on('pageerror', (error) => pageErrors.push(`static: ${error.message}`));
      const commentRequests = [];
      staticPage.on('request', (req) => {
        if (req.url().includes('/comments')) commentRequests.push(req.url());
      });
      await staticPage.goto(staticSite.url);
      await staticPage.locator('cited-article h1').waitFor();
      await staticPage.waitForTimeout(500);
      expect(commentRequests.length === 0, `comments fetched before scrolling: ${commentRequests.join(', ')}`);
      await staticPage.locator(`cited-article sup#${firstReference.backlinks[0]} a`).hover();
      await staticPage.waitForFunction(() => !document.querySelector('cited-article').shadowRoot.querySelector('[role=tooltip]').hidden);
      expect((await previewText(staticPage)).includes(firstReference.formatted.trim().replace(/\s+/g, ' ')), 'wrong preview');
      await staticPage.keyboard.press('Escape');
      expect((await previewText(staticPage)) === null, 'still open after Escape');
      // Keyboard: the first Tab reaches the first marker (the page has no other link before it).
      await staticPage.mouse.move(0, 0);
      await staticPage.keyboard.press('Tab');
      const focused = await focusedInArticle(staticPage);
      expect(focused && focused.id && focused.id.startsWith('cite-'), `Tab focused ${JSON.stringify(focused)}`);
      const reference = demo.data.references.find((r) => r.number === Number(focused.id.split('-')[1]));
      expect(((await previewText(staticPage)) ?? '').includes(reference.formatted.trim().replace(/\s+/g, ' ')), 'no preview on keyboard focus');
      await staticPage.keyboard.press('Escape');
      expect((await previewText(staticPage)) === null, 'still open after Escape');
      await staticPage.locator('cited-comments').scrollIntoViewIfNeeded();
      await staticPage.locator('cited-comments [part=thread]').waitFor();
      expect(commentRequests.length > 0, 'comments were never fetched');
      expect(/^\d+ comments?$/.test(await staticPage.locator('cited-comments h2').innerText()), 'no comment count');
      await staticPage.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const scan = await staticPage.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.length === 0, `axe on the static page: ${bad.map((v) => `${v.id} (${v.impact})`).join('; ')}`);
      await staticPage.close();
    });

    await check('a site not in CORS_ORIGINS is refused by the browser', async () => {
      const other = await fetch(`${baseUrl}/api/cited-articles/articles?locale=en`, { headers: { Origin: 'https://not-allowed.example' } });
      expect(!other.headers.get('access-control-allow-origin'), `allowed: ${other.headers.get('access-control-allow-origin')}`);
    });

    await check('no script error and no dialog on any page', async () => {
      expect(pageErrors.length === 0, pageErrors.join(' | '));
    });
  } finally {
    await stop();
  }
}

run().then(
  () => {
    log(`${step} steps passed`);
    process.exit(0);
  },
  (error) => {
    log(`FAILED (${failures} failed of ${step} run): ${error.stack || error.message}`);
    process.exit(1);
  }
);
