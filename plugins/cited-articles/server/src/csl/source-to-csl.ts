import { isSafeUrl } from '../citations/is-safe-url';
import { cleanNames } from '../citations/names';
import { fromDateParts, toDateParts } from '../citations/partial-date';
import type { SourceFields } from '../citations/source-fields';
import type { CitableSource, NameRole, SourceName, SourceType } from '../citations/types';

/** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  'citation-key'?: string;
  'container-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  author?: SourceName[];
  editor?: SourceName[];
  translator?: SourceName[];
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  DOI?: string;
  ISBN?: string;
  ISSN?: string;
  volume?: string;
  issue?: string;
  page?: string;
  edition?: string;
  number?: string;
  genre?: string;
  language?: string;
  custom?: { archiveUrl?: string };
  [field: string]: unknown;
}

/** The CSL type of each source type. */
export const CSL_TYPE_OF: Record<SourceType, string> = {
  news: 'article-newspaper',
  web: 'webpage',
  journal: 'article-journal',
  magazine: 'article-magazine',
  book: 'book',
  chapter: 'chapter',
  report: 'report',
  thesis: 'thesis',
  dataset: 'dataset',
  other: 'document',
};

/**
 * The source type of each CSL type a reference manager writes. A CSL type not listed is `other`
 * (exported as `document`).
 */
export const TYPE_OF_CSL: Record<string, SourceType> = {
  ...(Object.fromEntries(Object.entries(CSL_TYPE_OF).map(([type, csl]) => [csl, type])) as Record<string, SourceType>),
  post: 'web',
  'post-weblog': 'web',
  'paper-conference': 'journal',
  article: 'journal',
  manuscript: 'other',
};

/** The name role of each CSL name variable. */
export const CSL_NAME_OF: Record<NameRole, 'author' | 'editor' | 'translator'> = {
  authors: 'author',
  editors: 'editor',
  translators: 'translator',
};

/** Text fields that are one CSL variable each (field → variable). */
export const CSL_TEXT_OF = {
  title: 'title',
  containerTitle: 'container-title',
  publisher: 'publisher',
  publisherPlace: 'publisher-place',
  doi: 'DOI',
  isbn: 'ISBN',
  issn: 'ISSN',
  volume: 'volume',
  issue: 'issue',
  pages: 'page',
  edition: 'edition',
  number: 'number',
  genre: 'genre',
  language: 'language',
} as const satisfies Partial<Record<keyof SourceFields, keyof CslItem>>;

type CslTextField = keyof typeof CSL_TEXT_OF;

const clean = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.split(/\s+/).join(' ').trim() : undefined;
};

const cslDate = (value: string | null | undefined) => {
  const parts = toDateParts(value);
  return parts ? { 'date-parts': [parts] } : undefined;
};

/**
 * A source as a CSL-JSON item, for formatting and export: every field to its CSL variable, names
 * as they are stored. URLs other than absolute http(s) are left out, so that no style and no
 * export format ever carries a `javascript:` link.
 */
export function sourceToCsl(source: CitableSource): CslItem {
  const type = (source.type ?? 'news') as SourceType;
  const item: CslItem = { id: source.key, 'citation-key': source.key, type: CSL_TYPE_OF[type] ?? 'document' };
  for (const [field, variable] of Object.entries(CSL_TEXT_OF) as Array<[CslTextField, string]>) {
    const value = clean(source[field]);
    if (value !== undefined) item[variable] = value;
  }
  for (const [role, variable] of Object.entries(CSL_NAME_OF) as Array<[NameRole, string]>) {
    const names = cleanNames(source[role]);
    if (names.length > 0) item[variable] = names;
  }
  const issued = cslDate(source.publishedDate);
  if (issued) item.issued = issued;
  const accessed = cslDate(source.accessedDate);
  if (accessed) item.accessed = accessed;
  if (isSafeUrl(source.url)) item.URL = (source.url as string).trim();
  if (isSafeUrl(source.archiveUrl)) item.custom = { archiveUrl: (source.archiveUrl as string).trim() };
  return item;
}

/** A CSL date variable as the stored partial date: `date-parts`, else a `raw` ISO text. */
function partialDate(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const date = value as { 'date-parts'?: unknown; raw?: unknown };
  const parts = fromDateParts(date['date-parts']);
  if (parts !== null) return parts;
  return typeof date.raw === 'string' ? fromDateParts(date.raw.trim().split(/[-/]/)) : null;
}

/**
 * A CSL item's variables as source fields: the inverse of sourceToCsl, so that CSL-JSON in and
 * out gives back what came in. Says nothing about URLs' safety or lengths: the caller checks.
 * The key is the item's `citation-key`, else its `id`.
 */
export function cslToSourceFields(item: CslItem): SourceFields & { key: string | null } {
  const genre = clean(item.genre)?.toLowerCase();
  // Zotero and biblatex write a newspaper article as a journal article with genre "newspaper".
  const type: SourceType = item.type === 'article-journal' && genre === 'newspaper' ? 'news' : (TYPE_OF_CSL[item.type] ?? 'other');
  const fields = {
    key: clean(item['citation-key']) ?? clean(item.id) ?? null,
    type,
    url: clean(item.URL) ?? null,
    archiveUrl: clean(item.custom && typeof item.custom === 'object' ? item.custom.archiveUrl : undefined) ?? null,
    publishedDate: partialDate(item.issued),
    accessedDate: partialDate(item.accessed),
    authors: cleanNames(item.author),
    editors: cleanNames(item.editor),
    translators: cleanNames(item.translator),
  } as SourceFields & { key: string | null };
  for (const [field, variable] of Object.entries(CSL_TEXT_OF) as Array<[CslTextField, string]>) {
    (fields as unknown as Record<string, string | null>)[field] = clean(item[variable]) ?? null;
  }
  if (type === 'news' && fields.genre?.toLowerCase() === 'newspaper') fields.genre = null;
  return fields;
}
