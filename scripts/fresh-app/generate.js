#!/usr/bin/env node
/**
 * Writes a minimal Strapi 5 app into an empty folder: the files `npx create-strapi-app` would leave
 * for a JavaScript project on SQLite, without its network calls (the template download, Strapi's
 * Cloud login prompt, telemetry). The plugin is not listed: run.sh installs its tarball with
 * `npm install <tarball>` afterwards, as a user installs it, and this script's `--enable-plugin`
 * then adds the one config line the README asks for.
 *
 *   node scripts/fresh-app/generate.js <folder> [--strapi 5.54.0]
 *   node scripts/fresh-app/generate.js <folder> --enable-plugin
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { randomUUID } = require('crypto');
const { freshSecrets } = require('../ensure-env');

// better-sqlite3 stays at 12: 13 declares node >=22, and the plugin supports Node 20. Exactly the
// host app's version, whose binary run.sh hands over as a local prebuild (a newer 12.x would be
// compiled from source instead, which needs a C++ toolchain).
const HOST_SQLITE = require('better-sqlite3/package.json').version;
const DEPENDENCIES = (strapiVersion) => ({
  '@strapi/strapi': strapiVersion,
  '@strapi/plugin-users-permissions': strapiVersion,
  'better-sqlite3': HOST_SQLITE,
  react: '^18.0.0',
  'react-dom': '^18.0.0',
  'react-router-dom': '^6.0.0',
  'styled-components': '^6.0.0',
});

const FILES = {
  'config/database.js': `const path = require('path');

module.exports = ({ env }) => ({
  connection: {
    client: 'sqlite',
    connection: { filename: path.join(__dirname, '..', env('DATABASE_FILENAME', '.tmp/data.db')) },
    useNullAsDefault: true,
  },
});
`,
  'config/server.js': `module.exports = ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
});
`,
  'config/admin.js': `module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
});
`,
  'config/middlewares.js': `module.exports = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
`,
  'config/plugins.js': `module.exports = () => ({
});
`,
  'src/index.js': `module.exports = {
  register() {},
  bootstrap() {},
};
`,
  'public/robots.txt': 'User-agent: *\nDisallow: /\n',
  // Strapi's local upload provider refuses to start without this folder.
  'public/uploads/.gitkeep': '',
  '.gitignore': 'node_modules\n.tmp\n.env\n.strapi\ndist\nbuild\n',
};

function generate(dir, strapiVersion) {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);
  fs.mkdirSync(dir, { recursive: true });
  const pkg = {
    name: 'fresh-strapi-app',
    private: true,
    version: '0.0.0',
    scripts: { build: 'strapi build', start: 'strapi start', develop: 'strapi develop' },
    dependencies: DEPENDENCIES(strapiVersion),
    engines: { node: '>=20.0.0 <=24.x.x' },
    // npm 11 asks which dependencies may run install scripts: better-sqlite3 builds its binary,
    // esbuild and @swc/core (Strapi's build tools) check theirs.
    allowScripts: { 'better-sqlite3': true, esbuild: true, '@swc/core': true, 'core-js-pure': false },
    strapi: { uuid: randomUUID(), telemetryDisabled: true },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const env = { HOST: '127.0.0.1', PORT: '1337', ...freshSecrets() };
  const envText = Object.entries(env)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
  fs.writeFileSync(path.join(dir, '.env'), `${envText}\n`, { mode: 0o600 });
}

/** The README's one line: `'cited-articles': { enabled: true }` in config/plugins.js. */
function enablePlugin(dir) {
  const file = path.join(dir, 'config', 'plugins.js');
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace('({\n', "({\n  'cited-articles': { enabled: true },\n"));
  if (!fs.readFileSync(file, 'utf8').includes("'cited-articles': { enabled: true }")) throw new Error(`could not enable the plugin in ${file}`);
}

if (require.main === module) {
  const [dir, ...flags] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: generate.js <folder> [--strapi <version>] | <folder> --enable-plugin');
    process.exit(2);
  }
  if (flags.includes('--enable-plugin')) {
    enablePlugin(path.resolve(dir));
  } else {
    const at = flags.indexOf('--strapi');
    generate(path.resolve(dir), at >= 0 ? flags[at + 1] : '5.54.0');
  }
}

module.exports = { generate, enablePlugin };
