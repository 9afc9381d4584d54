import type { Core } from '@strapi/strapi';
import { joinParts } from '../../utils/join-parts';
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
export const createSourcesService = ({ strapi }: { strapi: Core.Strapi }) =>
  joinParts(
    createCitingArticles({ strapi }),
    createSourceLibrary({ strapi }),
    createSourceImport({ strapi }),
    createSourceLookup({ strapi }),
    createLinkCheck({ strapi })
  );

export type SourcesService = ReturnType<typeof createSourcesService>;
