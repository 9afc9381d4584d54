#!/usr/bin/env node
// Development convenience: Strapi refuses to start without its secrets. Rather than failing on a
// fresh clone, write any missing secret into .env with a fresh random value. Values already set in
// the environment or in .env are kept; production (NODE_ENV=production) is never touched.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const SECRETS = {
  APP_KEYS: () => Array.from({ length: 4 }, random).join(','),
  API_TOKEN_SALT: random,
  ADMIN_JWT_SECRET: random,
  TRANSFER_TOKEN_SALT: random,
  JWT_SECRET: random,
  ENCRYPTION_KEY: random,
};

function random() {
  return crypto.randomBytes(16).toString('base64');
}

function parseEnv(text) {
  const values = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match) values[match[1]] = match[2];
  }
  return values;
}

function ensureEnv(appRoot = path.resolve(__dirname, '..')) {
  if (process.env.NODE_ENV === 'production') return [];
  const file = path.join(appRoot, '.env');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const current = parseEnv(existing);
  const missing = Object.keys(SECRETS).filter((name) => !current[name] && !process.env[name]);
  if (missing.length === 0) return [];
  const lines = missing.map((name) => `${name}=${SECRETS[name]()}`);
  const prefix = existing && !existing.endsWith('\n') ? '\n' : '';
  fs.writeFileSync(file, `${existing}${prefix}${lines.join('\n')}\n`);
  return missing;
}

if (require.main === module) {
  const written = ensureEnv();
  if (written.length > 0) {
    console.log(`[cited-articles] generated ${written.join(', ')} into .env (development only)`);
  }
}

module.exports = { ensureEnv, parseEnv };
