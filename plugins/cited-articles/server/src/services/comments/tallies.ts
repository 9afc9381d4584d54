import type { Core } from '@strapi/strapi';
import { articleVersionKey } from '../../comments/article-version';
import { commentsRepository } from '../../repositories/comments';
import { commentTalliesRepository, type ApprovedCounts } from '../../repositories/comment-tallies';
import { COMMENT_UID } from '../../../../shared/uids';

/** A kept count older than this is counted again, whatever happened: a bound on any staleness. */
export const TALLY_MAX_AGE_MS = 10 * 60_000;

/** The comment fields a count depends on: a write touching none of them leaves the counts as they are. */
const COUNTED_FIELDS = ['status', 'deleted', 'depth', 'article', 'articleDocumentId', 'articleLocale', 'articleVersion'];

/** Rows a *Many write is looked up for before it runs; past this, every tally is marked stale. */
const MANY_LOOKUP_LIMIT = 500;

/** What the lifecycles read of a comment write (@strapi/database's Event, untyped there). */
interface WriteEvent {
  params?: { data?: unknown; where?: unknown };
  result?: unknown;
  state?: Record<string, unknown>;
}

const touchesCounts = (data: unknown) => !data || typeof data !== 'object' || COUNTED_FIELDS.some((field) => field in data);
const articleOf = (row: unknown): string | null => {
  const id = (row as { articleDocumentId?: unknown } | null | undefined)?.articleDocumentId;
  return typeof id === 'string' && id ? id : null;
};

/**
 * An article's approved-comment counts, kept instead of counted on every read. Every article page
 * of the list and every page of a thread shows them, and counting a thread of 90,000 approved
 * comments reads 90,000 index entries (15 ms on PostgreSQL) each time.
 *
 * One row per article version (`comment-tally`). A read uses the row while it is fresh; otherwise
 * it counts, then stores the count only if the row's generation is still the one it read before
 * counting. Every comment write that can change a count (created approved; status, deletion,
 * depth or article changed; deleted) marks its article's tallies stale and moves their generation
 * on, in the write's own transaction (a database lifecycle, so every API is covered: the plugin's
 * routes, the Content Manager, the Document Service and the Query Engine). So a count made before a
 * write committed is never stored over the write's mark: either the mark comes after the store
 * (the row is stale again), or the store's condition no longer holds (PostgreSQL and MariaDB wait
 * for the writer's row lock, then see the new generation; SQLite has one writer at a time).
 *
 * Writes that bypass Strapi (SQL run by hand, a bulk load) are not seen: their articles' counts are
 * corrected within TALLY_MAX_AGE_MS, when the kept count expires, or at once with
 * markAllTalliesStale. Storing is best-effort: a store that fails (a busy SQLite file, a deadlock)
 * leaves the row stale and the read answers the count it made.
 */
