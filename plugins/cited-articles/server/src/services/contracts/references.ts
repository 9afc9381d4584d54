// Reference styles, the files reference managers import, and the styles' warm-up.
import type { CitableSource } from '../../citations';
import type { ExportFormat } from '../../interchange/export-formats';

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

/** A style as GET /styles lists it. */
export interface ListedStyle {
  id: string;
  label: string;
  kind: ReferenceStyle['kind'];
  locales: string[];
}

/** The locale references are formatted in, and the note for `meta` when the one asked for is missing. */
export interface LocaleChoice {
  locale: string;
  fallback: { requested: string; message: string } | null;
}

export interface ReferenceStylesService {
  defaultStyle: string;
  register(style: ReferenceStyle): void;
  /** The style with this id (any case), or null. */
  get(id: string): ReferenceStyle | null;
  /** A style the plugin ships, which its worker threads can format (workers/jobs.ts); not one registered at runtime. */
  isBundled(style: ReferenceStyle): boolean;
  list(): ListedStyle[];
  resolveLocale(style: ReferenceStyle, requested: string | undefined): LocaleChoice;
  localeForContent(style: ReferenceStyle, contentLocale: string | null | undefined): string;
  referenceLocale(style: ReferenceStyle, requested: string | undefined, contentLocale: string | null | undefined): LocaleChoice;
  clearCache(): void;
}

export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
  /** Surrogate keys: what the file is made from (README "Caching and CDNs"). */
  keys: string[];
}

export interface ReferenceExportService {
  articleReferences(slug: string, format: ExportFormat, locale?: string): Promise<ExportFile>;
  source(key: string, format: ExportFormat): Promise<ExportFile>;
  citeArticle(slug: string, format: ExportFormat, locale?: string): Promise<ExportFile>;
}

export interface StyleWarmUpService {
  schedule(): void;
  /** The ids of the styles warmed, once done. */
  finished(): Promise<string[]> | null;
  stop(): void;
}
