import { z } from '@strapi/utils';
import { INTERCHANGE_FORMAT_ERROR, INTERCHANGE_FORMATS } from '../interchange/formats';
import { paginationQuery } from './content-api';

// Bodies larger than this are refused rather than parsed: 1 MB of Markdown is far beyond any article.
export const MAX_BODY_LENGTH = 1_000_000;

/** POST /cited-articles/preview: an unsaved article as the editor has it in the form. */
export const previewBody = z.object({
  body: z.string({ error: 'body must be the article text (a string)' }).max(MAX_BODY_LENGTH, `body is at most ${MAX_BODY_LENGTH} characters`),
  citations: z
    .array(z.string({ error: 'citations must list source documentIds' }).min(1).max(100), {
      error: 'citations must be a list of source documentIds',
    })
    .max(1000, 'citations lists at most 1000 sources')
    .default([]),
  numberingStart: z.union([z.literal(0), z.literal(1)], { error: 'numberingStart must be 0 or 1' }).default(1),
  style: z.string().max(100).optional(),
  locale: z.string().max(35).optional(),
  referenceLocale: z.string().max(35).optional(),
});

/** Longest import file, in characters (Strapi's JSON body limit is 1 MB by default as well). */
export const MAX_IMPORT_LENGTH = 1_000_000;

/** POST /cited-articles/sources/import: a BibTeX, RIS or CSL-JSON file's text. */
export const importBody = z.object({
  content: z
    .string({ error: 'content must be the text of a BibTeX, RIS or CSL-JSON file' })
    .min(1, 'content is empty')
    .max(MAX_IMPORT_LENGTH, `content is at most ${MAX_IMPORT_LENGTH} characters`),
  format: z.enum(INTERCHANGE_FORMATS, { error: INTERCHANGE_FORMAT_ERROR }).optional(),
});

/** POST /cited-articles/sources/lookup: what the editor pasted. */
export const lookupBody = z.object({
  identifier: z
    .string({ error: 'identifier must be a DOI, an ISBN or a URL (a string)' })
    .trim()
    .min(1, 'identifier is empty: paste a DOI, an ISBN or a URL')
    .max(2048, 'identifier is at most 2048 characters'),
});

/** POST /cited-articles/sources/check-links: some sources, or (no body) the whole library. */
export const checkLinksBody = z
  .object({
    documentIds: z
      .array(z.string({ error: 'documentIds must list source documentIds' }).min(1).max(100), {
        error: 'documentIds must be a list of source documentIds',
      })
      .min(1, 'documentIds is empty: leave it out to check every source')
      .max(1000, 'documentIds lists at most 1000 sources')
      .optional(),
  })
  .strict()
  .default({});

/** GET /cited-articles/sources: the Sources page's search, filter and page. */
export const sourceLibraryQuery = paginationQuery.extend({
  search: z.string({ error: 'search must be given once, as text' }).trim().max(200, 'search is at most 200 characters').optional(),
  filter: z.enum(['all', 'uncited', 'duplicates', 'broken'], { error: 'filter must be "all", "uncited", "duplicates" or "broken"' }).default('all'),
});