export const createCommentTallies = ({ strapi }: { strapi: Core.Strapi }) => {
  const tallies = () => commentTalliesRepository(strapi);

  /**
   * Marks these articles' tallies stale in the current transaction (or its own one). `versions`:
   * rows to add when the articles have none, so that the next writer finds a row to lock even on an
   * article no read has counted yet.
   */
  const markStale = async (
    articleDocumentIds: Array<string | null> | 'all',
    versions: Array<{ version: string; articleDocumentId: string }> = []
  ) => {
    const ids = articleDocumentIds === 'all' ? 'all' : [...new Set(articleDocumentIds.filter((id): id is string => id !== null))];
    if (ids !== 'all' && ids.length === 0) return;
    // Joins the write's transaction when there is one, as the Query Engine's own statements do.
    await strapi.db.transaction(async ({ trx }) => {
      if (ids === 'all') return tallies().markAllStale(trx);
      // Rows are added only when the articles have none yet: adding where one exists would take a
      // shared lock on it (MariaDB does, for the duplicate key) before the mark's exclusive one,
      // and two writers holding the shared lock would deadlock on the upgrade.
      if ((await tallies().markStale(trx, ids)) === 0) await tallies().addMissing(versions, trx);
    });
  };

  /** The article versions of the comments a write is about to touch, or 'all' when there are too many. */
  const versionsOfWhere = async (where: unknown): Promise<Array<{ version: string; articleDocumentId: string }> | 'all'> => {
    const rows = (await strapi.db.query(COMMENT_UID).findMany({
      where: where as Record<string, unknown>,
      select: ['articleDocumentId', 'articleVersion'],
      limit: MANY_LOOKUP_LIMIT + 1,
    })) as Array<{ articleDocumentId?: string | null; articleVersion?: string | null }>;
    if (rows.length > MANY_LOOKUP_LIMIT) return 'all';
    const found = new Map<string, string>();
    for (const row of rows) if (row.articleVersion && row.articleDocumentId) found.set(row.articleVersion, row.articleDocumentId);
    return [...found].map(([version, articleDocumentId]) => ({ version, articleDocumentId }));
  };

  /**
   * The article of the comment a single write wrote: on the row returned (which holds only the
   * fields its caller selected, as a reader's post does), in the data written, or read by its id.
   */
  const articleOfWrite = async (event: WriteEvent): Promise<string | null> => {
    const known = articleOf(event.result) ?? articleOf(event.params?.data);
    if (known) return known;
    const id = (event.result as { id?: unknown } | null | undefined)?.id;
    if (id === undefined || id === null) return null;
    return articleOf(await strapi.db.query(COMMENT_UID).findOne({ where: { id }, select: ['articleDocumentId'] }));
  };

  return {
    /**
     * Approved counts of these article versions, from their tallies where fresh, counted (and kept)
     * where not. A version with no approved comment has zero of each.
     */
    async approvedCountsOf(articles: Array<{ documentId: string; locale: string }>): Promise<Map<string, ApprovedCounts>> {
      const byVersion = new Map(articles.map((article) => [articleVersionKey(article.documentId, article.locale), article.documentId]));
      const versions = [...byVersion.keys()];
      const counts = new Map<string, ApprovedCounts>();
      if (versions.length === 0) return counts;

      const now = Date.now();
      const kept = await tallies().read(versions);
      for (const row of kept) {
        if (row.fresh && now - row.countedAt < TALLY_MAX_AGE_MS) counts.set(row.version, { all: row.all, roots: row.roots });
      }
      const stale = versions.filter((version) => !counts.has(version));
      if (stale.length === 0) return counts;

      // The generations to store against, as read before counting (see above); a version with no
      // row yet gets one at generation 0 (any write from then on moves it on). The insert runs for
      // every stale version, existing rows left as they are, so that a recount costs the same
      // statements whether or not the article had a row.
      const generations = new Map(kept.map((row) => [row.version, row.generation]));
      try {
        await tallies().addMissing(stale.map((version) => ({ version, articleDocumentId: byVersion.get(version)! })));
        for (const version of stale) if (!generations.has(version)) generations.set(version, 0);
      } catch (error) {
        strapi.log.debug(`[cited-articles] comment tallies not added (${(error as Error).message})`);
      }

      const counted = new Map(stale.map((version) => [version, { all: 0, roots: 0 }]));
      for (const row of await commentsRepository(strapi).approvedCountsByVersion(stale)) counted.set(row.version, { all: row.all, roots: row.roots });
      for (const [version, value] of counted) counts.set(version, value);

      const toStore = [...counted]
        .filter(([version]) => generations.has(version))
        .map(([version, value]) => ({ version, generation: generations.get(version)!, counts: value }));
      try {
        await tallies().store(toStore, now);
      } catch (error) {
        strapi.log.debug(`[cited-articles] comment tallies not kept (${(error as Error).message})`);
      }
      return counts;
    },

    /** Marks every article's tallies stale: after comments were written around Strapi (startup backfills). */
    async markAllTalliesStale(): Promise<void> {
      await markStale('all');
    },

    /**
     * Marks tallies stale on every comment write that can change a count, whichever API made it.
     * An update or a deletion marks its articles before it writes, then again after: the first mark
     * takes the tally rows' locks before the comments' rows, in the same order for every writer, so
     * that concurrent moderations of one thread wait for each other instead of deadlocking; the
     * second (on rows this transaction already holds) moves the generation past a count made
     * between the two when the write runs outside a transaction.
     */
    subscribeTallies(): void {
      const before = async (event: WriteEvent, also: Array<string | null> = []) => {
        const found = await versionsOfWhere(event.params?.where);
        const articles = found === 'all' ? 'all' : [...found.map((entry) => entry.articleDocumentId), ...also];
        if (event.state) event.state.tallyArticles = articles;
        await markStale(articles, found === 'all' ? [] : found);
      };
      const after = async (event: WriteEvent, also: Array<string | null> = []) => {
        const articles = event.state?.tallyArticles as Array<string | null> | 'all' | undefined;
        if (articles) await markStale(articles === 'all' ? 'all' : [...articles, ...also]);
      };
      strapi.db.lifecycles.subscribe({
        models: [COMMENT_UID],
        async afterCreate(event: WriteEvent) {
          const status = (event.result as { status?: string } | null)?.status ?? (event.params?.data as { status?: string } | undefined)?.status;
          if (status === 'approved') await markStale([await articleOfWrite(event)]);
        },
        async beforeUpdate(event: WriteEvent) {
          // A comment moved to another article changes both: the one it leaves and the one named.
          if (touchesCounts(event.params?.data)) await before(event, [articleOf(event.params?.data)]);
        },
        async afterUpdate(event: WriteEvent) {
          await after(event, [articleOf(event.result)]);
        },
        async beforeDelete(event: WriteEvent) {
          await before(event);
        },
        async afterDelete(event: WriteEvent) {
          await after(event);
        },
        async beforeUpdateMany(event: WriteEvent) {
          if (touchesCounts(event.params?.data)) await before(event);
        },
        async afterUpdateMany(event: WriteEvent) {
          await after(event);
        },
        async beforeDeleteMany(event: WriteEvent) {
          await before(event);
        },
        async afterDeleteMany(event: WriteEvent) {
          await after(event);
        },
        // Several comments at once, their rows not returned: every tally.
        async afterCreateMany() {
          await markStale('all');
        },
      });
    },
  };
};

export type CommentTallies = ReturnType<typeof createCommentTallies>;
