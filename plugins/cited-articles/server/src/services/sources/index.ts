import type { Core } from '@strapi/strapi';
import { createCitingArticles } from './citing-articles';
import { createSourceImport } from './import';
import { createSourceLibrary } from './library';
import { createLinkCheck } from './link-check';
import { createSourceLookup } from './lookup';

export type { SourceWithCitingArticles } from './citing-articles';
export type { ImportReport } from './import';
export type { LibraryFilter, LibraryQuery } from './library';
export type { LinkCheckReport, LinkCheckRow, LinkVerdict } from './link-check';
export type { LookupResult } from './lookup';

/**
 * The source library: reads for the content API (citing-articles.ts) and the admin's Sources page
 * (library.ts), imports (import.ts), lookups by identifier (lookup.ts) and the link check
 * (link-check.ts).
 */
export const createSourcesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const citing = createCitingArticles({ strapi });
  const library = createSourceLibrary({ strapi });
  const imports = createSourceImport({ strapi });
  const lookups = createSourceLookup({ strapi });
  const links = createLinkCheck({ strapi });

  return {
    findByKeyWithCitingArticles: citing.findByKeyWithCitingArticles,

    /** A page of the Sources page, with counts and duplicate groups. */
    listLibrary: library.list,
    /** Fills missing identity fingerprints (startup); the number of sources filled. */
    backfillFingerprints: library.backfill,
    /** On PostgreSQL with pg_trgm, trigram indexes for the Sources page's search (startup). */
    ensureSearchIndexes: library.ensureSearchIndexes,

    importFile: imports.importFile,

    /** Fills a source's fields from a DOI, an ISBN or a URL. */
    lookup: lookups.lookup,
    findExisting: lookups.findExisting,

    /** Checks the links of these sources (or all), one run at a time across instances. */
    checkLinks: links.run,
    /** The cron task: the whole library, once per firing across instances. */
    runScheduledLinkCheck: links.runScheduled,
    checkAllLinks: links.checkAll,
    checkLinkPage: links.checkPage,
    checkLink: links.checkLink,
    findArchivedCopy: links.findArchivedCopy,
    findRetraction: links.findRetraction,
  };
};

export type SourcesService = ReturnType<typeof createSourcesService>;
