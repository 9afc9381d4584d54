import type { Core } from '@strapi/strapi';

/**
 * A migration as Strapi's internal migration provider runs it: `up(trx, db)` inside one
 * transaction, before the schema sync, recorded by name in `strapi_migrations_internal`.
 */
export type StrapiMigration = Parameters<Core.Strapi['db']['migrations']['providers']['internal']['register']>[0];

/** The knex transaction a migration runs in. */
export type MigrationTransaction = Parameters<StrapiMigration['up']>[0];

/**
 * One schema change of the plugin, named `<release>-<two digits>-<what it does>` (the release
 * that ships it), never renamed once released: the name is what records it as done.
 */
export interface PluginMigration {
  name: string;
  /**
   * Moves the data of the previous release's tables to what this release's schema expects. It runs
   * before Strapi's schema sync, so it sees the tables as the previous release left them, and on a
   * fresh database before any plugin table exists: it must do nothing when its tables are absent.
   */
  up(trx: MigrationTransaction): Promise<void>;
}
