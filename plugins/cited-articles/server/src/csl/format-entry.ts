import { citationJs } from './citation-js';
import type { CslItem } from './source-to-csl';

/** A leading citation number as numeric styles print it: "1. ", "[1] ", "1 ". */
const LEADING_NUMBER = /^\s*\[?\d+\]?\.?\s+/;

/**
 * One bibliography entry as plain text in a CSL style and locale. plugin-csl builds one citeproc
 * engine per (style, locale) and reuses it, resetting its items on each call. Entries are formatted
 * one at a time so that an entry depends on its source only and can be cached per source: the
 * number a numeric style prints is removed, since a reference's number is its first use in the
 * article (the API's `number`), not its place in a one-entry bibliography.
 */
export function formatCslEntry(item: CslItem, template: string, locale: string, numeric: boolean): string {
  const entries: Array<[string, string]> = citationJs().output.format('bibliography', [item], {
    template,
    lang: locale,
    format: 'text',
    asEntryArray: true,
  });
  const text = (entries[0]?.[1] ?? '').replace(/\s+/g, ' ').trim();
  return numeric ? text.replace(LEADING_NUMBER, '') : text;
}
