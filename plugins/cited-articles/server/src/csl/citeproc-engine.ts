import { createRequire } from 'node:module';
import { citationJs } from './citation-js';
import type { CslItem } from './source-to-csl';

/** One cited item of a citation cluster, as citeproc-js takes it. */
export interface CiteprocCiteItem {
  id: string;
  locator?: string;
  label?: string;
  suffix?: string;
}

interface CiteprocSys {
  retrieveItem(id: string): CslItem;
  retrieveLocale(locale: string): unknown;
}

/** The part of citeproc-js's engine this folder calls (citeproc ships no types). */
export interface CiteprocEngine {
  sys: CiteprocSys;
  opt: { development_extensions: { wrap_url_and_doi: boolean } };
  citation: { opt: { layout_prefix?: string; layout_suffix?: string } };
  setOutputFormat(format: 'text'): void;
  updateItems(ids: string[]): string[];
  makeBibliography(): false | [{ entry_ids: string[][] }, string[]];
  makeCitationCluster(items: CiteprocCiteItem[]): string;
}

type CiteprocModule = { Engine: new (sys: CiteprocSys, style: unknown, lang: string, forceLang: boolean) => CiteprocEngine };

// The citeproc instance @citation-js/plugin-csl uses (the one citeproc-macro-index.ts speeds up).
let citeproc: CiteprocModule | null = null;
const citeprocModule = () => (citeproc ??= createRequire(require.resolve('@citation-js/plugin-csl'))('citeproc') as CiteprocModule);

/** The style as plugin-csl's registry holds it (XML, or the parsed form for the extra styles). */
export function cslStyleSource(template: string): unknown {
  const styles = citationJs().config.get('@csl').styles as unknown as { has(id: string): boolean; get(id: string): unknown };
  if (!styles.has(template)) throw new Error(`unknown CSL style template "${template}"`);
  return styles.get(template);
}

/** A locale's XML from plugin-csl's registry, as plugin-csl's own engines read it (`en-US` or `en_US`). */
export function cslLocaleSource(locale: string): unknown {
  const locales = citationJs().config.get('@csl').locales as unknown as { has(id: string): boolean; get(id: string): unknown };
  if (locales.has(locale)) return locales.get(locale);
  const underscored = locale.replace('-', '_');
  return locales.has(underscored) ? locales.get(underscored) : {};
}

// One engine per style and locale, reused: building one costs a second or two of CPU (the warm-up
// builds them when a worker thread starts). Each use replaces its items (see withItems).
const engines = new Map<string, CiteprocEngine>();
let current: Map<string, CslItem> = new Map();

const engineFor = (template: string, locale: string): CiteprocEngine => {
  const id = `${template}|${locale}`;
  let engine = engines.get(id);
  if (!engine) {
    const { Engine } = citeprocModule();
    engine = new Engine(
      {
        retrieveItem: (itemId) => {
          const item = current.get(itemId);
          if (!item) throw new Error(`citeproc asked for an item that is not in the list: ${itemId}`);
          return item;
        },
        retrieveLocale: cslLocaleSource,
      },
      cslStyleSource(template),
      locale,
      true
    );
    engine.setOutputFormat('text');
    engine.opt.development_extensions.wrap_url_and_doi = false;
    engines.set(id, engine);
  }
  return engine;
};

/**
 * Runs `work` with the engine of this style and locale holding exactly these items, registered in
 * this order (a numeric style numbers them so). Items of an earlier call are dropped first:
 * citeproc keeps an item's data while it stays registered, and an edited source keeps its id.
 * Synchronous, so that no other call can interleave on the shared engine.
 */
export function withItems<T>(template: string, locale: string, items: CslItem[], work: (engine: CiteprocEngine) => T): T {
  const engine = engineFor(template, locale);
  engine.updateItems([]);
  current = new Map(items.map((item) => [item.id, item]));
  try {
    engine.updateItems(items.map((item) => item.id));
    return work(engine);
  } finally {
    engine.updateItems([]);
    current = new Map();
  }
}
