import type { MigrationTransaction } from '../types';

export type Dialect = 'postgres' | 'mysql' | 'sqlite';

/** Which database a migration runs on, from the knex client Strapi configured (pg, mysql2, better-sqlite3). */
export function dialectOf(trx: MigrationTransaction): Dialect {
  const client = String((trx.client as { config?: { client?: unknown } }).config?.client ?? '');
  if (/pg|postgres/i.test(client)) return 'postgres';
  if (/mysql|maria/i.test(client)) return 'mysql';
  return 'sqlite';
}

/**
 * A JSON column's value as stored: PostgreSQL's jsonb comes back as text (Strapi reads it so),
 * MariaDB's JSON is text, MySQL's is parsed, SQLite's is text. Undefined when the text is not JSON.
 */
export function readJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
