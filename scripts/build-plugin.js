#!/usr/bin/env node
/**
 * `npm run build:plugin`: builds the plugin (plugins/cited-articles) unless its dist/ was built from
 * exactly the files it holds now. Every test and benchmark script builds first so that nobody
 * tests a stale dist; a build takes about a minute, and CI's one run would otherwise build the same
 * sources eight times.
 *
 * The fingerprint is a SHA-256 over the plugin's files (all but node_modules/ and dist/) and the
 * lock file, kept in node_modules/.cache (not in dist/, which is what npm packs) after a build that
 * succeeded. A missing bundle in dist/ builds again; `--force` builds anyway.
 */
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PLUGIN = path.join(ROOT, 'plugins', 'cited-articles');
const STAMP = path.join(ROOT, 'node_modules', '.cache', 'cited-articles', 'plugin-build-fingerprint');
// One file per bundle the app, the tests and the packed plugin load.
const BUNDLES = ['server/index.js', 'admin/index.js', 'worker/index.js', 'reader/cited-reader.js'];
const SKIPPED = new Set(['node_modules', 'dist']);

function listFiles(dir, found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, found);
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

function fingerprint() {
  const hash = createHash('sha256');
  const files = [...listFiles(PLUGIN), path.join(ROOT, 'package-lock.json')].sort();
  for (const file of files) {
    hash.update(path.relative(ROOT, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const wanted = fingerprint();
const built = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8').trim() : '';
const complete = BUNDLES.every((bundle) => fs.existsSync(path.join(PLUGIN, 'dist', bundle)));
if (built === wanted && complete && !process.argv.includes('--force')) {
  console.log('[INFO] plugin dist/ is up to date with its sources; not rebuilding (--force rebuilds)');
  process.exit(0);
}
// A failed or interrupted build must not leave an old stamp that matches nothing it built.
fs.rmSync(STAMP, { force: true });
execFileSync('npm', ['run', 'build', '--workspace', 'plugins/cited-articles'], { cwd: ROOT, stdio: 'inherit' });
fs.mkdirSync(path.dirname(STAMP), { recursive: true });
fs.writeFileSync(STAMP, `${wanted}\n`);
