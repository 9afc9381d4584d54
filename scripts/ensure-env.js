#!/usr/bin/env node
// Development convenience: Strapi refuses to start without its secrets. Rather than failing on a
// fresh clone, write any missing secret into .env with a fresh random value. Values already set in
// the environment or in .env are kept. Production is never touched: nothing is written when
// NODE_ENV is production, whether set in the environment or in .env (Strapi reads .env too).
'use strict';

const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');

const SECRETS = {
  APP_KEYS: () => Array.from({ length: 4 }, random).join(','),
  API_TOKEN_SALT: random,
  ADMIN_JWT_SECRET: random,
  TRANSFER_TOKEN_SALT: random,
  JWT_SECRET: random,
  ENCRYPTION_KEY: random,
  // The reader page's draft mode (src/reader-page), opened by the admin's Preview panel.
  PREVIEW_SECRET: random,
};

// Secrets are for the file's owner only: other accounts on the machine must not read them.
const OWNER_ONLY = 0o600;

function random() {
  return randomBytes(16).toString('base64');
}

function parseEnv(text) {
  const values = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=(.*)$/.exec(line);
    if (match) values[match[1]] = match[2].trimStart();
  }
  return values;
}

const unquote = (value) => (value || '').trim().replace(/^(['"])(.*)\1$/, '$2');

function isProduction(fileValues) {
  // The environment wins over .env, as in dotenv (which Strapi uses).
  const nodeEnv = process.env.NODE_ENV !== undefined ? process.env.NODE_ENV : unquote(fileValues.NODE_ENV);
  return nodeEnv.trim().toLowerCase() === 'production';
}

function ensureEnv(appRoot = path.resolve(__dirname, '..')) {
  const file = path.join(appRoot, '.env');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const current = parseEnv(existing);
  if (isProduction(current)) return [];
  const missing = Object.keys(SECRETS).filter((name) => !current[name] && !process.env[name]);
  if (missing.length === 0) return [];
  const lines = missing.map((name) => `${name}=${SECRETS[name]()}`);
  const prefix = existing && !existing.endsWith('\n') ? '\n' : '';
  if (existing) {
    // Tighten the mode before the secrets go in, so they are never readable by others.
    fs.chmodSync(file, OWNER_ONLY);
    fs.appendFileSync(file, `${prefix}${lines.join('\n')}\n`);
  } else {
    // Created with the mode (the umask can only remove bits), exclusively: never through a link.
    fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: OWNER_ONLY, flag: 'wx' });
    fs.chmodSync(file, OWNER_ONLY);
  }
  return missing;
}

/**
 * A fresh value for every secret Strapi needs: for the tests, benchmarks and other throw-away apps
 * that boot Strapi with their own environment instead of a .env file.
 */
function freshSecrets() {
  return Object.fromEntries(Object.entries(SECRETS).map(([name, make]) => [name, make()]));
}

if (require.main === module) {
  const written = ensureEnv();
  if (written.length > 0) {
    console.log(`[cited-articles] generated ${written.join(', ')} into .env (development only)`);
  }
}

module.exports = { ensureEnv, freshSecrets, parseEnv };
