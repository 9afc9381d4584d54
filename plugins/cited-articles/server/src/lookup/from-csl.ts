import { citationJs } from '../csl/citation-js';
import type { CslItem } from '../csl/source-to-csl';
import { cslToSource } from '../interchange/read-import';
import { cleanDoi } from './identifier';
import type { LookedUpSource } from './looked-up-source';

/**
 * Crossref's content negotiation answers its own work types ("journal-article") where CSL has
 * others ("article-journal"); citation-js's DOI plugin maps them the same way.
 */
const CROSSREF_TO_CSL: Record<string, string> = {
  'journal-article': 'article-journal',
  'proceedings-article': 'paper-conference',
  'book-chapter': 'chapter',
  'book-section': 'chapter',
  'book-part': 'chapter',
  'edited-book': 'book',
  'reference-book': 'book',
  monograph: 'book',
  'book-set': 'book',
  'book-series': 'book',
  'report-series': 'report',
  'posted-content': 'article',
  dissertation: 'thesis',
};

/** CSL variables Crossref may answer as a list (ISSN: print and electronic); a source keeps the first. */
const LISTED = ['title', 'container-title', 'publisher', 'publisher-place', 'ISSN', 'ISBN', 'URL', 'DOI', 'language'];
const NAME_VARIABLES = ['author', 'editor', 'translator'];

/**
 * Crossref's CSL as CSL-JSON proper: listed text variables as their first entry, and an
 * organisation given as `name` (as Crossref's own JSON writes it) as CSL's `literal`, so that it
 * is never split into given and family. citation-js checks neither.
 */
function asCslItem(item: CslItem): CslItem {
  const flat: CslItem = { ...item };
  for (const variable of LISTED) {
    const value = item[variable];
    if (Array.isArray(value)) flat[variable] = value.find((entry) => typeof entry === 'string' && entry.trim() !== '');
  }
  for (const variable of NAME_VARIABLES) {
    const names = item[variable];
    if (!Array.isArray(names)) continue;
    flat[variable] = names.map((name: unknown) => {
      const record = name as Record<string, unknown> | null;
      return record && typeof record === 'object' && record.family === undefined && record.literal === undefined && typeof record.name === 'string'
        ? { literal: record.name }
        : name;
    });
  }
  return flat;
}

/**
 * A DOI resolver's CSL-JSON answer as source fields. citation-js reads it first (as it reads an
 * imported CSL-JSON file), which checks and normalises the item (names, dates); the import's
 * mapping then gives the same fields an import would: container title, publisher, volume, issue,
 * page, ISSN or ISBN, names with their parts, the issued date as precise as given, type, DOI, URL.
 * Returns the reason when the answer is not a usable work.
 */
export function sourceFromCsl(answer: unknown, doi: string): LookedUpSource | string {
  const item = (Array.isArray(answer) ? answer[0] : answer) as CslItem | undefined;
  if (!item || typeof item !== 'object') return 'the DOI resolver answered without a work';
  let items: CslItem[];
  try {
    const type = CROSSREF_TO_CSL[String(item.type)] ?? item.type;
    items = citationJs().input.chain([{ ...asCslItem(item), type, id: doi }], {
      generateGraph: false,
      forceType: '@csl/list+object',
    });
  } catch (error) {
    return `the DOI resolver's answer cannot be read (${(error as Error).message.split('\n')[0]})`;
  }
  const source = cslToSource(items[0] ?? item, null);
  if (typeof source === 'string') return `the DOI resolver's answer cannot be used: ${source}`;
  const { key: _key, archiveUrl: _archive, ...fields } = source;
  return { ...fields, doi: cleanDoi(fields.doi ?? '') ?? doi, accessedDate: null };
}
