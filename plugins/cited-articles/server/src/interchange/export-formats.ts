import { citationJs } from '../csl/citation-js';
import type { CslItem } from '../csl/source-to-csl';

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

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * BibLaTeX (the BibTeX dialect with `date`, `urldate`, `journaltitle`, `@online`), one record per
 * item. A newspaper article is `@article` with `entrysubtype = {newspaper}`, as biblatex-chicago
 * and Zotero write it; citation-js reads that back, but does not write it.
 */
function toBibtex(items: CslItem[]): string {
  const records = items.map((item) => {
    let record: string = citationJs().output.format('biblatex', [item]).trim();
    const extra: string[] = [];
    if (item.type === 'article-newspaper') extra.push('\tentrysubtype = {newspaper},');
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

/**
 * RIS, one record per item. citation-js's RIS mapping of newspaper articles (`TY  - NEWS`) drops
 * authors and the full date; they are written here with the tags every RIS reader knows.
 */
function toRis(items: CslItem[]): string {
  return items
    .map((item) => {
      let record: string = citationJs().output.format('ris', [item], { spec: 'new' }).trim();
      const extra: string[] = [];
      if (!/^AU {2}- /m.test(record)) {
        for (const name of item.author ?? []) {
          extra.push(`AU  - ${name.literal ?? [name.family, name.given].filter(Boolean).join(', ')}`);
        }
      }
      const issued = item.issued?.['date-parts']?.[0];
      if (issued && issued.length === 3 && !/^DA {2}- /m.test(record)) {
        extra.push(`DA  - ${issued[0]}/${pad(issued[1])}/${pad(issued[2])}/`);
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
