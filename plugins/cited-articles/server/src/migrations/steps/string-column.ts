import type { MigrationTransaction } from '../types';
import { dialectOf } from './dialect';

/**
 * Adds a nullable column as Strapi creates one for a `string` attribute (varchar(255), no
 * default), so its schema sync finds nothing to change. Does nothing when the column exists.
 */
export async function ensureStringColumn(trx: MigrationTransaction, table: string, column: string) {
  if (await trx.schema.hasColumn(table, column)) return;
  await trx.schema.alterTable(table, (builder) => {
    builder.string(column).nullable();
  });
}

/**
 * Turns a `date` column into a string column holding 'YYYY-MM-DD'. Left to the schema sync, the
 * change gives the same text on each database (checked: PostgreSQL casts with `::varchar(255)`,
 * which writes ISO dates under the ISO DateStyle Strapi needs; MySQL and MariaDB write a DATE as
 * 'YYYY-MM-DD' on MODIFY; SQLite keeps the 'YYYY-MM-DD' text Strapi stored and only the declared
 * type changes). Done here on PostgreSQL with to_char, so the text depends on no session setting
 * and the change is part of the migration's transaction (its DDL is transactional), and on MySQL
 * and MariaDB so the sync finds nothing left to alter. SQLite is left to the sync (it rebuilds the
 * table); the migration checks the values. Does nothing when the column is already text.
 */
export async function dateColumnToString(trx: MigrationTransaction, table: string, column: string) {
  if (!(await trx.schema.hasColumn(table, column))) return;
  const info = (await trx(table).columnInfo(column)) as unknown as { type?: string };
  if (String(info.type ?? '').toLowerCase() !== 'date') return;
  const dialect = dialectOf(trx);
  if (dialect === 'postgres') {
    await trx.raw(`ALTER TABLE ?? ALTER COLUMN ?? TYPE varchar(255) USING to_char(??, 'YYYY-MM-DD')`, [table, column, column]);
  } else if (dialect === 'mysql') {
    await trx.raw('ALTER TABLE ?? MODIFY ?? varchar(255) NULL', [table, column]);
  }
}
