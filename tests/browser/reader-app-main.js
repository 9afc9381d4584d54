// The compiled app (dist/, from compileStrapi) started without the admin panel, for the reader
// tests and benchmarks: they need the content API and the reader pages, not the admin's build.
// The environment (database, port, secrets) is the caller's.
'use strict';
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const APP_DIR = path.resolve(__dirname, '..', '..');

createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload: false, serveAdminPanel: false })
  .start()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
