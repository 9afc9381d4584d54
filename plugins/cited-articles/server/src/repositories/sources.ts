import type { Core, Modules } from '@strapi/strapi';
import type { IdentityFingerprints } from '../utils/source-fingerprints';
import type { SourceRecord, WithFields } from '../content-types/records';
import type { LibraryFilter } from '../../../shared/contracts';
import { PUBLIC_SOURCE_FIELDS, SOURCE_HEALTH_FIELDS } from '../utils/public-shape';
import { ARTICLE_UID, SOURCE_UID } from '../../../shared/uids';
import { modelTables } from './model';
import { updateEach } from './update-each';

/** A Document Service filter on sources. */
type SourceFilter = Modules.Documents.Params.Filters.Any<typeof SOURCE_UID>;

/** The public fields a citation resolves a source with (its documentId comes with every row). */
const CITABLE_FIELDS = [...PUBLIC_SOURCE_FIELDS.filter((field) => field !== 'documentId'), ...SOURCE_HEALTH_FIELDS];
const PUBLIC_FIELDS = PUBLIC_SOURCE_FIELDS.filter((field) => field !== 'documentId');

// The admin's Sources page.
const LIST_FIELDS = ['key', 'title', 'containerTitle', 'publisher', 'url', 'doi', 'type', 'publishedDate', 'updatedAt'];
// Admin-only health fields, for the link status column (the Sources page is an admin route).
const HEALTH_FIELDS = ['archiveUrl', 'linkStatus', 'linkCheckedAt', 'linkHttpStatus', 'linkRedirectUrl', 'retracted', 'retractionDoi'];
const BROKEN = { linkStatus: 'broken' };
const IDENTITY_FIELDS = ['key', 'title', 'url', 'doi'];
// The outlet (containerTitle) as well as the publisher: editors search news by newspaper.
const SEARCHED_FIELDS = ['title', 'key', 'containerTitle', 'publisher', 'url', 'doi'];
// A source whose citedBy join has no row at all: cited by no draft and no published article.
// (The page's `uncited` filter; its count reads the link table with NOT EXISTS, countUncited.)
const UNCITED = { citedBy: { id: { $null: true } } };
const TITLE_ORDER = [{ title: 'asc' as const }, { id: 'asc' as const }];

/** Sources an undone import deletes per statement (the response cache purges each one's keys up to 500). */
const REMOVE_CHUNK = 500;

/** The most candidates a lookup compares by hand. */
const LOOKUP_CANDIDATES = 500;

/** The part of the library the Sources page shows: a search and one of its filters. */
export interface LibraryScope {
  search?: string;
  filter: LibraryFilter;
  /** The sources the `duplicates` filter keeps: those in a group of likely duplicates. */
  duplicateIds: string[];
}

/** One article citing a source, as the Sources page lists it, with the number of articles citing that source. */
export interface CiterRow {
  sourceId: number;
  documentId: string;
  title: string;
  slug: string;
  /** How many articles (each once, draft or published, any locale) cite the source. */
  citers: number;
}

/** A source's identity fingerprints and whether another source shares one (null: not known yet). */
export interface FingerprintRow {
  id: number;
  urlFingerprint: string | null;
  doiFingerprint: string | null;
  /** Booleans come back as 0/1 from SQLite and MySQL/MariaDB. */
  sharedFingerprint: boolean | number | null;
}

/** A source as the link check reads it. */
export type LinkCheckSource = Pick<SourceRecord, 'id' | 'documentId' | 'url' | 'archiveUrl' | 'doi'>;

/** What a link check writes about a link. */
export type LinkFindings = Pick<SourceRecord, 'linkStatus' | 'linkHttpStatus' | 'linkRedirectUrl' | 'linkCheckedAt'>;

/** What a link check writes about a DOI's retraction. */
export type RetractionFindings = Pick<SourceRecord, 'retracted' | 'retractionDoi' | 'retractionDate'>;

