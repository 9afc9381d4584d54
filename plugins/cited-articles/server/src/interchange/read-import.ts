import { isSafeUrl } from '../citations/is-safe-url';
import { SOURCE_MAX_LENGTH, type LimitedSourceField, type SourceFields } from '../citations/source-fields';
import { NAME_ROLES } from '../citations/types';
import { citationJs } from '../csl/citation-js';
import { cslToSourceFields, type CslItem } from '../csl/source-to-csl';
import { withBracedOrganisations } from './bibtex-names';
import { withRisFields } from './ris-fields';
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

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : null);

const ARCHIVED_AT = /Archived at (https?:\/\/\S+?)\.?(?:\s|$)/;

const LIMITS = Object.entries(SOURCE_MAX_LENGTH) as Array<[LimitedSourceField, number]>;

/** One record's own text and format, for what citation-js does not map. */
export interface RawRecord {
  format: 'bibtex' | 'ris';
  text: string;
}

/** What citation-js leaves out or changes, read again from the record's text. */
function withRecordFields(item: CslItem, raw: RawRecord | null) {
  const fields = cslToSourceFields(item);
  if (raw?.format === 'ris') return { ...withRisFields(fields, raw.text), key: fields.key };
  if (raw?.format === 'bibtex') {
    // A magazine article is `@article` with `entrysubtype = {magazine}` (see export-formats.ts).
    if (fields.type === 'journal' && String(item.genre ?? '').toLowerCase() === 'magazine') {
      fields.type = 'magazine';
      fields.genre = null;
    }
    // A book's or chapter's `number` is BibLaTeX's series number, which citation-js reads as such.
    fields.number ??= typeof item['collection-number'] === 'string' ? item['collection-number'].trim() || null : null;
    for (const role of NAME_ROLES) fields[role] = withBracedOrganisations(role, fields[role], raw.text);
  }
  return fields;
}

/**
 * One CSL item (as citation-js read it from any format) as source fields, or the reason it
 * cannot be one. `raw` is the record's own text, for what citation-js does not map.
 */
export function cslToSource(item: CslItem, raw: RawRecord | null): ImportedSource | string {
  const fields = withRecordFields(item, raw);
  if (!fields.title) return 'the entry has no title';
  if (fields.url !== null && !isSafeUrl(fields.url)) return `url "${fields.url.slice(0, 80)}" is not an http(s) URL`;
  const risArchive = raw?.format === 'ris' ? /^L2 {2}- (.+)$/m.exec(raw.text)?.[1]?.trim() : undefined;
  fields.archiveUrl = fields.archiveUrl ?? text(risArchive) ?? ARCHIVED_AT.exec(String(item.note ?? ''))?.[1] ?? null;
  if (fields.archiveUrl !== null && !isSafeUrl(fields.archiveUrl)) return `archive URL "${fields.archiveUrl.slice(0, 80)}" is not an http(s) URL`;
  const source: ImportedSource = { ...fields, key: fields.key !== null && UID.test(fields.key) ? fields.key : null };
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
    const source = cslToSource(items[0], { format, text: entry.text });
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
