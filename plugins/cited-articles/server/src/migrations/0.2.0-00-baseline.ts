import type { PluginMigration } from './types';

/**
 * Changes nothing. 0.2.0 is the first release with migrations and its schema is 0.1.0's: this
 * entry marks that point in each database's record (`strapi_migrations_internal`), so a database
 * shows whether this release's migrations ran on it. The next schema change adds its migration
 * after this one.
 */
export const baseline: PluginMigration = {
  name: '0.2.0-00-baseline',
  async up() {},
};
