// Test runner: jest with @swc/jest for TypeScript. Every *.test.ts under tests/ runs; API tests
// boot the real app (tests/helpers/strapi.ts) on a fresh database per file.

// ESM-only packages (the unified/micromark Markdown stack) are transformed to CommonJS like our
// own sources; everything else in node_modules is loaded as it is.
const ESM_PACKAGES = [
  'mdast-[^/]+',
  'micromark[^/]*',
  'unist-[^/]+',
  'hast-[^/]+',
  'decode-named-character-reference',
  'character-entities[^/]*',
  'character-reference-invalid',
  'devlop',
  'property-information',
  'space-separated-tokens',
  'comma-separated-tokens',
  'html-void-elements',
  'zwitch',
  'stringify-entities',
  'ccount',
  'trim-lines',
  'vfile[^/]*',
  'web-namespaces',
  'markdown-table',
  'longest-streak',
  'escape-string-regexp',
  'is-plain-obj',
  'bail',
  'trough',
  'unified',
  'is-alphanumerical',
  'is-alphabetical',
  'is-decimal',
  'is-hexadecimal',
  // node-fetch 3 and its dependencies, which @citation-js/core requires (it never fetches here).
  'node-fetch',
  'data-uri-to-buffer',
  'fetch-blob',
  'formdata-polyfill',
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // One transform for our TypeScript and for the ESM .js listed above (ESM → CommonJS).
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  // Tests import the plugin's sources through one alias: `@cited-articles/server/src/…`.
  moduleNameMapper: { '^@cited-articles/(.*)$': '<rootDir>/plugins/cited-articles/$1' },
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
