import type { MigrationTransaction } from '../types';

const PAGE = 500;

/**
 * Every row of a table, a page at a time by id, with the columns named: a migration rewrites
 * rows one by one without holding a large table in memory.
 */
export async function* rowsOf<Row extends { id: number }>(trx: MigrationTransaction, table: string, columns: string[]): AsyncGenerator<Row> {
  let after = 0;
  for (;;) {
    const page = (await trx(table)
      .select(['id', ...columns])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)) as Row[];
    for (const row of page) yield row;
    if (page.length < PAGE) return;
    after = Number(page[page.length - 1]!.id);
  }
}
