import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { CitableSource } from '../citations/types';
import { formatCslEntry } from './format-entry';
import { sourceToCsl } from './source-to-csl';

export interface CslStyleDefinition {
  /** The `?style=` value. */
  id: string;
  label: string;
  /** The template name registered in plugin-csl. */
  template: string;
  /** Numeric styles print the reference number; ours comes from first use in the article. */
  numeric: boolean;
}

export const CSL_STYLES: CslStyleDefinition[] = [
  { id: 'apa', label: 'APA 7th edition', template: 'apa', numeric: false },
  { id: 'vancouver', label: 'Vancouver (numeric)', template: 'vancouver', numeric: true },
  { id: 'harvard', label: 'Harvard (Cite Them Right)', template: 'harvard1', numeric: false },
  { id: 'chicago', label: 'Chicago Manual of Style 17th edition (author-date)', template: 'chicago-author-date', numeric: false },
  { id: 'mla', label: 'Modern Language Association 9th edition', template: 'modern-language-association', numeric: false },
];

/**
 * Formatted entries, keyed by style, locale and a hash of the source's CSL data: an edited source
 * hashes differently, so its entry is formatted anew and the stale one ages out of the LRU.
 */
export const createEntryCache = (max = 10000) => new LRUCache<string, string>({ max });

export type EntryCache = ReturnType<typeof createEntryCache>;

const hashOf = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('base64');

/** Formats sources in a CSL style, from the cache where it can. */
export function formatWithCsl(definition: CslStyleDefinition, sources: CitableSource[], locale: string, cache: EntryCache): string[] {
  return sources.map((source) => {
    const item = sourceToCsl(source);
    const key = `${definition.id}\u0000${locale}\u0000${hashOf(item)}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const text = formatCslEntry(item, definition.template, locale, definition.numeric);
    cache.set(key, text);
    return text;
  });
}
