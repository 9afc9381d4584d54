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
 * Turns a `date` column into a string column holding 'YYYY-MM-DD', explicitly rather than through
 * the schema sync's alter: PostgreSQL's cast of a date to text follows the server's DateStyle
 * ('02/22/2023' under SQL, MDY), to_char does not. MySQL and MariaDB always write a DATE as
 * 'YYYY-MM-DD' when it becomes text. SQLite keeps the declared type for the sync (its column
 * holds Strapi's 'YYYY-MM-DD' text already; convertDatesToText checks the values). Does nothing
 * when the column is already text.
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
