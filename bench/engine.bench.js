#!/usr/bin/env node
/**
 * Rough linearity check (not a test): resolve and render a body with 1,000
 * markers over 500 sources and print the time. Run: `npm run bench:engine`.
 *
 * The engine is TypeScript; a minimal require hook compiles it with
 * @swc/core (already a dev dependency for jest). The ESM-only unified
 * packages load through Node's require(esm), on by default since Node 20.19.
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

const { resolveCitations, renderBodyHtml, formatReferences } = require(
  path.join(__dirname, '../plugins/cited-articles/server/src/citations/index.ts')
);

const SOURCES = 500;
const MARKERS = 1000;
const sources = Array.from({ length: SOURCES }, (_, i) => ({
  documentId: `doc-${i}`,
  key: `source-${i}`,
  title: `Headline number ${i} about the mine collapse`,
  publisher: `Publisher ${i % 37}`,
  publishedDate: '2023-02-22',
  url: `https://news${i % 50}.example.com/story/${i}?utm_source=feed`,
}));

// A realistic mix: key and positional markers, some multi-source, spread
// over paragraphs with other Markdown, and a few broken markers.
const parts = [];
for (let i = 0; i < MARKERS; i++) {
  const a = (i * 7) % SOURCES;
  const b = (i * 13 + 5) % SOURCES;
  const marker = i % 10 === 0 ? `[@source-${a}; @source-${b}, p. ${i}]` : i % 3 === 0 ? `[${a + 1}]` : i % 97 === 0 ? '[@nope]' : `[@source-${a}]`;
  parts.push(`Sentence ${i} with *emphasis* and \`code [1]\` says something ${marker}.${i % 5 === 4 ? '\n\n' : ' '}`);
}
const body = parts.join('');

function time(label, fn, runs = 5) {
  fn(); // warm-up (JIT, module init)
  const times = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((x, y) => x - y);
  console.log(`${label}: median ${times[Math.floor(runs / 2)].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[runs - 1].toFixed(1)})`);
  return result;
}

console.log(`body: ${body.length} chars, ${MARKERS} markers, ${SOURCES} sources`);
const resolved = time('resolveCitations', () => resolveCitations(body, sources, { numberingStart: 1 }));
console.log(`  → ${resolved.citations.length} occurrences, ${resolved.references.length} references, ${resolved.issues.length} issues`);
const formatted = formatReferences(resolved.references);
const html = time('renderBodyHtml', () => renderBodyHtml(body, resolved, { formatted }));
console.log(`  → ${html.length} chars of HTML`);

// Doubling check: time per marker should stay flat if resolving is linear.
const doubled = `${body}\n\n${body}`;
time('resolveCitations (2x body)', () => resolveCitations(doubled, sources, { numberingStart: 1 }));
