import { isSafeUrl } from '../citations/is-safe-url';
import { SOURCE_MAX_LENGTH, type LimitedSourceField, type SourceFields } from '../citations/source-fields';
import type { SourceType } from '../citations/types';
import { citationJs } from '../csl/citation-js';
import type { CslItem } from '../csl/source-to-csl';
import { detectFormat, jsonElementLines, jsonErrorLine, splitBibtex, splitRis, type ImportFormat, type RawEntry } from './split-entries';
import { UnreadableFileError } from './unreadable-file';

/** The fields of a source to create, as read from one record of an import file. */
export interface ImportedSource extends SourceFields {
  /** The record's own key when it is a valid source key; otherwise the server derives one. */
  key: string | null;
}

export type ReadEntry = { line: number; source: ImportedSource } | { line: number; error: string };

export interface ReadResult {
  format: ImportFormat;
  entries: ReadEntry[];
}

export { UnreadableFileError };

const UID = /^[\w\-.~]{1,120}$/;

const TYPE_OF_CSL: Record<string, SourceType> = {
  'article-newspaper': 'news',
  'article-magazine': 'news',
  webpage: 'web',
  post: 'web',
  'post-weblog': 'web',
  'article-journal': 'journal',
  'paper-conference': 'journal',
  article: 'journal',
  book: 'book',
  chapter: 'book',
  report: 'report',
};

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : null);

const pad = (value: number) => String(value).padStart(2, '0');

/** A full CSL date as YYYY-MM-DD; a year or month alone is not a date the source can hold. */
const fullDate = (value: unknown): string | null => {
  const parts = (value as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0];
  if (!Array.isArray(parts) || parts.length < 3) return null;
  const [year, month, day] = parts.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!Number.isInteger(year) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
};

/** A CSL name as a file gives it: any part may be missing or of another type. */
interface CslNameParts {
  literal?: unknown;
  given?: unknown;
  'non-dropping-particle'?: unknown;
  family?: unknown;
}

const authorName = (name: unknown): string | null => {
  if (typeof name === 'string') return text(name);
  if (!name || typeof name !== 'object') return null;
  const parts: CslNameParts = name;
  return text(parts.literal) ?? text([parts.given, parts['non-dropping-particle'], parts.family].filter(Boolean).join(' '));
};

/** "Doe, Jane" (RIS) → "Jane Doe". */
const risName = (value: string) => {
  const [family, ...given] = value.split(',');
  return given.length > 0 ? `${given.join(',').trim()} ${family.trim()}` : family.trim();
};

/** `DA  - 2023/02/22/`, which citation-js does not read for every RIS type (e.g. NEWS). */
const risDate = (raw: string) => {
  const match = /^DA {2}- (\d{4})\/(\d{1,2})\/(\d{1,2})/m.exec(raw);
  return match ? fullDate({ 'date-parts': [[Number(match[1]), Number(match[2]), Number(match[3])]] }) : null;
};

const ARCHIVED_AT = /Archived at (https?:\/\/\S+?)\.?(?:\s|$)/;

const LIMITS = Object.entries(SOURCE_MAX_LENGTH) as Array<[LimitedSourceField, number]>;

/**
 * One CSL item (as citation-js read it from any format) as source fields, or the reason it
 * cannot be one. `raw` is the record's own text, for what citation-js does not map.
 */
