import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ImportedSource } from '../../interchange/read-import';
import { getService } from '../../utils/get-service';
import type { ImportFormat } from '../../interchange/split-entries';
import { sourcesRepository } from '../../repositories/sources';
import { normaliseDoi, normaliseUrl } from '../../citations';
import { NAME_ROLES } from '../../citations/types';
import { writeInBatches } from '../../utils/write-batches';
import { identityFingerprints } from '../../utils/source-fingerprints';
import { refreshSharedFingerprints } from './shared-fingerprints';
import { checkSourceWriteData } from '../../middlewares/documents/source-fields-check';
import { generateUid } from '../../middlewares/documents/generated-uids';
import sourceSchema from '../../content-types/source/schema.json';
import { SOURCE_UID } from '../../../../shared/uids';

/**
 * The import's event on Strapi's event hub, also offered as a webhook event (Settings > Webhooks):
 * sent once per import that created sources, after every write is committed. An import sends no
 * `entry.create` per source (see writeEntries).
 */
export const SOURCE_EVENTS = {
  imported: { key: 'CITED_ARTICLES_SOURCES_IMPORTED', name: 'cited-articles.sources.imported' },
} as const;

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

/** The most rows one statement writes (the response cache purges each row's keys up to 500). */
const ROWS_PER_STATEMENT = 200;

/** The longest key the schema takes (a key derived from a long title can be longer). */
const KEY_MAX_LENGTH = sourceSchema.attributes.key.maxLength;

/** A unique key taken meanwhile (by an editor, while the import ran): as Strapi refuses it. */
const keyTakenError = (key: string) =>
  new errors.ValidationError('This attribute must be unique', {
    errors: [{ path: ['key'], message: 'This attribute must be unique', name: 'ValidationError', value: key }],
  });

/**
 * Writes the readable entries of a file: skips those whose URL or DOI the library (or an earlier
 * line) has, creates the rest, and reports each by line.
 *
 * Each row is prepared as the Document Service's create would store it, with the code its
 * middlewares run (names and dates checked and cleaned, identity fingerprints, a key derived from
 * the title by the Content Manager's uid service) and Strapi's documentId generator, and the rows
 * of a transaction are written in one statement at its end: Strapi's entity validation, which
 * clones its schemas for every create, was most of the main thread's work during an import. The
 * checks it would make are made before: the import's reader keeps every field within the schema's
 * lengths, types and date forms, and a key is checked free. A row that cannot be vouched for that
 * way (a key derived from a title longer than a key may be) is created through the Document
 * Service, as before.
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

  // The rows of the current transaction, written at its end (or earlier, see below).
  let pending: Array<Record<string, unknown>> = [];
  const pendingKeys = new Set<string>();
  const writePending = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    pendingKeys.clear();
    // The file's keys were free when the library was read; one may have been taken since.
    const taken = await sources.keysTaken(rows.map((row) => row.key as string));
    if (taken.length > 0) throw keyTakenError(taken[0]);
    await sources.insertMany(rows);
    // As the fingerprint middleware does after a create: an editor may have saved a source with
    // one of these URLs or DOIs since the library was read.
    await refreshSharedFingerprints(
      strapi,
      rows.flatMap((row) => [row.urlFingerprint as string | null, row.doiFingerprint as string | null])
    );
  };

  /** A key derived from the title, free in the library and among the rows not yet written. */
  const derivedKey = async (data: Record<string, unknown>) => {
    const key = await generateUid(strapi, SOURCE_UID, 'key', data);
    if (!pendingKeys.has(key)) return key;
    // The uid service reads the library: write what it cannot see yet, then ask again.
    await writePending();
    return generateUid(strapi, SOURCE_UID, 'key', data);
  };

  const report: ImportReport = { format, created: [], skipped: [] };
  const importEntry = async ({ line, source }: { line: number; source: ImportedSource }) => {
    const url = source.url ? urlIdentity(source.url) : null;
    const doi = source.doi ? doiIdentity(source.doi) : null;
    const reason = (url !== null ? knownUrls.get(url) : undefined) ?? (doi !== null ? knownDois.get(doi) : undefined);
    if (reason) {
      report.skipped.push({ line, title: source.title, reason });
      return null;
    }
    // A key that is taken (or absent) is left blank: a free one is derived from the title.
    const fileKey = source.key && !usedKeys.has(source.key) ? source.key : null;
    // No names is stored as null, as the admin's form saves it.
    const names = Object.fromEntries(NAME_ROLES.map((role) => [role, source[role].length > 0 ? source[role] : null]));
    const data: Record<string, unknown> = { ...source, key: fileKey, ...names };
    checkSourceWriteData(data);
    const key = fileKey ?? (await derivedKey(data));
    let created: { documentId: string; key: string; title: string };
    if (key.length > KEY_MAX_LENGTH) {
      await writePending();
      created = await sources.create({ ...data, key: null });
    } else {
      const row = {
        ...data,
        key,
        documentId: sources.newDocumentId(),
        publishedAt: new Date(),
        ...identityFingerprints(data),
        sharedFingerprint: false,
      };
      pending.push(row);
      pendingKeys.add(key);
      if (pending.length >= ROWS_PER_STATEMENT) await writePending();
      created = { documentId: row.documentId, key, title: source.title };
    }
    usedKeys.add(created.key);
    const sameAs = `line ${line} of this file has the same`;
    if (url !== null) knownUrls.set(url, `${sameAs} URL`);
    if (doi !== null) knownDois.set(doi, `${sameAs} DOI`);
    report.created.push({ line, key: created.key, title: created.title, documentId: created.documentId });
    return created.documentId;
  };
  // Thousands of rows, in short transactions so that readers are never held up for long (see
  // utils/write-batches.ts), and undone together if one fails: nothing is imported then.
  await writeInBatches(strapi, entries, importEntry, (createdIds) => sources.removeCreated(createdIds), writePending);
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

      const report = await oneAtATime(() => writeEntries(strapi, read.format, entries));
      if (report.created.length > 0) {
        // The import is done and answered whatever a listener does.
        try {
          await strapi.eventHub.emit(SOURCE_EVENTS.imported.name, {
            format: report.format,
            created: report.created.map(({ documentId, key, title }) => ({ documentId, key, title })),
            skipped: report.skipped.length,
          });
        } catch (error) {
          strapi.log.error(`[cited-articles] a listener of ${SOURCE_EVENTS.imported.name} failed: ${(error as Error).message}`);
        }
      }
      return report;
    },

    /** Lets administrators pick the import's event in Settings > Webhooks. */
    registerWebhookEvents(): void {
      const store = strapi.get('webhookStore');
      for (const { key, name } of Object.values(SOURCE_EVENTS)) store.addAllowedEvent(key, name);
    },
  };
};
