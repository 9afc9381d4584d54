import type { Core } from '@strapi/strapi';
import {
  countReferences,
  keysMissingFrom,
  readReferenceTargets,
  referenceTargets,
  REFERENCE_TARGETS_VERSION,
  type CitableSource,
  type ReferenceTargets,
} from '../../citations';
import { citationsRepository } from '../../repositories/citations';
import { backfillInPages } from '../../utils/backfill-pages';
import { sourcesRepository } from '../../repositories/sources';
import { getService } from '../../utils/get-service';
import { toPublicSource } from '../../utils/public-shape';
import { ARTICLE_UID, PLUGIN_ID } from '../../../../shared/uids';

const VERSION_KEY = 'reference-targets-version';
const BACKFILL_BATCH = 200;

/** An article row as the list counts its references: its stored targets and its citations in the editor's order. */
export interface CountableRow {
  id: number;
  numberingStart?: number | null;
  referenceTargets?: unknown;
  citations?: Array<Record<string, unknown>>;
}

/** What the lifecycles read of an article write: the data about to be written. */
interface ArticleWriteEvent {
  params?: { data?: unknown };
}

/**
 * Reference counts for the article list without parsing bodies per request.
 *
 * Each article row stores `referenceTargets` (private, hidden): the distinct keys and positions its
 * body cites (citations/reference-targets.ts). A database lifecycle recomputes them whenever a write
 * sets `body`, which covers create, update and publish (publishing copies the draft through a
 * create) through any API, and the Query Engine too. The count itself is worked out per request
 * from the targets and the sources as they are now, so reordering citations, deleting a source or
 * creating one that a `[@key]` was waiting for changes the count at once, as it changes the
 * article's own page. Rows without usable targets (older rows, raw SQL) are filled at startup; one
 * that still lacks them is computed from its body on the fly, in one extra query for the page.
 */
export const createReferenceCounts = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Recomputes an article row's reference targets whenever a write sets its body. */
  subscribeReferenceTargets(): void {
    // The body was parsed before the save (document middleware cited-sources), so its targets come
    // from memory; a write that skipped it (the Query Engine, a publish of an older draft) parses it
    // in a worker thread, within the work budget like any save.
    const fill = async (value: unknown, creating: boolean) => {
      if (!value || typeof value !== 'object') return;
      const data = value as Record<string, unknown>;
      // On update, no body in the data means the body is unchanged, and so are its targets.
      if (!creating && !('body' in data)) return;
      const body = typeof data.body === 'string' ? data.body : '';
      data.referenceTargets = (await getService('platform', { strapi }).bodyIndex(body, 'This article')).targets;
    };
    strapi.db.lifecycles.subscribe({
      models: [ARTICLE_UID],
      beforeCreate: (event: ArticleWriteEvent) => fill(event.params?.data, true),
      beforeCreateMany: async (event: ArticleWriteEvent) => {
        const many = event.params?.data;
        for (const data of Array.isArray(many) ? many : []) await fill(data, true);
      },
      beforeUpdate: (event: ArticleWriteEvent) => fill(event.params?.data, false),
    });
  },

  /**
   * Stores targets on rows that have none, or on every row when the parsing rules changed since
   * the last start (the plugin store remembers the version last filled).
   */
  async backfillReferenceTargets(): Promise<number> {
    const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
    const everyRow = (await store.get({ key: VERSION_KEY })) !== REFERENCE_TARGETS_VERSION;
    const articles = citationsRepository(strapi);
    const filled = await backfillInPages(
      (after) => articles.bodiesAfter(after, BACKFILL_BATCH, { everyRow }),
      async (rows) => {
        // Straight to the column: this is derived data, the article's updatedAt must not move.
        for (const row of rows) await articles.storeTargets(row.id, referenceTargets(row.body));
      }
    );
    await store.set({ key: VERSION_KEY, value: REFERENCE_TARGETS_VERSION });
    if (filled > 0) strapi.log.info(`[cited-articles] stored the cited keys of ${filled} article rows`);
    return filled;
  },

  /** The reference count of each row, in order: at most two queries whatever the number of rows. */
  async countReferences(rows: CountableRow[]): Promise<number[]> {
    const targets = new Map<number, ReferenceTargets>();
    const missing: number[] = [];
    for (const row of rows) {
      const stored = readReferenceTargets(row.referenceTargets);
      if (stored) targets.set(row.id, stored);
      else missing.push(row.id);
    }
    if (missing.length > 0) {
      for (const { id, body } of await citationsRepository(strapi).bodiesOf(missing)) targets.set(id, referenceTargets(body));
    }

    const listedOf = (row: CountableRow) => (row.citations ?? []).map((source) => toPublicSource(source) as CitableSource);
    // `[@key]` keys not in an article's own list fall back to the library: one query for all.
    const libraryKeys = [...new Set(rows.flatMap((row) => keysMissingFrom(targets.get(row.id)?.keys ?? [], row.citations)))];
    const library: CitableSource[] =
      libraryKeys.length > 0
        ? (await sourcesRepository(strapi).identitiesByKeys(libraryKeys)).map((source) => toPublicSource(source) as CitableSource)
        : [];
    return rows.map((row) => {
      const rowTargets = targets.get(row.id);
      if (!rowTargets) return 0;
      return countReferences(rowTargets, listedOf(row), { numberingStart: row.numberingStart === 0 ? 0 : 1 }, library);
    });
  },
});

export type ReferenceCounts = ReturnType<typeof createReferenceCounts>;
