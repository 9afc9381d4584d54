import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ImportedSource } from '../../interchange/read-import';
import { getService } from '../../utils/get-service';
import type { ImportFormat } from '../../interchange/split-entries';
import { sourcesRepository } from '../../repositories/sources';
import { normaliseDoi, normaliseUrl } from '../../citations';
import { NAME_ROLES } from '../../citations/types';
import { writeInBatches } from '../../utils/write-batches';

export interface ImportReport {
  format: ImportFormat;
  created: Array<{ line: number; key: string; title: string; documentId: string }>;
  skipped: Array<{ line: number; title: string; reason: string }>;
}

const contentError = (message: string, problems: Array<{ line: number; message: string }>) =>
  new errors.ValidationError(message, {
    errors: problems.map(({ line, message: text }) => ({
      path: ['content', String(line)],
      message: `Line ${line}: ${text}`,
      name: 'ValidationError',
    })),
  });

/**
 * What makes two sources the same for an import: the URL and DOI identities the Sources page's
 * duplicate report uses (normaliseUrl, normaliseDoi), so an import never creates a source that
 * the page then flags. A URL or DOI that does not normalise (not http(s), not `10.`) is compared
 * as written, trimmed (and without case for a DOI).
 */
const urlIdentity = (url: string) => normaliseUrl(url) ?? url.trim();
const doiIdentity = (doi: string) => normaliseDoi(doi) ?? doi.trim().toLowerCase();

/**
 * Writes the readable entries of a file: skips those whose URL or DOI the library (or an earlier
 * line) has, creates the rest, and reports each by line.
 */
const writeEntries = async (
  strapi: Core.Strapi,
  format: ImportReport['format'],
  entries: Array<{ line: number; source: ImportedSource }>
): Promise<ImportReport> => {
  const sources = sourcesRepository(strapi);
  // One read of the library (like the Sources page's duplicate report), never a query with a
  // condition per entry (SQLite refuses an expression 1,000 levels deep, and a normalised URL
  // is not a column).
  const library = await sources.importIdentities();
  const knownUrls = new Map<string, string>(
    library.filter((row) => row.url).map((row) => [urlIdentity(row.url as string), `a source with this URL exists ("${row.key}")`])
  );
  const knownDois = new Map<string, string>(
    library.filter((row) => row.doi).map((row) => [doiIdentity(row.doi as string), `a source with this DOI exists ("${row.key}")`])
  );
  const usedKeys = new Set<string>(library.map((row) => row.key));

  const report: ImportReport = { format, created: [], skipped: [] };
  const importEntry = async ({ line, source }: { line: number; source: ImportedSource }) => {
    const url = source.url ? urlIdentity(source.url) : null;
    const doi = source.doi ? doiIdentity(source.doi) : null;
    const reason = (url !== null ? knownUrls.get(url) : undefined) ?? (doi !== null ? knownDois.get(doi) : undefined);
    if (reason) {
      report.skipped.push({ line, title: source.title, reason });
      return null;
    }
    // A key that is taken (or absent) is left blank: the server derives a free one from the title.
    const key = source.key && !usedKeys.has(source.key) ? source.key : null;
    // No names is stored as null, as the admin's form saves it.
    const names = Object.fromEntries(NAME_ROLES.map((role) => [role, source[role].length > 0 ? source[role] : null]));
    const data = { ...source, key, ...names };
    const created = await sources.create(data);
    usedKeys.add(created.key);
    const sameAs = `line ${line} of this file has the same`;
    if (url !== null) knownUrls.set(url, `${sameAs} URL`);
    if (doi !== null) knownDois.set(doi, `${sameAs} DOI`);
    report.created.push({ line, key: created.key, title: created.title, documentId: created.documentId });
    return created.documentId;
  };
  // Thousands of writes, in short transactions so that readers are never held up for long (see
  // utils/write-batches.ts), and undone together if one fails: nothing is imported then.
  await writeInBatches(strapi, entries, importEntry, (createdIds) => sources.removeCreated(createdIds));
  return report;
};

/**
 * Creates sources from a BibTeX, RIS or CSL-JSON file. Either every readable entry is handled
 * (created, or skipped when a source with its URL or DOI exists) or, when any entry cannot be read,
 * nothing is written and each bad entry is reported with its line.
 */
export const createSourceImport = ({ strapi }: { strapi: Core.Strapi }) => {
  // Imports on this instance write one after another: each reads the library before it writes, and
  // its writes span several short transactions, so two at once could both create one source.
  let writing: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = writing.then(work, work);
    writing = run.catch(() => undefined);
    return run;
  };

  return {
    async importFile(content: string, format?: ImportFormat): Promise<ImportReport> {
      // citation-js parses in a worker thread, within the work budget (a file too complex answers
      // 422, before anything is written); an unreadable file comes back as an answer.
      const parsed = await getService('platform', { strapi }).runJob('readImport', { content, format }, 'This file');
      if ('unreadable' in parsed) {
        const { message, line } = parsed.unreadable;
        throw contentError(`The file cannot be read: ${message}. Nothing was imported.`, [{ line, message }]);
      }
      const { read } = parsed;
      const problems = read.entries.flatMap((entry) => ('error' in entry ? [{ line: entry.line, message: entry.error }] : []));
      if (problems.length > 0) {
        const first = problems[0];
        throw contentError(
          `${problems.length} of ${read.entries.length} entries cannot be read (first, line ${first.line}: ${first.message}). Nothing was imported.`,
          problems
        );
      }
      const entries = read.entries as Array<{ line: number; source: ImportedSource }>;

      return oneAtATime(() => writeEntries(strapi, read.format, entries));
    },
  };
};
