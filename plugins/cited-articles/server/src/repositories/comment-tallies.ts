import type { Core } from '@strapi/strapi';
import { COMMENT_TALLY_UID } from '../../../shared/uids';
import { modelTables } from './model';

/** An article version's approved comments: readable ones (`all`) and root entries (`roots`). */
export interface ApprovedCounts {
  all: number;
  roots: number;
}

/** A tally row as read: its counts, whether they still hold, and the generation they were made at. */
export interface TallyRow extends ApprovedCounts {
  version: string;
  generation: number;
  fresh: boolean;
  countedAt: number;
}

type Row = { version: string; generation: unknown; fresh: unknown; approved: unknown; roots: unknown; countedAt: unknown };

/**
 * The statements of the comment tallies (services/comments/tallies.ts says how they are used):
 * one row per article version, found by its unique version key, marked stale by article.
 */
export const commentTalliesRepository = (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const tallies = modelTables(strapi, COMMENT_TALLY_UID);
  const col = tallies.columns(['articleVersion', 'articleDocumentId', 'generation', 'fresh', 'approved', 'roots', 'countedAt']);

  const toRow = (row: Row): TallyRow => ({
    version: row.version,
    generation: Number(row.generation ?? 0),
    // A boolean on PostgreSQL, 0 or 1 on SQLite and MySQL.
    fresh: Boolean(Number(row.fresh ?? 0)),
    all: Number(row.approved ?? 0),
    roots: Number(row.roots ?? 0),
    countedAt: Number(row.countedAt ?? 0),
  });

  return {
    /** The tallies of these versions that exist, fresh or not. */
    async read(versions: string[]): Promise<TallyRow[]> {
      if (versions.length === 0) return [];
      const rows: Row[] = await knex(tallies.table)
        .whereIn(col.articleVersion, versions)
        .select(
          `${col.articleVersion} as version`,
          `${col.generation} as generation`,
          `${col.fresh} as fresh`,
          `${col.approved} as approved`,
          `${col.roots} as roots`,
          `${col.countedAt} as countedAt`
        );
      return rows.map(toRow);
    },

    /**
     * Adds an empty, stale tally for each of these versions that has none. `trx`: a writer's
     * transaction, so that it holds a row to lock even before any read counted (tallies.ts).
     */
    async addMissing(entries: Array<{ version: string; articleDocumentId: string }>, trx: Knexish = knex): Promise<void> {
      if (entries.length === 0) return;
      await trx(tallies.table)
        .insert(
          entries.map(({ version, articleDocumentId }) => ({
            [col.articleVersion]: version,
            [col.articleDocumentId]: articleDocumentId,
            [col.generation]: 0,
            [col.fresh]: false,
            [col.approved]: 0,
            [col.roots]: 0,
            [col.countedAt]: 0,
          }))
        )
        .onConflict(col.articleVersion)
        .ignore();
    },

    /**
     * Stores counts made after reading each version's generation, in one statement: a version whose
     * generation moved on since (a comment write marked it stale meanwhile) keeps its row as it is,
     * as its counts may be missing that write.
     */
    async store(counted: Array<{ version: string; generation: number; counts: ApprovedCounts }>, countedAt: number): Promise<void> {
      if (counted.length === 0) return;
      // The counts are written as integer literals: a bound parameter there is text to PostgreSQL,
      // which would refuse it for an integer column (and a cast is spelled differently on MySQL).
      const caseOf = (pick: (entry: (typeof counted)[number]) => number) =>
        knex.raw(`CASE ?? ${counted.map((entry) => `WHEN ? THEN ${Math.max(0, Math.trunc(pick(entry)))}`).join(' ')} END`, [
          col.articleVersion,
          ...counted.map((entry) => entry.version),
        ]);
      await knex(tallies.table)
        .where((which) => {
          for (const entry of counted) which.orWhere((one) => one.where(col.articleVersion, entry.version).where(col.generation, entry.generation));
        })
        .update({
          [col.approved]: caseOf((entry) => entry.counts.all),
          [col.roots]: caseOf((entry) => entry.counts.roots),
          [col.fresh]: true,
          [col.countedAt]: countedAt,
        });
    },

    /** Marks the tallies of these articles (every locale) stale, in `trx`; returns how many rows it marked. */
    async markStale(trx: Knexish, articleDocumentIds: string[]): Promise<number> {
      if (articleDocumentIds.length === 0) return 0;
      const updated: unknown = await trx(tallies.table)
        .whereIn(col.articleDocumentId, articleDocumentIds)
        .update({ [col.generation]: knex.raw('?? + 1', [col.generation]), [col.fresh]: false });
      return Number(updated) || 0;
    },

    /** Marks every tally stale (after a write whose articles are not known, or too many to list). */
    async markAllStale(trx: Knexish): Promise<void> {
      await trx(tallies.table).update({ [col.generation]: knex.raw('?? + 1', [col.generation]), [col.fresh]: false });
    },
  };
};

/** knex, or a knex transaction: both are called with a table name. */
export type Knexish = Core.Strapi['db']['connection'];

export type CommentTalliesRepository = ReturnType<typeof commentTalliesRepository>;
