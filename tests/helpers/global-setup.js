// Runs once before all test files: compiles the TypeScript app (config/, src/) to dist/ so that
// every test file can boot it without compiling again. The plugin is built by `pretest`.
const path = require('path');

module.exports = async () => {
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
};
