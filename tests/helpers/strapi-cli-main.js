// Strapi's own CLI (`strapi export`, `strapi import`, …) in a child process, on the app compiled by
// the global setup. The commands compile the TypeScript app to dist/ before they boot it
// (createStrapiInstance calls compileStrapi); other test files load that dist/ at the same time, so
// this runner answers compileStrapi with the app and dist directories instead of rewriting them.
// Everything else is the command as `npx strapi …` runs it. Usage: node strapi-cli-main.js export -f x
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..', '..');

const core = require('@strapi/core');
core.compileStrapi = async () => ({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') });

process.chdir(APP_DIR);
// The CLI is not among the package's exports; its bin script loads it by path, as here.
const { runCLI } = require(path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'dist', 'cli.js'));

runCLI([process.argv[0], 'strapi', ...process.argv.slice(2)]);
