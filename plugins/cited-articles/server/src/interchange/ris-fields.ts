import { cleanName } from '../citations/names';
import { fromDateParts } from '../citations/partial-date';
import type { SourceFields } from '../citations/source-fields';
import type { NameRole, SourceName } from '../citations/types';

/**
 * What the plugin reads from a RIS record itself, where citation-js's RIS mapping loses it
 * (docs/interchange.md): names per role with their particles and suffixes, the full date of a
 * newspaper article, a web page's site. RIS writes a person "Family, Given, Suffix" and an
 * organisation without a comma.
 */

/** Every value of each tag of one record, in order. */
export function risTags(raw: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const match of raw.matchAll(/^([A-Z][A-Z0-9]) {2}- ?(.*)$/gm)) {
    const value = match[2]!.trim();
    if (value === '') continue;
    const list = tags.get(match[1]!) ?? [];
    list.push(value);
    tags.set(match[1]!, list);
  }
  return tags;
}

/** Leading lower-case words of a family name ("van", "de la") are its particle, as in BibTeX. */
export function splitParticle(family: string): { family: string; particle?: string } {
  const words = family.split(' ');
  let index = 0;
  while (index < words.length - 1 && /^\p{Ll}/u.test(words[index]!)) index += 1;
  return index === 0 ? { family } : { family: words.slice(index).join(' '), particle: words.slice(0, index).join(' ') };
}

/** "van Beethoven, Ludwig", "King, Martin Luther, Jr." or "World Health Organization" as a name. */
export function risName(text: string): SourceName | null {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length < 2) return cleanName({ literal: text });
  const { family, particle } = splitParticle(parts[0]!);
  return cleanName({ family, given: parts[1], suffix: parts.slice(2).join(', '), 'non-dropping-particle': particle });
}

/** A name as RIS writes it; a particle goes before the family name (RIS has no place for it). */
export function risNameText(name: SourceName): string {
  if (name.literal !== undefined) return name.literal;
  const family = [name['dropping-particle'], name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return [family, name.given, name.suffix].filter((part) => part !== undefined && part !== '').join(', ');
}

/** The RIS tags each name role is written with, and read from (first that has names wins). */
export const RIS_NAME_TAGS: Record<NameRole, { write: string; read: string[] }> = {
  authors: { write: 'AU', read: ['AU', 'A1'] },
  editors: { write: 'A2', read: ['ED', 'A2', 'A3'] },
  translators: { write: 'A4', read: ['A4'] },
};

/**
 * Fields RIS has one tag for, which citation-js writes and reads for some types only (a journal
 * article's publisher and place, a chapter's issue and genre): written and read here for all.
 */
export const RIS_TEXT_TAGS = [
  ['PB', 'publisher', 'publisher'],
  ['CY', 'publisherPlace', 'publisher-place'],
  ['VL', 'volume', 'volume'],
  ['IS', 'issue', 'issue'],
  ['ET', 'edition', 'edition'],
  ['LA', 'language', 'language'],
  ['M3', 'genre', 'genre'],
] as const;

/** DA (YYYY/MM/DD/) as a partial date; citation-js does not read it for every type (NEWS). */
function risDate(value: string | undefined): string | null {
  const match = /^(\d{4})(?:\/(\d{1,2})?(?:\/(\d{1,2}))?)?/.exec(value ?? '');
  return match ? fromDateParts([[match[1], match[2], match[3]].filter((part) => part !== undefined)]) : null;
}

/** Types whose container title RIS gives in T2 (or JO, JF) where citation-js reads none. */
const CONTAINED = new Set(['news', 'web', 'journal', 'magazine', 'chapter']);

/** The fields read from the record itself, over what citation-js made of it. */
export function withRisFields(fields: SourceFields, raw: string): SourceFields {
  const tags = risTags(raw);
  const result = { ...fields };
  const editedBook = tags.get('TY')?.[0] === 'EDBOOK';
  for (const [role, { read }] of Object.entries(RIS_NAME_TAGS) as Array<[NameRole, { read: string[] }]>) {
    const tag = read.find((name) => (tags.get(name) ?? []).length > 0);
    const names = (tag ? tags.get(tag)! : []).map(risName).filter((name): name is SourceName => name !== null);
    if (names.length > 0) result[role] = names;
  }
  // An edited book (EDBOOK) lists its editors as AU.
  if (editedBook) {
    if (result.editors.length === 0) result.editors = result.authors;
    result.authors = [];
  }
  const da = risDate(tags.get('DA')?.[0]);
  if (da !== null && (result.publishedDate === null || (da.startsWith(result.publishedDate) && da.length > result.publishedDate.length))) {
    result.publishedDate = da;
  }
  result.doi = result.doi ?? tags.get('DO')?.[0] ?? null;
  for (const [tag, field] of RIS_TEXT_TAGS) {
    // A book's IS is its number of volumes, not an issue.
    if (tag === 'IS' && result.type === 'book') continue;
    result[field] = result[field] ?? tags.get(tag)?.[0] ?? null;
  }
  if (result.containerTitle === null && CONTAINED.has(result.type)) {
    result.containerTitle = tags.get('T2')?.[0] ?? tags.get('JO')?.[0] ?? tags.get('JF')?.[0] ?? null;
  }
  return result;
}