export function cslToSource(item: CslItem, raw: string | null): ImportedSource | string {
  const title = text(item.title);
  if (!title) return 'the entry has no title';
  const genre = text(item.genre)?.toLowerCase();
  const type: SourceType = item.type === 'article-journal' && genre === 'newspaper' ? 'news' : (TYPE_OF_CSL[item.type] ?? 'other');
  let authors = (Array.isArray(item.author) ? item.author : []).map(authorName).filter((name): name is string => !!name);
  if (authors.length === 0 && raw !== null) {
    authors = [...raw.matchAll(/^(?:AU|A1) {2}- (.+)$/gm)].map((match) => risName(match[1])).filter(Boolean);
  }
  const url = text(item.URL);
  if (url !== null && !isSafeUrl(url)) return `url "${url.slice(0, 80)}" is not an http(s) URL`;
  const risArchive = raw !== null ? /^L2 {2}- (.+)$/m.exec(raw)?.[1]?.trim() : undefined;
  const archiveUrl =
    text(item.custom && typeof item.custom === 'object' ? item.custom.archiveUrl : null) ??
    text(risArchive) ??
    ARCHIVED_AT.exec(String(item.note ?? ''))?.[1] ??
    null;
  if (archiveUrl !== null && !isSafeUrl(archiveUrl)) return `archive URL "${archiveUrl.slice(0, 80)}" is not an http(s) URL`;
  const label = text(item['citation-key']) ?? text(item.id);
  const source: ImportedSource = {
    key: label !== null && UID.test(label) ? label : null,
    title,
    publisher: text(item['container-title']) ?? text(item.publisher),
    authors,
    url,
    publishedDate: fullDate(item.issued) ?? (raw !== null ? risDate(raw) : null),
    accessedDate: fullDate(item.accessed),
    archiveUrl,
    doi: text(item.DOI),
    type,
    language: text(item.language),
  };
  for (const [field, max] of LIMITS) {
    const value = source[field];
    if (typeof value === 'string' && value.length > max) return `${field} is longer than ${max} characters`;
  }
  return source;
}

/** The parser's own position ("at line 2 col 5") in file lines. */
const parserMessage = (error: unknown, entry: RawEntry) => {
  const first = String((error as Error)?.message ?? error)
    .split('\n')[0]
    .replace(/:$/, '');
  return first.replace(/at line (\d+) col (\d+)/, (_, line, column) => {
    const absolute = entry.line + Number(line) - 1 - (entry.prefixLines ?? 0);
    return `at line ${absolute}, column ${column}`;
  });
};

const FORCE_TYPE: Record<'bibtex' | 'ris', string> = { bibtex: '@biblatex/text', ris: '@ris/file' };

const readRecords = (entries: RawEntry[], format: 'bibtex' | 'ris'): ReadEntry[] =>
  entries.map((entry) => {
    let items: CslItem[];
    try {
      items = citationJs().input.chain(entry.text, { generateGraph: false, forceType: FORCE_TYPE[format] });
    } catch (error) {
      return { line: entry.line, error: `cannot read this ${format === 'bibtex' ? 'BibTeX' : 'RIS'} entry: ${parserMessage(error, entry)}` };
    }
    if (items.length !== 1) return { line: entry.line, error: 'cannot read this entry' };
    const source = cslToSource(items[0], format === 'ris' ? entry.text : null);
    return typeof source === 'string' ? { line: entry.line, error: source } : { line: entry.line, source };
  });

const readCslJson = (content: string): ReadEntry[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UnreadableFileError(`the file is not valid JSON: ${(error as Error).message}`, jsonErrorLine(content, error as Error));
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const lines = jsonElementLines(content);
  return list.map((element, index) => {
    const line = lines[index] ?? 1;
    if (!element || typeof element !== 'object' || Array.isArray(element)) {
      return { line, error: 'a CSL-JSON entry must be an object' };
    }
    const item = element as CslItem;
    if (typeof item.type !== 'string') return { line, error: 'the entry has no "type"' };
    const source = cslToSource(item, null);
    return typeof source === 'string' ? { line, error: source } : { line, source };
  });
};

/** Every record of a BibTeX, RIS or CSL-JSON file, read or with the reason it cannot be. */
export function readImportFile(content: string, requested?: ImportFormat): ReadResult {
  const format = requested ?? detectFormat(content);
  if (!format) throw new UnreadableFileError('the file is not BibTeX, RIS or CSL-JSON (give "format" if it is)', 1);
  const entries = format === 'csl-json' ? readCslJson(content) : readRecords(format === 'bibtex' ? splitBibtex(content) : splitRis(content), format);
  if (entries.length === 0) throw new UnreadableFileError(`the file holds no ${format} entries`, 1);
  return { format, entries };
}
