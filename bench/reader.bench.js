#!/usr/bin/env node
/**
 * `npm run bench:reader`: the reader kit in Chromium (playwright-core, Debian's /usr/bin/chromium).
 *
 * - Size: the one-tag script (plugins/cited-articles/dist/reader/cited-reader.js), raw and gzipped
 *   (target: under 20 kB gzipped).
 * - Render: <cited-article> given an article with 500 references (one marker each, every tenth a
 *   two-source marker) in the shape GET /articles/:slug?format=html answers, then a preview opened
 *   by keyboard focus on the last marker. Timed in the page from setting the data to the list being
 *   in the DOM, and from the focus to the pop-up being shown and placed (target: under 100 ms for
 *   both together). The data is built here rather than fetched, so the time is the component's
 *   alone, not the server's or the network's.
 *
 *   npm run bench:reader                  # 7 runs, median and worst printed
 *   BENCH_RUNS=20 npm run bench:reader
 *
 * Results go to bench/results/reader-latest.json.
 */
'use strict';
/* global document, requestAnimationFrame -- the functions passed to page.evaluate run in the browser */

const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { chromium } = require('playwright-core');

const SCRIPT = path.resolve(__dirname, '..', 'plugins', 'cited-articles', 'dist', 'reader', 'cited-reader.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS || 7);
const REFERENCES = 500;
const SIZE_TARGET_KB = 20;
const TIME_TARGET_MS = 100;

/** An article answer (contracts/public.ts ArticleResponse) with n references, as the server renders it. */
function syntheticArticle(n) {
  const references = [];
  const citations = [];
  const paragraphs = [];
  let offset = 0;
  for (let i = 1; i <= n; i += 1) {
    references.push({
      id: `ref-${i}`,
      number: i,
      backlinks: [`cite-${i}-a`],
      source: { documentId: `s${i}`, key: `source-${i}`, title: `Source number ${i}`, url: `https://example.org/${i}`, type: 'web' },
      formatted: `Author ${i}, A. (2024). Source number ${i}: a title long enough to wrap in a pop-up. Example Press. https://example.org/${i}`,
    });
  }
  for (let i = 1; i <= n; i += 1) {
    // Every tenth marker cites two sources ([@a; @b]): adjacent sups sharing the marker's offsets.
    const pair = i % 10 === 0 && i < n;
    const numbers = pair ? [i, i + 1] : [i];
    if (pair) references[i].backlinks.push(`cite-${i + 1}-b`);
    const sups = numbers.map((number, index) => {
      const id = `cite-${number}-${index === 0 ? 'a' : 'b'}`;
      citations.push({ id, number, marker: '[@x]', start: offset, end: offset + 5, sourceKey: `source-${number}`, locator: null });
      return `<sup id="${id}"><a href="#ref-${number}">[${number}]</a></sup>`;
    });
    offset += 100;
    paragraphs.push(`<p>Sentence ${i} states a fact that a reader may want to check.${sups.join('')}</p>`);
  }
  const list = references
    .map(
      (r) =>
        `<li id="${r.id}"><span class="backlinks">${r.backlinks.map((b) => `<a href="#${b}">^</a>`).join(' ')}</span> <span class="reference-text">${r.formatted}</span></li>`
    )
    .join('\n');
  return {
    data: {
      documentId: 'bench',
      locale: 'en',
      slug: 'bench',
      title: `An article with ${n} references`,
      summary: null,
      publishedAt: null,
      updatedAt: null,
      body: '',
      numberingStart: 1,
      commentsEnabled: true,
      commentCount: 0,
      citations,
      references,
      bodyHtml: `${paragraphs.join('\n')}\n<ol class="references" start="1">${list}</ol>`,
    },
    meta: { style: 'apa', locale: 'en', referenceLocale: 'en-US', issues: [] },
  };
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>reader bench</title>
<script src="/cited-reader.js"></script></head><body><main id="main"></main></body></html>`;

async function main() {
  if (!fs.existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: build the plugin (npm run build:plugin)`);
  const bytes = fs.readFileSync(SCRIPT);
  const gzipped = zlib.gzipSync(bytes, { level: 9 }).length;

  const article = JSON.stringify(syntheticArticle(REFERENCES));
  const server = http.createServer((req, res) => {
    if (req.url === '/cited-reader.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(bytes);
    }
    if (req.url === '/article.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(article);
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const runs = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      await page.goto(url);
      const data = await page.evaluate(() => fetch('/article.json').then((res) => res.json()));
      const timing = await page.evaluate(async (answer) => {
        const element = document.createElement('cited-article');
        document.getElementById('main').append(element);
        const t0 = performance.now();
        element.article = answer;
        await element.updateComplete;
        const root = element.shadowRoot;
        if (root.querySelectorAll('ol.references > li').length !== answer.data.references.length) throw new Error('list not rendered');
        void element.offsetHeight; // style and layout of the whole article included
        const t1 = performance.now();
        const markers = root.querySelectorAll('sup[id^="cite-"] a');
        const marker = markers[markers.length - 2];
        marker.scrollIntoView({ block: 'center' });
        const t2 = performance.now();
        marker.focus();
        await element.updateComplete;
        const tip = root.querySelector('[role=tooltip]');
        if (tip.hidden || !tip.textContent.includes('Source number')) throw new Error('preview not shown');
        tip.getBoundingClientRect(); // layout included
        const t3 = performance.now();
        return { renderMs: t1 - t0, previewMs: t3 - t2 };
      }, data);
      // One more frame: what the reader sees is painted, not only laid out.
      const paintMs = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const t = performance.now();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t)));
          })
      );
      runs.push({ ...timing, paintMs, totalMs: timing.renderMs + timing.previewMs });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  const sorted = (key) => runs.map((r) => r[key]).sort((a, b) => a - b);
  const median = (key) => sorted(key)[Math.floor(RUNS / 2)];
  const worst = (key) => sorted(key)[RUNS - 1];
  const result = {
    when: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`,
    chromium: CHROMIUM,
    script: { bytes: bytes.length, gzipBytes: gzipped, targetGzipKb: SIZE_TARGET_KB, withinTarget: gzipped < SIZE_TARGET_KB * 1024 },
    render500: {
      runs: RUNS,
      renderMedianMs: +median('renderMs').toFixed(1),
      previewMedianMs: +median('previewMs').toFixed(1),
      totalMedianMs: +median('totalMs').toFixed(1),
      totalWorstMs: +worst('totalMs').toFixed(1),
      nextPaintMedianMs: +median('paintMs').toFixed(1),
      targetMs: TIME_TARGET_MS,
      withinTarget: median('totalMs') < TIME_TARGET_MS,
    },
  };
  console.log(`reader script: ${(bytes.length / 1024).toFixed(1)} kB, ${(gzipped / 1024).toFixed(1)} kB gzipped (target < ${SIZE_TARGET_KB} kB)`);
  console.log(
    `500 references: render ${result.render500.renderMedianMs} ms + preview ${result.render500.previewMedianMs} ms = ${result.render500.totalMedianMs} ms median, ${result.render500.totalWorstMs} ms worst of ${RUNS} (target < ${TIME_TARGET_MS} ms); next paint ${result.render500.nextPaintMedianMs} ms`
  );
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'reader-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (!result.script.withinTarget || !result.render500.withinTarget) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
