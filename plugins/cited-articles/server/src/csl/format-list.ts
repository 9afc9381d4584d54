import type { CiteprocCiteItem, CiteprocEngine } from './citeproc-engine';
import { withItems } from './citeproc-engine';
import type { CslItem } from './source-to-csl';

/** A leading citation number as numeric styles print it: "1. ", "[1] ", "1 ". */
const LEADING_NUMBER = /^\s*\[?\d+\]?\.?\s+/;

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A cluster's text cut into the parts of its items (`item`: index in the cluster) and the text between. */
export type ClusterPieces = Array<{ text: string; item: number | null }>;

export interface FormattedList {
  /** Each item's bibliography entry, in the order of the items given. */
  entries: string[];
  /** Each cluster's in-text citation, in the order of the clusters given. */
  clusters: Array<{ text: string; pieces: ClusterPieces | null }>;
}

/**
 * Finds each item's own citation (the item cited alone, without the layout's brackets) in the
 * cluster's text. A style that collapses (`Smith, 2020a, 2020b`) prints only the end of a later
 * item's citation, so a part not found whole is looked for again without its leading
 * comma-separated segments. Null unless every item has a part of its own.
 */
export function splitCluster(text: string, singles: string[]): ClusterPieces | null {
  const found: Array<{ from: number; to: number; item: number }> = [];
  const overlaps = (from: number, to: number) => found.some((part) => from < part.to && to > part.from);
  const place = (needle: string, item: number) => {
    if (needle === '') return false;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      if (!overlaps(at, at + needle.length)) {
        found.push({ from: at, to: at + needle.length, item });
        return true;
      }
    }
    return false;
  };
  const unplaced = singles.map((_, item) => item).filter((item) => !place(singles[item] as string, item));
  for (const item of unplaced) {
    const segments = (singles[item] as string).split(', ');
    let placed = false;
    for (let drop = 1; drop < segments.length && !placed; drop += 1) placed = place(segments.slice(drop).join(', '), item);
    if (!placed) return null;
  }
  found.sort((a, b) => a.from - b.from);
  const pieces: ClusterPieces = [];
  let cursor = 0;
  for (const part of found) {
    if (part.from > cursor) pieces.push({ text: text.slice(cursor, part.from), item: null });
    pieces.push({ text: text.slice(part.from, part.to), item: part.item });
    cursor = part.to;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor), item: null });
  return pieces;
}

const withoutAffixes = (text: string, prefix: string, suffix: string) => {
  let out = text;
  if (prefix && out.startsWith(prefix)) out = out.slice(prefix.length);
  if (suffix && out.endsWith(suffix)) out = out.slice(0, out.length - suffix.length);
  return out.trim();
};

/**
 * Formats clusters against the registered list. A cluster's text depends on its items and the
 * list only (these styles print no ibid. and no "subsequent" form), so a marker repeated in the
 * body is formatted once, and each item's own citation once.
 */
function clusterFormatter(engine: CiteprocEngine) {
  const prefix = clean(engine.citation.opt.layout_prefix ?? '');
  const suffix = clean(engine.citation.opt.layout_suffix ?? '');
  const singles = new Map<string, string>();
  const done = new Map<string, { text: string; pieces: ClusterPieces | null }>();
  const single = (item: CiteprocCiteItem) => {
    const key = JSON.stringify(item);
    let text = singles.get(key);
    if (text === undefined) {
      text = withoutAffixes(clean(engine.makeCitationCluster([item])), prefix, suffix);
      singles.set(key, text);
    }
    return text;
  };
  return (items: CiteprocCiteItem[]) => {
    const key = JSON.stringify(items);
    let formatted = done.get(key);
    if (!formatted) {
      const text = items.length === 0 ? '' : clean(engine.makeCitationCluster(items));
      // One item: the cluster is its own citation, inside the layout's brackets.
      const own = items.length === 1 ? withoutAffixes(text, prefix, suffix) : null;
      const parts = own !== null ? [own] : items.map(single);
      formatted = { text, pieces: text === '' ? null : splitCluster(text, parts) };
      done.set(key, formatted);
    }
    return formatted;
  };
}

/**
 * A whole reference list formatted together by citeproc-js, as it formats a bibliography: the
 * items are registered at once (in the order given, the order a numeric style numbers them), so
 * that the style's year suffixes (2023a, 2023b), name disambiguation and sorting apply across the
 * list; each entry is then given back in the items' order. The clusters (the in-text citations of
 * an author-date style) are formatted against the same list. A numeric style's number is taken
 * off its entries: a reference's number is its first use in the article (the API's `number`).
 */
export function formatCslList(template: string, locale: string, numeric: boolean, items: CslItem[], clusters: CiteprocCiteItem[][]): FormattedList {
  if (items.length === 0) return { entries: [], clusters: clusters.map(() => ({ text: '', pieces: null })) };
  return withItems(template, locale, items, (engine) => {
    const bibliography = engine.makeBibliography();
    const byId = new Map<string, string>();
    if (bibliography) {
      const [{ entry_ids: ids }, texts] = bibliography;
      ids.forEach((entryIds, index) => byId.set(String(entryIds[0]), clean(texts[index] ?? '')));
    }
    const entries = items.map((item) => {
      const text = byId.get(item.id) ?? '';
      return numeric ? text.replace(LEADING_NUMBER, '') : text;
    });
    const format = clusterFormatter(engine);
    return { entries, clusters: clusters.map(format) };
  });
}
