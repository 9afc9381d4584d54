// ESLint for the whole repository: the plugin (server and admin), the host app (config/, src/),
// tests/, bench/ and scripts/. `npm run lint` runs it with `prettier --check .`; formatting is
// Prettier's job, so no stylistic rule is enabled here.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/build/',
    '**/.tmp/',
    '**/.strapi/',
    '**/.cache/',
    'types/generated/',
    'coverage/',
    'bench/results/',
    'test-output/',
    'public/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    rules: {
      // A regular expression that backtracks or rescans super-linearly is a denial-of-service risk
      // on reader input (comments, article bodies, imported files): both fail CI.
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // Tests, benchmarks and scripts poke at Strapi's internals, whose typings are loose: `any` is
      // tolerated there. The plugin's own code is held to the stricter rule below.
      '@typescript-eslint/no-explicit-any': 'warn',
      // Dropping fields by destructuring the rest (`const { id, ...shown } = row`) is how private
      // and internal fields are kept out of responses and comparisons.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Everything but the admin panel runs on Node.
    files: ['**/*.{js,cjs,mjs,ts}'],
    ignores: ['plugins/cited-articles/admin/src/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The plain JavaScript (bench/, scripts/, jest configs, test helpers) is CommonJS run by Node
    // without a build step, where require() is how modules are loaded.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Jest's globals in the test files and helpers; tests/browser/ is a plain Node script.
    files: ['tests/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    // The plugin is typed through its records (content-types/records.ts), its service contracts
    // (services/contracts/) and its HTTP contracts (contracts/): an `any` there fails CI.
    files: ['plugins/cited-articles/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // The HTTP contracts name each admin route's Request and Response in a type-only
    // `declare namespace`, as Strapi's own plugins do (content-releases' shared/contracts).
    files: ['plugins/cited-articles/shared/contracts/**/*.ts'],
    rules: { '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }] },
  },
  {
    files: ['plugins/cited-articles/admin/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  }
);
