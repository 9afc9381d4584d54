import type { Core } from '@strapi/strapi';

/** Counts the SQL queries Strapi's database connection runs while `fn` runs. */
export async function countQueries<T>(strapi: Core.Strapi, fn: () => Promise<T>) {
  const sql: string[] = [];
  const listener = (query: { sql: string }) => sql.push(query.sql);
  const connection = strapi.db.connection as any;
  connection.on('query', listener);
  try {
    const result = await fn();
    return { result, count: sql.length, sql };
  } finally {
    connection.removeListener('query', listener);
  }
}
