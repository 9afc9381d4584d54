import { nameFromText } from '../citations/names';
import { normalisePartialDate } from '../citations/partial-date';
import type { SourceName } from '../citations/types';
import { readJson } from './steps/dialect';
import { rowsOf } from './steps/rows';
import { dateColumnToString, ensureStringColumn } from './steps/string-column';
import type { MigrationTransaction, PluginMigration } from './types';

const TABLE = 'cited_articles_sources';
const DATE_COLUMNS = ['published_date', 'accessed_date'] as const;
/** The types whose `publisher` 0.2.0 used for the outlet: the newspaper, the site, the journal. */
const OUTLET_TYPES = ['news', 'web', 'journal'];

/**
 * 0.3.0 follows CSL's model of a source (docs/sources.md):
 * - `authors` were a JSON list of strings; they become CSL name objects ("{World Health
 *   Organization}" an organisation, "Doe, Jane" and "Jane Doe" a person; names already
 *   structured stay as they are);
 * - the outlet of news, web and journal sources moves from `publisher` to the new
 *   `container_title` (`publisher` is the publisher only now);
 * - `published_date` and `accessed_date` become text ('YYYY-MM-DD' for the dates 0.2.0 stored), so
 *   a source can hold a year or a year and month alone.
 * Every step is idempotent: a second run finds nothing left to change.
 */
export const structuredSources: PluginMigration = {
  name: '0.3.0-01-structured-sources',
  async up(trx) {
    if (!(await trx.schema.hasTable(TABLE))) return;
    // Schema first: on MySQL and MariaDB a DDL statement commits the transaction so far.
    await ensureStringColumn(trx, TABLE, 'container_title');
    for (const column of DATE_COLUMNS) await dateColumnToString(trx, TABLE, column);
    await moveOutletsToContainerTitle(trx);
    await datesAsText(trx);
    await authorsAsNames(trx);
  },
};

async function moveOutletsToContainerTitle(trx: MigrationTransaction) {
  // Only where no container title is set, so a second run leaves 0.3.0 data alone.
  await trx(TABLE)
    // A row without a type is formatted and exported as news (csl/source-to-csl.ts): moved too.
    .where((type) => type.whereIn('type', OUTLET_TYPES).orWhereNull('type'))
    .whereNotNull('publisher')
    .where((empty) => empty.whereNull('container_title').orWhere('container_title', ''))
    .update({ container_title: trx.ref('publisher'), publisher: null });
}

/** A stored date as 'YYYY-MM-DD' text (or the partial date it already is); null when unreadable. */
function dateText(value: unknown): string | null {
  if (typeof value === 'number') return normalisePartialDate(new Date(value));
  return normalisePartialDate(value);
}

/** Checks every stored date is the text 0.3.0 reads (SQLite keeps whatever was written). */
async function datesAsText(trx: MigrationTransaction) {
  type Row = { id: number; published_date: unknown; accessed_date: unknown };
  for await (const row of rowsOf<Row>(trx, TABLE, [...DATE_COLUMNS])) {
    const changes: Record<string, string> = {};
    for (const column of DATE_COLUMNS) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      const text = dateText(value);
      // Unreadable values are left for an editor to see rather than dropped.
      if (text !== null && text !== value) changes[column] = text;
    }
    if (Object.keys(changes).length > 0) await trx(TABLE).where('id', row.id).update(changes);
  }
}

/** A 0.2.0 author list as names; null when it needs no change. */
export function namesFromStored(value: unknown): SourceName[] | null {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.some((entry) => typeof entry === 'string')) return null;
  return list.flatMap((entry: unknown) => {
    if (typeof entry !== 'string') return [entry as SourceName];
    const name = nameFromText(entry);
    return name ? [name] : [];
  });
}

async function authorsAsNames(trx: MigrationTransaction) {
  for await (const row of rowsOf<{ id: number; authors: unknown }>(trx, TABLE, ['authors'])) {
    if (row.authors === null || row.authors === undefined) continue;
    const names = namesFromStored(readJson(row.authors));
    if (names !== null)
      await trx(TABLE)
        .where('id', row.id)
        .update({ authors: JSON.stringify(names) });
  }
}
