import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { CitableSource } from '../citations/types';
import { formatCslList, type FormattedList } from './format-list';
import { citeLocator } from './locator';
import { sourceToCsl, type CslItem } from './source-to-csl';

export interface CslStyleDefinition {
  /** The `?style=` value. */
  id: string;
  label: string;
  /** The template name registered in plugin-csl. */
  template: string;
  /**
   * Numeric styles print the reference number; ours comes from first use in the article, and the
   * text keeps its numbered markers. The others are author-date (or author-page) styles, whose
   * in-text citations citeproc formats too.
   */
  numeric: boolean;
}

export const CSL_STYLES: CslStyleDefinition[] = [
  { id: 'apa', label: 'APA 7th edition', template: 'apa', numeric: false },
  { id: 'vancouver', label: 'Vancouver (numeric)', template: 'vancouver', numeric: true },
  { id: 'harvard', label: 'Harvard (Cite Them Right)', template: 'harvard1', numeric: false },
  { id: 'chicago', label: 'Chicago Manual of Style 17th edition (author-date)', template: 'chicago-author-date', numeric: false },
  { id: 'mla', label: 'Modern Language Association 9th edition', template: 'modern-language-association', numeric: false },
];

/** One source cited by a marker: its index in the list and the marker's locator for it. */
export interface ClusterItem {
  index: number;
  locator: string | null;
}

/**
 * Formatted lists, keyed by style, locale and a hash of the whole list as CSL-JSON with its
 * clusters: an entry depends on the other entries (year suffixes, disambiguation), so it is the
 * list that is cached, once per version of an article's references. An edited source or a new
 * citation hashes differently; the stale list ages out of the LRU.
 */
export const createListCache = (max = 2000, maxBytes = 32 * 1024 * 1024) =>
  new LRUCache<string, FormattedList>({ max, maxSize: maxBytes, sizeCalculation: (list) => Math.max(1, JSON.stringify(list).length * 2) });

export type ListCache = ReturnType<typeof createListCache>;

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64');

/**
 * The sources as CSL items with ids unique in the list: the source key, or the reference's place
 * when two sources of one article share a key (citeproc would take them for one item).
 */
export function listItems(sources: CitableSource[]): CslItem[] {
  const seen = new Set<string>();
  return sources.map((source, index) => {
    const item = sourceToCsl(source);
    if (seen.has(item.id) || item.id === '') item.id = `item-${index + 1}`;
    seen.add(item.id);
    return item;
  });
}

/**
 * Formats an article's sources (in reference order) as one list in a CSL style, and for an
 * author-date style its in-text clusters, from the cache when this list was formatted before.
 */
export function formatWithCsl(
  definition: CslStyleDefinition,
  sources: CitableSource[],
  locale: string,
  cache: ListCache,
  clusters: ClusterItem[][] = []
): FormattedList {
  const items = listItems(sources);
  const citeItems = definition.numeric
    ? []
    : clusters.map((cluster) =>
        cluster
          .filter(({ index }) => items[index] !== undefined)
          .map(({ index, locator }) => ({ id: (items[index] as CslItem).id, ...citeLocator(locator) }))
      );
  const key = `${definition.id}\u0000${locale}\u0000${hashOf([items, citeItems])}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const list = formatCslList(definition.template, locale, definition.numeric, items, citeItems);
  cache.set(key, list);
  return list;
}