/** A source's identity as an import compares it (the key always set, URL and DOI possibly null). */
export interface ImportIdentity {
  key: string;
  url: string | null;
  doi: string | null;
}

/**
 * Every query of the source library, in one place: the Document Service where the rows answer an
 * API (it fills relations in the status asked for, and its middlewares run on writes), the Query
 * Engine where a read must join the caller's transaction or a write must not count as an edit (the
 * import's identity read, the link check). Each method names its purpose; the article route's
 * statement count (tests/api/query-count.test.ts) includes the library read of `citableByKeys`.
 *
 * A plain module taking `strapi`, like repositories/comments.ts: services build it where they use it.
 */
export const sourcesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(SOURCE_UID);
  const documents = () => strapi.documents(SOURCE_UID);

  /** The Sources page's scope as Document Service filters, shared by its page and its count. */
  const libraryFilters = ({ search, filter, duplicateIds }: LibraryScope) => {
    const conditions: SourceFilter[] = [];
    if (search) conditions.push({ $or: SEARCHED_FIELDS.map((field) => ({ [field]: { $containsi: search } })) });
    if (filter === 'uncited') conditions.push(UNCITED);
    if (filter === 'broken') conditions.push(BROKEN);
    if (filter === 'duplicates') conditions.push({ documentId: { $in: duplicateIds } });
    return conditions.length > 0 ? { $and: conditions } : {};
  };

  /**
   * The rows matching `where`, counted up to `cap + 1`: `SELECT count(*) FROM (SELECT id … LIMIT
   * cap + 1)`, so the database stops once it knows there are more than `cap`, where a plain count
   * reads every match (100,000 sources for a search matching every title).
   */
  const countUpTo = async (where: SourceFilter, cap: number): Promise<number> => {
    const builder = strapi.db.entityManager
      .createQueryBuilder(SOURCE_UID)
      .where(where)
      .select('id')
      .limit(cap + 1);
    // The builder adds the id again and an order for its pagination (MySQL refuses the column
    // twice); a count needs neither. Each source is one row: the `uncited` join keeps those it
    // finds no link row for.
    const matching = builder.getKnexQuery().clearSelect().clearOrder().select(`${builder.alias}.id`);
    const [row] = await strapi.db.connection.count({ n: '*' }).from(matching.as('capped'));
    return Number((row as { n: number | string }).n);
  };

  return {
    // Citations (the content API's resolved articles and the editor's preview).

    /** The sources with these keys, with what a citation shows (the library `[@key]` falls back to). */
    async citableByKeys(keys: string[]) {
      return (await documents().findMany({
        filters: { key: { $in: keys } },
        fields: CITABLE_FIELDS,
      })) as SourceRecord[];
    },

    /** The sources named, with what a citation shows (those that exist, in no particular order). */
    async citableByDocumentIds(documentIds: string[]) {
      return (await documents().findMany({
        filters: { documentId: { $in: documentIds } },
        fields: CITABLE_FIELDS,
      })) as SourceRecord[];
    },

    /**
     * The id, documentId and key of the sources with these keys: all that counting references
     * needs, through the Query Engine, so an article list's counts open no transaction.
     */
    async identitiesByKeys(keys: string[]) {
      return (await query().findMany({ where: { key: { $in: keys } }, select: ['id', 'documentId', 'key'] })) as SourceRecord[];
    },

    /** The key and documentId of the sources with these keys (those that exist). */
    async idsOfKeys(keys: string[]) {
      return (await documents().findMany({
        filters: { key: { $in: keys } },
        fields: ['key'],
      })) as SourceRecord[];
    },

    /**
     * The source with this key and the published articles of one locale citing it, newest first
     * (each article possibly twice: citedBy also holds its draft row when that cites the source).
     */
    async byKeyWithPublishedCiters(key: string, locale: string | null | undefined) {
      return (await documents().findFirst({
        filters: { key },
        // Sources have no drafts; asking for 'published' makes the populated articles the published
        // versions (the Document Service populates relations in the status of the query).
        status: 'published',
        fields: [...PUBLIC_FIELDS],
        populate: {
          citedBy: {
            // citedBy holds draft and published rows of each article: only published ones count.
            filters: { publishedAt: { $notNull: true }, locale },
            fields: ['locale', 'slug', 'title', 'summary', 'publishedAt', 'updatedAt'],
            sort: ['publishedAt:desc'],
          },
        },
      })) as SourceRecord | null;
    },

    // The admin's Sources page.

    /**
     * The sources that share a normalised URL or a DOI with another, in title order: those the
     * duplicate report groups. One statement reading the index entries of the flagged sources only
     * (`sharedFingerprint`, kept on write by middlewares/documents/source-identities.ts).
     */
    async duplicateCandidates() {
      const knex = strapi.db.connection;
      const sources = modelTables(strapi, SOURCE_UID);
      const rows = await knex(sources.table)
        .select(Object.fromEntries(['documentId', ...IDENTITY_FIELDS].map((field) => [field, sources.column(field)])))
        .where(sources.column('sharedFingerprint'), true)
        .orderBy([{ column: sources.column('title') }, { column: sources.column('id') }]);
      // Each column named is there (url and doi null when empty; the key derived when missing, generated-uids.ts).
      return rows as Array<WithFields<Pick<SourceRecord, 'documentId' | 'key' | 'title' | 'url' | 'doi'>, 'key' | 'title' | 'url' | 'doi'>>;
    },

    /** Up to `limit` sources past id `after` whose URL or DOI has no fingerprint yet, in id order. */
    async unfingerprinted(after: number, limit: number) {
      const filled = (field: string) => ({ $or: [{ [field]: { $null: true } }, { [field]: '' }] });
      const unfilled = (field: string, fingerprint: string) => ({ $and: [{ $not: filled(field) }, { [fingerprint]: { $null: true } }] });
      return (await query().findMany({
        where: { id: { $gt: after }, $or: [unfilled('url', 'urlFingerprint'), unfilled('doi', 'doiFingerprint')] },
        select: ['id', 'url', 'doi'],
        orderBy: { id: 'asc' },
        limit,
      })) as Array<Pick<SourceRecord, 'id' | 'url' | 'doi'>>;
    },

    /** The fingerprints a source holds now (none when it does not exist). */
    async fingerprintsOf(documentId: string) {
      return (await query().findMany({ where: { documentId }, select: ['urlFingerprint', 'doiFingerprint'] })) as FingerprintRow[];
    },

    /** The sources holding any of these URL or DOI fingerprints (indexed), with their flag. */
    async holdersOf(fingerprints: string[]) {
      if (fingerprints.length === 0) return [];
      return (await query().findMany({
        where: { $or: [{ urlFingerprint: { $in: fingerprints } }, { doiFingerprint: { $in: fingerprints } }] },
        select: ['id', 'urlFingerprint', 'doiFingerprint', 'sharedFingerprint'],
      })) as FingerprintRow[];
    },

    /** Up to `limit` sources past id `after` whose `sharedFingerprint` is not known yet, in id order. */
    async unflagged(after: number, limit: number) {
      return (await query().findMany({
        where: { id: { $gt: after }, sharedFingerprint: { $null: true } },
        select: ['id', 'urlFingerprint', 'doiFingerprint', 'sharedFingerprint'],
        orderBy: { id: 'asc' },
        limit,
      })) as FingerprintRow[];
    },

    /**
     * Sets `sharedFingerprint` on these sources through the Query Engine (it joins the caller's
     * transaction; derived data, which moves no updatedAt and sends no entry webhooks).
     */
    async flagShared(ids: number[], shared: boolean): Promise<void> {
      if (ids.length > 0) await query().updateMany({ where: { id: { $in: ids } }, data: { sharedFingerprint: shared } });
    },

    /**
     * Stores fingerprints by source id, straight to the columns in one statement: derived data,
     * which must not move a source's updatedAt or send entry webhooks. Their `sharedFingerprint`
     * becomes unknown (null), for the backfill that follows to set.
     */
    async setFingerprints(rows: Array<{ id: number } & IdentityFingerprints>): Promise<void> {
      const sources = modelTables(strapi, SOURCE_UID);
      await updateEach(
        strapi.db.connection,
        sources.table,
        sources.column('id'),
        rows.map(({ id, urlFingerprint, doiFingerprint }) => ({
          id,
          values: { [sources.column('urlFingerprint')]: urlFingerprint, [sources.column('doiFingerprint')]: doiFingerprint },
        })),
        { [sources.column('sharedFingerprint')]: null }
      );
    },

    /** A page of the library in title order. */
    async libraryPage(scope: LibraryScope, { start, limit }: { start: number; limit: number }) {
      return (await documents().findMany({
        filters: libraryFilters(scope),
        fields: [...LIST_FIELDS, ...HEALTH_FIELDS],
        sort: TITLE_ORDER,
        start,
        limit,
      })) as SourceRecord[];
    },

    /**
     * For each of these source rows, the number of articles citing it and the `perSource` newest of
     * them, in one statement. Each article counts once: its draft and published rows, and its
     * locales, share a documentId. Populating `citedBy` instead would read every citing row (two per
     * article), 10,000 for a source cited by 5,000 articles, to show a handful.
     */
    async citersOf(sourceIds: number[], perSource: number): Promise<CiterRow[]> {
      if (sourceIds.length === 0) return [];
      const knex = strapi.db.connection;
      const articles = modelTables(strapi, ARTICLE_UID);
      const link = articles.link('citations');
      const [id, documentId, title, slug] = ['id', 'documentId', 'title', 'slug'].map((field) => `a.${articles.column(field)}`);
      const perArticle = knex(`${link.name} as l`)
        .join(`${articles.table} as a`, id, `l.${link.ownerColumn}`)
        .whereIn(`l.${link.targetColumn}`, sourceIds)
        .groupBy(`l.${link.targetColumn}`, documentId)
        .select({ sourceId: `l.${link.targetColumn}`, documentId })
        .max({ rowId: id });
      const ranked = knex
        .from(perArticle.as('g'))
        .select(
          'g.*',
          knex.raw('row_number() over (partition by ?? order by ?? desc) as ??', ['g.sourceId', 'g.rowId', 'place']),
          knex.raw('count(*) over (partition by ??) as ??', ['g.sourceId', 'citers'])
        );
      const rows = await knex
        .from(ranked.as('r'))
        .join(`${articles.table} as a`, id, 'r.rowId')
        .where('r.place', '<=', perSource)
        .orderBy([{ column: 'r.sourceId' }, { column: 'r.place' }])
        .select({ sourceId: 'r.sourceId', documentId: 'r.documentId', citers: 'r.citers', title, slug });
      return rows.map((row: Record<string, unknown>) => ({
        sourceId: Number(row.sourceId),
        documentId: String(row.documentId),
        title: String(row.title ?? ''),
        slug: String(row.slug ?? ''),
        citers: Number(row.citers),
      }));
    },

    /** Sources in the scope, counted up to `cap + 1` (more than `cap` means "at least that many"). */
    async countInLibrary(scope: LibraryScope, cap: number): Promise<number> {
      return countUpTo(libraryFilters(scope), cap);
    },

    /**
     * Sources cited nowhere, by no draft and no published article, counted up to `cap + 1`, newest
     * first: `NOT EXISTS` on the link table's source index for each source from the newest, which
     * stops once it has found `cap + 1` (the newest sources are the ones not cited yet, more often
     * than not). The filter's `citedBy` join reads the whole link table before it can stop.
     */
    async countUncited(cap: number): Promise<number> {
      const knex = strapi.db.connection;
      const sources = modelTables(strapi, SOURCE_UID);
      const link = modelTables(strapi, ARTICLE_UID).link('citations');
      const id = `s.${sources.column('id')}`;
      const citing = knex(`${link.name} as l`)
        .select(knex.raw('1'))
        .whereRaw('?? = ??', [`l.${link.targetColumn}`, id]);
      const uncited = knex(`${sources.table} as s`)
        .select(id)
        .whereNotExists(citing)
        .orderBy(id, 'desc')
        .limit(cap + 1);
      const [row] = await knex.count({ n: '*' }).from(uncited.as('uncited'));
      return Number((row as { n: number | string }).n);
    },

    /**
     * On PostgreSQL with the `pg_trgm` extension (installed, or created here when the database
     * user may), a trigram index on each searched column as the search reads it (`lower(column)`):
     * a search matching a few sources reads them from the indexes, and the statistics PostgreSQL
     * keeps on the indexed expressions tell it when a search matches most of the library, so that it
     * reads the page in title order and stops after it instead of sorting every match. Elsewhere, or
     * without the extension, nothing happens: the search works the same, by scanning. Returns
     * whether the indexes are there.
     */
    async ensureSearchIndexes(): Promise<boolean> {
      const knex = strapi.db.connection;
      if (!/pg|postgres/i.test(String(knex.client.config?.client ?? ''))) return false;
      const installed = async () => (await knex.raw(`select 1 from pg_extension where extname = 'pg_trgm'`)).rows.length > 0;
      if (!(await installed())) {
        const available = (await knex.raw(`select 1 from pg_available_extensions where name = 'pg_trgm'`)).rows.length > 0;
        if (!available) return false;
        try {
          await knex.raw('create extension if not exists pg_trgm');
        } catch (error) {
          strapi.log.info(
            `[cited-articles] the Sources page's search goes without trigram indexes: pg_trgm could not be created (${(error as Error).message})`
          );
          return false;
        }
      }
      const sources = modelTables(strapi, SOURCE_UID);
      for (const field of SEARCHED_FIELDS) {
        const column = sources.column(field);
        await knex.raw(`create index if not exists ?? on ?? using gin (lower(??) gin_trgm_ops)`, [
          `${sources.table}_${column}_trgm_idx`,
          sources.table,
          column,
        ]);
      }
      return true;
    },

    // Imports and lookups.

    /**
     * The key, URL and DOI of every source, in one read (matching on normalised URLs and DOIs cannot
     * be a database condition). The Query Engine read joins the caller's transaction on its own
     * (strapi.db.transaction).
     */
    async importIdentities() {
      return (await query().findMany({ select: ['key', 'url', 'doi'] })) as ImportIdentity[];
    },

    /**
     * Writes a new source through the Document Service (its middlewares derive a missing key) and
     * returns its key and title. A plain record: without the host app's generated types the
     * Document Service knows no field.
     */
    async create(data: Record<string, unknown>) {
      // The key is derived when missing (middlewares/documents/generated-uids.ts), the title is required.
      return (await documents().create({ data, fields: ['key', 'title'] })) as WithFields<SourceRecord, 'key' | 'title'>;
    },

    /**
     * A new documentId, from the generator Strapi gives every content type's documentId (the
     * default of the attribute in its database model, @paralleldrive/cuid2's createId in Strapi 5):
     * the value a Document Service create would have stored.
     */
    newDocumentId(): string {
      const generate = (strapi.db.metadata.get(SOURCE_UID).attributes.documentId as { default?: unknown }).default;
      if (typeof generate !== 'function') throw new Error('Strapi gives the documentId attribute no generator');
      return String(generate());
    },

    /** Which of these keys a source has (in the caller's transaction). */
    async keysTaken(keys: string[]): Promise<string[]> {
      if (keys.length === 0) return [];
      return ((await query().findMany({ where: { key: { $in: keys } }, select: ['key'] })) as ImportIdentity[]).map((row) => row.key);
    },

    /**
     * Writes new sources in one statement (the Query Engine's createMany, in the caller's
     * transaction): rows already checked and complete (documentId, key, publishedAt, fingerprints),
     * as the import prepares them. Strapi fills createdAt and updatedAt and the schema's defaults;
     * the database lifecycles of createMany run (the response cache purges what the rows change),
     * the Document Service's middlewares and entry events do not.
     */
    async insertMany(rows: Array<Record<string, unknown>>): Promise<void> {
      if (rows.length > 0) await query().createMany({ data: rows });
    },

    /**
     * Removes sources an import created before one of its later writes failed: one statement per
     * 500 (the response cache purges each source's keys), no entry webhooks, as none were sent for
     * the creates.
     */
    async removeCreated(documentIds: string[]): Promise<void> {
      for (let start = 0; start < documentIds.length; start += REMOVE_CHUNK) {
        await query().deleteMany({ where: { documentId: { $in: documentIds.slice(start, start + REMOVE_CHUNK) } } });
      }
    },

    /**
     * Sources whose URL contains one of these hosts or whose DOI is this one (without case), oldest
     * first: the candidates a lookup then compares normalised. None asked, none read.
     */
    async lookupCandidates(hosts: string[], doi: string | null) {
      const or: SourceFilter[] = hosts.map((host) => ({ url: { $containsi: host } }));
      if (doi) or.push({ doi: { $eqi: doi } });
      if (or.length === 0) return [];
      return (await documents().findMany({
        filters: { $or: or },
        fields: ['url', 'doi'],
        sort: [{ id: 'asc' }],
        limit: LOOKUP_CANDIDATES,
      })) as SourceRecord[];
    },

    // The link check. The Query Engine, not the Document Service: a check is not an edit, so it
    // sends no entry webhooks; and updateMany, whose timestamps subscriber leaves updatedAt alone
    // when given one object, so the Sources page and the Content Manager do not show every source as
    // just edited. Each finding is written only while the source still holds what was checked: the
    // page was read seconds or minutes ago, and an editor may have changed the URL or set an archive
    // since.

    /** Up to `limit` sources past id `after`, in id order; only the ones named when `documentIds` is given. */
    async linkCheckPage(after: number, limit: number, documentIds?: string[]) {
      const where: Record<string, unknown> = { id: { $gt: after } };
      if (documentIds) where.documentId = { $in: documentIds };
      return (await query().findMany({
        where,
        select: ['id', 'documentId', 'url', 'archiveUrl', 'doi'],
        orderBy: { id: 'asc' },
        limit,
      })) as LinkCheckSource[];
    },

    /** Records what a check found about a source's link, if its URL is still the one checked. */
    async recordLinkFindings(source: LinkCheckSource, findings: LinkFindings): Promise<void> {
      await query().updateMany({ where: { id: source.id, url: source.url }, data: findings });
    },

    /** Sets an archived copy, if the URL is still the one checked and no archive was set meanwhile. */
    async setArchiveIfNone(source: LinkCheckSource, archiveUrl: string): Promise<void> {
      await query().updateMany({
        where: { id: source.id, url: source.url, $or: [{ archiveUrl: { $null: true } }, { archiveUrl: '' }] },
        data: { archiveUrl },
      });
    },

    /** Records what Crossref says of a source's DOI, if its DOI is still the one checked. */
    async recordRetraction(source: LinkCheckSource, findings: RetractionFindings): Promise<void> {
      await query().updateMany({ where: { id: source.id, doi: source.doi }, data: findings });
    },
  };
};

export type SourcesRepository = ReturnType<typeof sourcesRepository>;
