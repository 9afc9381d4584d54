/**
 * The plugin's migrations, in the order they run. Registered with Strapi's internal migration
 * provider (as Strapi's own admin and content-releases plugins do), which runs each pending one
 * once per database, in a transaction, before the schema sync would drop or add columns and
 * tables, and records it by name in `strapi_migrations_internal`. A new release's schema change
 * appends its migration here (docs/architecture.md, "Where a change goes").
 */
import type { Core } from '@strapi/strapi';
import { baseline } from './0.2.0-00-baseline';
import { structuredSources } from './0.3.0-01-structured-sources';
import type { PluginMigration } from './types';

export const PLUGIN_MIGRATIONS: readonly PluginMigration[] = [baseline, structuredSources];

/** Names in `strapi_migrations_internal` are shared with Strapi's and other plugins': prefixed. */
export const MIGRATION_PREFIX = 'cited-articles::';

export function registerMigrations(strapi: Core.Strapi, migrations: readonly PluginMigration[] = PLUGIN_MIGRATIONS) {
  for (const migration of migrations) {
    strapi.db.migrations.providers.internal.register({
      name: `${MIGRATION_PREFIX}${migration.name}`,
      up: (trx) => migration.up(trx),
      // Strapi never runs down() at startup; a downgrade is a restore from backup (docs/decisions.md).
      async down() {},
    });
  }
}
