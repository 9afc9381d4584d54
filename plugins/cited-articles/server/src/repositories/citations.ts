import type { Core } from '@strapi/strapi';
import type { ReferenceTargets } from '../citations';
import { ARTICLE_UID } from '../../../shared/uids';
import { modelTables } from './model';

/** An article row's body, as the reference-targets backfill reads it. */
export interface ArticleBody {
  id: number;
  body: string | null;
}

/**
 * The SQL behind the articles' stored reference targets (citations/reference-targets.ts) that the
 * Query Engine cannot say: straight to the columns, so that derived data never moves an article's
 * updatedAt or runs its lifecycles. Tables and columns come from Strapi's metadata (model.ts).
 * A plain module taking `strapi`, like repositories/comments.ts.
 */
export const citationsRepository = (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const articles = modelTables(strapi, ARTICLE_UID);
  const col = articles.columns(['id', 'body', 'referenceTargets']);

  return {
    /** Up to `limit` article rows past id `after`, in id order; only rows without targets unless `everyRow`. */
    async bodiesAfter(after: number, limit: number, { everyRow }: { everyRow: boolean }): Promise<ArticleBody[]> {
      const query = knex(articles.table).where(col.id, '>', after).orderBy(col.id).limit(limit).select(`${col.id} as id`, `${col.body} as body`);
      if (!everyRow) query.whereNull(col.referenceTargets);
      return query;
    },

    /** The bodies of these article rows, for the ones whose targets are not stored yet (Query Engine, no transaction). */
    async bodiesOf(ids: number[]): Promise<ArticleBody[]> {
      return (await strapi.db.query(ARTICLE_UID).findMany({ where: { id: { $in: ids } }, select: ['id', 'body'] })) as ArticleBody[];
    },

    /** Stores one row's reference targets. */
    async storeTargets(id: number, targets: ReferenceTargets): Promise<void> {
      await knex(articles.table)
        .where(col.id, id)
        .update({ [col.referenceTargets]: JSON.stringify(targets) });
    },
  };
};

export type CitationsRepository = ReturnType<typeof citationsRepository>;
