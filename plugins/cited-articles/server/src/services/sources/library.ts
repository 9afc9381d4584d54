import type { Core } from '@strapi/strapi';
import { findDuplicateGroups } from '../../citations';
import { backfillInPages } from '../../utils/backfill-pages';
import { identityFingerprints } from '../../utils/source-fingerprints';
import { refreshSharedFingerprints } from './shared-fingerprints';
import type { CitingArticle, DuplicateSource, LibrarySource } from '../../../../shared/contracts';
import { sourcesRepository, type LibraryScope } from '../../repositories/sources';
import type { LibraryFilter, SourceLibraryResponse } from '../../../../shared/contracts';

export type { LibraryFilter };

/** The Sources page's query once validated: filter and page filled in. */
export interface LibraryQuery {
  search?: string;
  filter: LibraryFilter;
  page: number;
  pageSize: number;
}

/** A source as the page reads it: the fields its HTTP contract lists, before its citing articles. */
type LibraryRow = Omit<LibrarySource, 'citedByCount' | 'citedBy'> & { id: number };

/** The citing articles listed with each source; `citedByCount` gives the full number. */
export const CITED_BY_SHOWN = 10;

const BACKFILL_BATCH = 500;

/**
 * The most sources the page's counts read: past it they show "1,000+". An exact count reads every
 * match, all 100,000 sources of a library for a search matching every title.
 */
export const COUNT_CAP = 1000;

/** The source library as the admin's Sources page shows it. */
export const createSourceLibrary = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * A page of sources (title order) with the number of articles citing each and the newest of
   * them, the number of sources cited nowhere, and the groups of likely duplicates across the whole
   * library. Five queries, whatever the size of the page or of the library: the sources sharing a
   * URL or DOI fingerprint, the page, its citing articles, and two counts, each capped (`COUNT_CAP`;
   * the total at least past the next page): `meta.capped` says which stopped at its cap.
   */
  async listLibrary({ search, filter, page, pageSize }: LibraryQuery): Promise<SourceLibraryResponse> {
    const sources = sourcesRepository(strapi);
    const duplicates = findDuplicateGroups(
      (await sources.duplicateCandidates()).map(({ documentId, key, title, url, doi }): DuplicateSource => ({ documentId, key, title, url, doi }))
    );

    const scope: LibraryScope = {
      search,
      filter,
      duplicateIds: filter === 'duplicates' ? [...new Set(duplicates.flatMap((group) => group.sources.map((source) => source.documentId)))] : [],
    };
    // Counted up to a cap, and always past the next page, so that the pagination offers it.
    const totalCap = Math.max(COUNT_CAP, (page + 1) * pageSize);
    const [rows, counted, uncitedCounted] = await Promise.all([
      sources.libraryPage(scope, { start: (page - 1) * pageSize, limit: pageSize }) as Promise<LibraryRow[]>,
      sources.countInLibrary(scope, totalCap),
      sources.countUncited(COUNT_CAP),
    ]);
    const total = Math.min(counted, totalCap);
    const uncitedCount = Math.min(uncitedCounted, COUNT_CAP);
    const citers = await sources.citersOf(
      rows.map((row) => row.id),
      CITED_BY_SHOWN
    );

    const data = rows.map(({ id, ...source }) => {
      const own = citers.filter((citer) => citer.sourceId === id);
      const citedBy: CitingArticle[] = own.map(({ documentId, title, slug }) => ({ documentId, title, slug }));
      return { ...source, citedByCount: own[0]?.citers ?? 0, citedBy };
    });

    return {
      data,
      meta: {
        // A capped total is a multiple of the page size: one page more is there at least.
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize) + (counted > totalCap ? 1 : 0), total },
        uncitedCount,
        capped: { total: counted > totalCap, uncited: uncitedCounted > COUNT_CAP },
        duplicates,
      },
    };
  },

  /** On PostgreSQL, trigram indexes for the page's search where pg_trgm is there (repositories/sources.ts). */
  async ensureSearchIndexes(): Promise<boolean> {
    return sourcesRepository(strapi).ensureSearchIndexes();
  },

  /**
   * Fills the identity fingerprints of sources stored without them: those written before the
   * fields existed, or straight to the database (a data transfer, a script). At startup, in
   * batches by id, so that the duplicate report's indexed query sees every source; then the
   * `sharedFingerprint` flag of sources without one (written before it existed, or just filled).
   */
  async backfillFingerprints(): Promise<number> {
    const sources = sourcesRepository(strapi);
    const filled = await backfillInPages(
      (after) => sources.unfingerprinted(after, BACKFILL_BATCH),
      (rows) => sources.setFingerprints(rows.map((row) => ({ id: row.id, ...identityFingerprints(row) })))
    );
    if (filled > 0) strapi.log.info(`[cited-articles] stored identity fingerprints on ${filled} sources`);
    // Then whether another source shares one: for rows written before the flag existed, or whose
    // fingerprints were just filled (which makes their flag unknown).
    const flagged = await backfillInPages(
      (after) => sources.unflagged(after, BACKFILL_BATCH),
      (rows) =>
        refreshSharedFingerprints(
          strapi,
          rows.flatMap((row) => [row.urlFingerprint, row.doiFingerprint]),
          rows
        )
    );
    if (flagged > 0) strapi.log.info(`[cited-articles] marked the sources sharing a fingerprint among ${flagged} sources`);
    return filled;
  },
});
