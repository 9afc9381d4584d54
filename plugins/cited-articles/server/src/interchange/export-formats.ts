import type { NameRole, SourceName } from '../citations/types';
import { citationJs } from '../csl/citation-js';
import { CSL_NAME_OF, type CslItem } from '../csl/source-to-csl';
import { RIS_NAME_TAGS, RIS_TEXT_TAGS, risNameText } from './ris-fields';

import type { InterchangeFormat } from './formats';

export type ExportFormat = InterchangeFormat;

export const EXPORT_FORMATS: Record<ExportFormat, { contentType: string; extension: string }> = {
  bibtex: { contentType: 'application/x-bibtex; charset=utf-8', extension: 'bib' },
  ris: { contentType: 'application/x-research-info-systems; charset=utf-8', extension: 'ris' },
  'csl-json': { contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8', extension: 'json' },
};

/** Insert lines after the first line of a record (its `@type{key,` or `TY  - ` line). */
const afterFirstLine = (record: string, lines: string[]) => {
  if (lines.length === 0) return record;
  const end = record.indexOf('\n');
  return `${record.slice(0, end + 1)}${lines.join('\n')}\n${record.slice(end + 1)}`;
};

/** A value in braces that cannot close its field early: braces and backslashes left out. */
const bibtexText = (value: string) => value.replace(/[{}\\]/g, '');

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * BibTeX and RIS know one particle, before the family name ("van Gogh, Vincent"); citation-js
 * drops CSL's dropping particle. Both kinds are written there, and read back as the
 * non-dropping particle.
 */
const withOneParticle = (name: SourceName): SourceName => {
  const { 'dropping-particle': dropping, ...rest } = name;
  if (!dropping) return name;
  return { ...rest, 'non-dropping-particle': [dropping, rest['non-dropping-particle']].filter(Boolean).join(' ') };
};

const withOneParticleEach = (item: CslItem): CslItem => {
  const copy: CslItem = { ...item };
  for (const variable of Object.values(CSL_NAME_OF)) {
    if (Array.isArray(item[variable])) copy[variable] = (item[variable] as SourceName[]).map(withOneParticle);
  }
  return copy;
};

/**
 * BibLaTeX (the BibTeX dialect with `date`, `urldate`, `journaltitle`, `translator`, `@online`),
 * one record per item. A newspaper or magazine article is `@article` with `entrysubtype =
 * {newspaper}` (or `{magazine}`), as biblatex-chicago and Zotero write it; citation-js reads that
 * back, but does not write it.
 */
function toBibtex(items: CslItem[]): string {
  const records = items.map((item) => {
    let record: string = citationJs()
      .output.format('biblatex', [withOneParticleEach(item)])
      .trim();
    const extra: string[] = [];
    if (item.type === 'article-newspaper') extra.push('\tentrysubtype = {newspaper},');
    if (item.type === 'article-magazine') extra.push('\tentrysubtype = {magazine},');
    // citation-js writes a number for reports and the like only; a chapter's or a book's is its series number.
    if (item.number && !/^\tnumber = /m.test(record)) extra.push(`\tnumber = {${bibtexText(item.number)}},`);
    // BibLaTeX has no archive field; the note (which citation-js fills with the access date) says it.
    // Braces and backslashes are percent-encoded so that no URL can close the field early.
    const url = item.custom?.archiveUrl?.replace(/[{}\\]/g, (char) => encodeURIComponent(char));
    const archived = url ? `Archived at \\url{${url}}` : null;
    if (archived && /^\tnote = \{.*\},$/m.test(record)) {
      record = record.replace(/^(\tnote = \{.*)\},$/m, (_, start) => `${start}. ${archived}},`);
    } else if (archived) {
      extra.push(`\tnote = {${archived}},`);
    }
    return afterFirstLine(record, extra);
  });
  return records.length > 0 ? `${records.join('\n\n')}\n` : '';
}

/** Name tags citation-js writes (per type: A2, A3 for editors of a book, AU, A4), replaced by ours. */
const NAME_LINE = /^(?:AU|A1|A2|A3|A4|ED) {2}- .*\n?/gm;
/** A page range RIS can write as first and last page. */
const PAGE_RANGE = /^([^\s-]+)-([^\s-]+)$/;

/**
 * RIS, one record per item. citation-js's RIS mapping drops a newspaper article's authors and
 * full date, a name's particle, a web page's site, and writes a book's editors as A3 (read by
 * Zotero as series editors); names, dates, sites and page ranges are written here with the
 * tags every RIS reader knows: AU, A2 (editors), A4 (translators), DA, T2, SP and EP.
 */
function toRis(items: CslItem[]): string {
  return items
    .map((item) => {
      let record: string = citationJs().output.format('ris', [item], { spec: 'new' }).trim().replace(NAME_LINE, '');
      const extra: string[] = [];
      for (const [role, { write }] of Object.entries(RIS_NAME_TAGS) as Array<[NameRole, { write: string }]>) {
        for (const name of (item[CSL_NAME_OF[role]] as SourceName[] | undefined) ?? []) extra.push(`${write}  - ${risNameText(name)}`);
      }
      const pages = typeof item.page === 'string' ? PAGE_RANGE.exec(item.page) : null;
      if (pages && /^SP {2}- /m.test(record)) {
        record = record.replace(/^SP {2}- .*$/m, `SP  - ${pages[1]}\nEP  - ${pages[2]}`);
      }
      if (item.DOI && !/^DO {2}- /m.test(record)) extra.push(`DO  - ${item.DOI}`);
      for (const [tag, , variable] of RIS_TEXT_TAGS) {
        const value = item[variable];
        if (typeof value === 'string' && !new RegExp(`^${tag} {2}- `, 'm').test(record)) extra.push(`${tag}  - ${value}`);
      }
      if (item['container-title'] && !/^T2 {2}- /m.test(record)) extra.push(`T2  - ${item['container-title']}`);
      const issued = item.issued?.['date-parts']?.[0];
      if (issued && issued.length >= 2 && !/^DA {2}- /m.test(record)) {
        extra.push(`DA  - ${issued[0]}/${pad(issued[1])}/${issued.length === 3 ? pad(issued[2]) : ''}/`);
      }
      if (item.custom?.archiveUrl) extra.push(`L2  - ${item.custom.archiveUrl}`);
      record = afterFirstLine(record, extra);
      return `${record}\n`;
    })
    .join('\n');
}

/** The items in this format, as the file's text. */
export function exportItems(items: CslItem[], format: ExportFormat): string {
  if (format === 'bibtex') return toBibtex(items);
  if (format === 'ris') return toRis(items);
  return `${JSON.stringify(items, null, 2)}\n`;
}
