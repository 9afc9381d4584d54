import { formatNews } from '../../citations';
import { CSL_STYLES, createListCache, formatWithCsl } from '../../csl/csl-style';
import { cslLocales } from '../../csl/citation-js';
import type { CitableSource } from '../../citations';

/** A reference style: the plugin's own, or one an app registers (`registerStyle`). */
export interface ReferenceStyle {
  id: string;
  label: string;
  /** `csl` styles are formatted by citeproc-js; `builtin` ones by the citation engine. */
  kind: 'builtin' | 'csl';
  /** Locales whose dates and terms the style can use; others fall back to en-US. */
  locales(): string[];
  /**
   * Formats an article's references, in number order, as plain text: the whole list at once, so
   * that an entry may depend on the others (a CSL style's year suffixes and disambiguation).
   */
  format(sources: CitableSource[], options: { locale: string }): string[];
}

/** The locale references are formatted in, and the note for `meta` when the one asked for is missing. */
export interface LocaleChoice {
  locale: string;
  fallback: { requested: string; message: string } | null;
}

export const DEFAULT_LOCALE = 'en-US';

const news: ReferenceStyle = {
  id: 'news',
  label: 'News (“Title” Outlet, D Mon. YYYY, URL)',
  kind: 'builtin',
  locales: () => [DEFAULT_LOCALE],
  format: (sources) => sources.map(formatNews),
};

/** The reference styles the content API offers (`?style=`), `news` being the default. */
export const createReferenceStyles = () => {
  // Keyed by lower-case id: `?style=APA` and `?style=apa` are one style (and one memo entry).
  const styles = new Map<string, ReferenceStyle>([[news.id.toLowerCase(), news]]);
  // Whole formatted lists, per style, locale and version of the list (csl/csl-style.ts).
  const cache = createListCache();
  // The styles made here, which workers/jobs.ts can rebuild from their id in a worker thread.
  const bundled = new Set<ReferenceStyle>([news]);
  for (const definition of CSL_STYLES) {
    const style: ReferenceStyle = {
      id: definition.id,
      label: definition.label,
      kind: 'csl',
      locales: cslLocales,
      format: (sources, { locale }) => formatWithCsl(definition, sources, locale, cache).entries,
    };
    styles.set(definition.id.toLowerCase(), style);
    bundled.add(style);
  }
  /**
   * The locale to format with: the requested one when the style has it (matched without regard
   * to case or `_`/`-`), else en-US with a note for `meta`.
   */
  const resolveLocale = (style: ReferenceStyle, requested: string | undefined): LocaleChoice => {
    if (requested === undefined) return { locale: DEFAULT_LOCALE, fallback: null };
    const wanted = requested.replace('_', '-').toLowerCase();
    const available = style.locales();
    const match = available.find((locale) => locale.toLowerCase() === wanted);
    if (match) return { locale: match, fallback: null };
    return {
      locale: DEFAULT_LOCALE,
      fallback: {
        requested,
        message: `Locale "${requested}" is not available for style "${style.id}"; ${DEFAULT_LOCALE} is used. Available: ${available.join(', ')}.`,
      },
    };
  };

  /**
   * The locale to format with when the request names none: the one of the article's language
   * (`fr` → fr-FR, `de-AT` → de-AT or else de-DE), else en-US without a note (the reader asked for
   * nothing, and a style such as `news` has no other).
   */
  const localeForContent = (style: ReferenceStyle, contentLocale: string | null | undefined): string => {
    if (!contentLocale) return DEFAULT_LOCALE;
    const available = style.locales();
    const wanted = contentLocale.replace('_', '-').toLowerCase();
    const exact = available.find((locale) => locale.toLowerCase() === wanted);
    if (exact) return exact;
    const language = wanted.split('-')[0];
    if (DEFAULT_LOCALE.toLowerCase().startsWith(`${language}-`)) return DEFAULT_LOCALE;
    const sameLanguage = available.filter((locale) => locale.toLowerCase().startsWith(`${language}-`));
    return sameLanguage.find((locale) => locale.toLowerCase() === `${language}-${language}`) ?? sameLanguage[0] ?? DEFAULT_LOCALE;
  };

  return {
    defaultStyle: news.id,
    register(style: ReferenceStyle) {
      styles.set(style.id.toLowerCase(), style);
    },
    /** The style with this id, matched without regard to case. */
    get(id: string): ReferenceStyle | null {
      return styles.get(id.toLowerCase()) ?? null;
    },
    /** True for the styles above; false for one registered at runtime, even under a bundled id. */
    isBundled(style: ReferenceStyle) {
      return bundled.has(style);
    },
    /** The styles as GET /styles lists them. */
    list() {
      return [...styles.values()].map(({ id, label, kind, locales }) => ({ id, label, kind, locales: locales() }));
    },
    resolveLocale,
    localeForContent,

    /** `referenceLocale` when the request gives one (with its fallback note), else the content's. */
    referenceLocale(style: ReferenceStyle, requested: string | undefined, contentLocale: string | null | undefined): LocaleChoice {
      return requested === undefined ? { locale: localeForContent(style, contentLocale), fallback: null } : resolveLocale(style, requested);
    },

    /** Drops every formatted list (a list is re-formatted on next use anyway when a source changes). */
    clearCache() {
      cache.clear();
    },
  };
};
