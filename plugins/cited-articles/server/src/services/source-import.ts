import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readImportFile, UnreadableFileError, type ImportedSource } from '../interchange/read-import';
import type { ImportFormat } from '../interchange/split-entries';
import { SOURCE_UID } from '../utils/uids';

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

const lower = (value: string | null) => (value ?? '').toLowerCase();

/** Values per look-up query: far below every database's limit on bound parameters. */
const LOOKUP_BATCH = 500;

const batches = <T>(values: T[]): T[][] =>
  Array.from({ length: Math.ceil(values.length / LOOKUP_BATCH) }, (_, index) =>
    values.slice(index * LOOKUP_BATCH, (index + 1) * LOOKUP_BATCH)
  );

interface ExistingSource {
  key: string;
  url: string | null;
  doi: string | null;
}

/**
 * Creates sources from a BibTeX, RIS or CSL-JSON file. Either every readable entry is handled
 * (created, or skipped when a source with its URL or DOI exists) or, when any entry cannot be read,
 * nothing is written and each bad entry is reported with its line.
 */
const sourceImport = ({ strapi }: { strapi: Core.Strapi }) => {
  // Query Engine reads join the import's transaction on their own (strapi.db.transaction).
  const findIn = async (field: 'url' | 'key', values: string[]) => {
    const rows: ExistingSource[] = [];
    for (const batch of batches(values)) {
      rows.push(...(await strapi.db.query(SOURCE_UID).findMany({ where: { [field]: { $in: batch } }, select: ['key', 'url', 'doi'] })));
    }
    return rows;
  };
  const findByUrl = (urls: string[]) => findIn('url', urls);
  const findByKey = (keys: string[]) => findIn('key', keys);

  /**
   * DOIs compare without case. The Query Engine has no case-insensitive `$in`, so this is one
   * `LOWER(doi) IN (LOWER(?), …)` per batch, with LOWER on both sides as `$eqi` does (SQLite's
   * LOWER folds ASCII only, so lower-casing in JavaScript would not match it), on the transaction.
   */
  const findByDoi = async (trx: any, dois: string[]) => {
    const meta = strapi.db.metadata.get(SOURCE_UID);
    const column = (name: string) => (meta.attributes[name] as any).columnName ?? name;
    const rows: ExistingSource[] = [];
    for (const batch of batches(dois)) {
      const found = await strapi.db
        .getConnection(meta.tableName)
        .transacting(trx)
        .select({ key: column('key'), url: column('url'), doi: column('doi') })
        .whereRaw(`LOWER(??) IN (${batch.map(() => 'LOWER(?)').join(', ')})`, [column('doi'), ...batch]);
      rows.push(...found);
    }
    return rows;
  };

  return {
    async importFile(content: string, format?: ImportFormat): Promise<ImportReport> {
      let read;
      try {
        read = readImportFile(content, format);
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        throw contentError(`The file cannot be read: ${error.message}. Nothing was imported.`, [
          { line: error.line, message: error.message },
        ]);
      }
      const problems = read.entries.flatMap((entry) => ('error' in entry ? [{ line: entry.line, message: entry.error }] : []));
      if (problems.length > 0) {
        const first = problems[0];
        throw contentError(
          `${problems.length} of ${read.entries.length} entries cannot be read (first, line ${first.line}: ${first.message}). Nothing was imported.`,
          problems
        );
      }
      const entries = read.entries as Array<{ line: number; source: ImportedSource }>;

      const urls = [...new Set(entries.map(({ source }) => source.url).filter((url): url is string => !!url))];
      const dois = [...new Set(entries.map(({ source }) => source.doi).filter((doi): doi is string => !!doi))];
      const keys = [...new Set(entries.map(({ source }) => source.key).filter((key): key is string => !!key))];

      return strapi.db.transaction(async ({ trx }) => {
        const documents = strapi.documents(SOURCE_UID);
        // Sources that match by URL or DOI, and keys already taken: a few queries per batch of values,
        // never one query with a condition per entry (SQLite refuses an expression 1,000 levels deep).
        const existing = [...(await findByUrl(urls)), ...(await findByDoi(trx, dois))];
        const takenKeys = await findByKey(keys);

        const knownUrls = new Map<string, string>(existing.filter((row) => row.url).map((row) => [row.url, `a source with this URL exists ("${row.key}")`]));
        const knownDois = new Map<string, string>(existing.filter((row) => row.doi).map((row) => [lower(row.doi), `a source with this DOI exists ("${row.key}")`]));
        const usedKeys = new Set<string>(takenKeys.map((row) => row.key));

        const report: ImportReport = { format: read.format, created: [], skipped: [] };
        for (const { line, source } of entries) {
          const reason =
            (source.url ? knownUrls.get(source.url) : undefined) ?? (source.doi ? knownDois.get(lower(source.doi)) : undefined);
          if (reason) {
            report.skipped.push({ line, title: source.title, reason });
            continue;
          }
          // A key that is taken (or absent) is left blank: the server derives a free one from the title.
          const key = source.key && !usedKeys.has(source.key) ? source.key : null;
          const data = { ...source, key, authors: source.authors.length > 0 ? source.authors : null };
          const created: any = await documents.create({ data: data as any, fields: ['key', 'title'] as any });
          usedKeys.add(created.key);
          const sameAs = `line ${line} of this file has the same`;
          if (source.url) knownUrls.set(source.url, `${sameAs} URL`);
          if (source.doi) knownDois.set(lower(source.doi), `${sameAs} DOI`);
          report.created.push({ line, key: created.key, title: created.title, documentId: created.documentId });
        }
        return report;
      });
    },
  };
};

export default sourceImport;
