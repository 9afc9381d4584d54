import type { Core } from '@strapi/strapi';
import { COMMENT_REPORT_UID, COMMENT_UID } from '../../../shared/uids';
import { modelTables } from './model';
import { updateEach } from './update-each';

/** A page's order: oldest or newest first. */
export type SortOrder = 'asc' | 'desc';

/** One of a thread's first replies, as the listing reads it from the index. */
export interface ThreadEntry {
  threadRoot: string;
  documentId: string;
}

/** A comment without its duplicate fingerprint, with what computing one needs. */
export interface UnfingerprintedComment {
  id: number;
  articleDocumentId: string;
  content: string | null;
}

/** A comment whose article-version key is still to be written. */
export interface UnversionedComment {
  id: number;
  documentId: string;
  locale: string;
}

/** A count row as the drivers return it: a string on PostgreSQL and MySQL, a number on SQLite. */
type Counted = string | number;

/**
 * The statements of the comment aggregate (comments and their reports) that the Query Engine cannot
 * say: index-shaped pages and counts, counters incremented in the database, startup backfills and
 * housekeeping, in knex. Tables and columns come from Strapi's metadata (model.ts); the statements
 * are the ones the indexes of comment-pages and comment-counts were designed for, so their shape
 * matters (see services/comments/pages.ts). Every method runs one statement unless it says so.
 * Part of the comments repository (comments.ts), which is what services import.
 */
export const commentsSql = (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const comments = modelTables(strapi, COMMENT_UID);
  const col = comments.columns([
    'id',
    'documentId',
    'content',
    'status',
    'depth',
    'threadRoot',
    'createdAt',
    'deleted',
    'reportCount',
    'articleDocumentId',
    'articleLocale',
    'articleVersion',
    'contentFingerprint',
  ]);

  // A thread's approved replies that the public may see at the configured depth (roots have no
  // thread root, so they are never among them).
  const repliesOf = (rootId: string, maxDepth: number) =>
    knex(comments.table)
      .where({ [col.threadRoot]: rootId, [col.status]: 'approved' })
      .whereBetween(col.depth, [1, maxDepth]);
  const oldestFirst = [{ column: col.createdAt }, { column: col.id }];

  return {
    /**
     * Ids of one page of an article version's approved root comments, in order. Ids only: the
     * listing index holds them, so the rows an OFFSET skips are read from the index alone (an index
     * only scan), where any other column would fetch each skipped row from the table (the last page
     * of a 100,000-comment thread: 17 ms against 380 ms on PostgreSQL). The page's rows are read
     * by id afterwards.
     */
    async rootPage(articleVersion: string, { offset, limit, order }: { offset: number; limit: number; order: SortOrder }): Promise<number[]> {
      const rows: Array<{ id: number | string }> = await knex(comments.table)
        .where({ [col.articleVersion]: articleVersion, [col.status]: 'approved', [col.depth]: 0 })
        .orderBy([
          { column: col.createdAt, order },
          { column: col.id, order },
        ])
        .offset(offset)
        .limit(limit)
        .select(`${col.id} as id`);
      return rows.map((row) => Number(row.id));
    },

    /** The oldest `limit` approved replies of each thread: a UNION ALL of one LIMITed branch per thread. */
    async firstReplies(rootIds: string[], { limit, maxDepth }: { limit: number; maxDepth: number }): Promise<ThreadEntry[]> {
      const branch = (rootId: string, index: number) =>
        knex
          .select('*')
          .from(
            repliesOf(rootId, maxDepth)
              .orderBy(oldestFirst)
              .limit(limit)
              .select(`${col.threadRoot} as threadRoot`, `${col.documentId} as documentId`, `${col.createdAt} as createdAt`, col.id)
              .as(`t${index}`)
          );
      const [first, ...rest] = rootIds.map(branch);
      const rows: ThreadEntry[] = await (rest.length > 0 ? first.unionAll(rest) : first);
      return rows.map((row) => ({ threadRoot: row.threadRoot, documentId: row.documentId }));
    },

    /** Ids of one page of a thread's approved replies, oldest first (ids only, as rootPage: from the index alone). */
    async replyPage(rootId: string, { offset, limit, maxDepth }: { offset: number; limit: number; maxDepth: number }): Promise<number[]> {
      const rows: Array<{ id: number | string }> = await repliesOf(rootId, maxDepth)
        .orderBy(oldestFirst)
        .offset(offset)
        .limit(limit)
        .select(`${col.id} as id`);
      return rows.map((row) => Number(row.id));
    },

    /** Approved replies (depth 1 to maxDepth) per thread root, for the threads that have any. */
    async replyCounts(rootIds: string[], { maxDepth }: { maxDepth: number }): Promise<Array<{ threadRoot: string; count: number }>> {
      const rows: Array<{ threadRoot: string; count: Counted }> = await knex(comments.table)
        .whereIn(col.threadRoot, rootIds)
        .where(col.status, 'approved')
        .whereBetween(col.depth, [1, maxDepth])
        .groupBy(col.threadRoot)
        .select(`${col.threadRoot} as threadRoot`)
        .count({ count: '*' });
      return rows.map((row) => ({ threadRoot: row.threadRoot, count: Number(row.count) }));
    },

    /**
     * Per article version, its approved root entries (a placeholder kept for its replies is one) and
     * the approved comments readers can read (a comment its author deleted is not), in one grouped
     * pass over the (article_version, status, …, deleted) index; versions with none are absent.
     */
    async approvedCountsByVersion(versions: string[]): Promise<Array<{ version: string; roots: number; all: number }>> {
      if (versions.length === 0) return [];
      const rows: Array<{ version: string; roots?: Counted | null; total?: Counted | null }> = await knex(comments.table)
        .whereIn(col.articleVersion, versions)
        .where(col.status, 'approved')
        .groupBy(col.articleVersion)
        .select(
          `${col.articleVersion} as version`,
          knex.raw('COALESCE(SUM(CASE WHEN ?? THEN 0 ELSE 1 END), 0) as ??', [col.deleted, 'total']),
          knex.raw('COALESCE(SUM(CASE WHEN ?? = 0 THEN 1 ELSE 0 END), 0) as ??', [col.depth, 'roots'])
        );
      return rows.map((row) => ({ version: row.version, roots: Number(row.roots ?? 0), all: Number(row.total ?? 0) }));
    },

    /**
     * On PostgreSQL, statistics on the moderation queue's searched expressions (`lower(content)`,
     * `lower(author_name)`, `lower(author_email)`, as `$containsi` reads them), so that the planner
     * knows how many comments a search matches. Without them it guesses a handful for any
     * `LIKE '%…%'` and sorts every comment of the status to find the newest 25 (460 ms for the 50,000
     * pending comments of a news site); with them a search matching most comments reads the queue's
     * index in order and stops after the page (under a millisecond). Creating one is a catalogue
     * entry; when one was created on a table holding rows, the table is analysed once (a sample of
     * at most 30,000 rows, whatever its size) so that it is filled now rather than at autovacuum's
     * next analyse. Elsewhere nothing happens. Returns whether the statistics are there.
     */
    async ensureSearchStatistics(): Promise<boolean> {
      if (!/pg|postgres/i.test(String(knex.client.config?.client ?? ''))) return false;
      const { rows: version } = await knex.raw(`select current_setting('server_version_num')::int as n`);
      // Statistics on expressions came with PostgreSQL 14.
      if (Number(version[0]?.n) < 140000) return false;
      const searched = comments.columns(['content', 'authorName', 'authorEmail']);
      const names = Object.values(searched).map((column) => `${comments.table}_${column}_lower_stx`);
      const { rows: existing } = await knex.raw(`select stxname from pg_statistic_ext where stxname = any(?)`, [names]);
      const missing = Object.values(searched).filter((_, index) => !existing.some((row: { stxname: string }) => row.stxname === names[index]));
      if (missing.length === 0) return true;
      for (const column of missing) {
        await knex.raw(`create statistics if not exists ?? on (lower(??)) from ??`, [
          `${comments.table}_${column}_lower_stx`,
          column,
          comments.table,
        ]);
      }
      const { rows: size } = await knex.raw(`select reltuples from pg_class where oid = to_regclass(?)`, [comments.table]);
      if (Number(size[0]?.reltuples ?? 0) > 0) await knex.raw(`analyze ??`, [comments.table]);
      return true;
    },

    /** Adds one to a comment's report count in SQL, so that simultaneous reports each add one. */
    async incrementReportCount(documentId: string): Promise<void> {
      await knex(comments.table)
        .where(col.documentId, documentId)
        .update({ [col.reportCount]: knex.raw('COALESCE(??, 0) + 1', [col.reportCount]) });
    },

    /**
     * Deletes reports whose comment is gone (their link went with it). Two statements: the ids are
     * read first and deleted by primary key, because a DELETE with the subquery locks ranges of both
     * tables, which deadlocks on MariaDB against reports being written. Returns how many went.
     */
    async deleteOrphanReports(): Promise<number> {
      const reports = modelTables(strapi, COMMENT_REPORT_UID);
      const link = reports.link('comment');
      const reportId = reports.column('id');
      const orphans: number[] = await knex(reports.table).whereNotIn(reportId, knex(link.name).select(link.ownerColumn)).pluck(reportId);
      if (orphans.length > 0) await knex(reports.table).whereIn(reportId, orphans).del();
      return orphans.length;
    },

    /**
     * Copies, onto comments missing them, the documentId and locale of the article version their
     * `article` link points to (one UPDATE with correlated subqueries). Returns the rows updated.
     */
    async copyLinkedArticle(): Promise<number> {
      const link = comments.link('article');
      const articles = modelTables(strapi, comments.target('article'));
      const ownId = `${comments.table}.${col.id}`;
      const ofArticle = (column: string) =>
        knex(`${link.name} as l`)
          .join(`${articles.table} as a`, `a.${articles.column('id')}`, `l.${link.targetColumn}`)
          .whereRaw('?? = ??', [`l.${link.ownerColumn}`, ownId])
          .min(`a.${column}`);
      return knex(comments.table)
        .where((missing) => missing.whereNull(col.articleDocumentId).orWhereNull(col.articleLocale))
        .whereExists(knex(link.name).whereRaw('?? = ??', [`${link.name}.${link.ownerColumn}`, ownId]))
        .update({
          [col.articleDocumentId]: ofArticle(articles.column('documentId')),
          [col.articleLocale]: ofArticle(articles.column('locale')),
        });
    },

    /** Up to `limit` comments that have their article's documentId and locale but no version key. */
    async unversioned(limit: number): Promise<UnversionedComment[]> {
      return knex(comments.table)
        .whereNull(col.articleVersion)
        .whereNotNull(col.articleDocumentId)
        .whereNotNull(col.articleLocale)
        .limit(limit)
        .select(`${col.id} as id`, `${col.articleDocumentId} as documentId`, `${col.articleLocale} as locale`);
    },

    /** Writes one article-version key on many comments. */
    async setArticleVersion(ids: number[], articleVersion: string): Promise<void> {
      await knex(comments.table)
        .whereIn(col.id, ids)
        .update({ [col.articleVersion]: articleVersion });
    },

    /**
     * Up to `limit` comments past id `after`, in id order, that have an article but no duplicate
     * fingerprint (keyset pages: rows without an article stay unfilled and are not read again).
     */
    async unfingerprinted(after: number, limit: number): Promise<UnfingerprintedComment[]> {
      return knex(comments.table)
        .select(`${col.id} as id`, `${col.content} as content`, `${col.articleDocumentId} as articleDocumentId`)
        .whereNull(col.contentFingerprint)
        .whereNotNull(col.articleDocumentId)
        .where(col.id, '>', after)
        .orderBy(col.id, 'asc')
        .limit(limit);
    },

    /** Stores fingerprints by comment id, in one statement. */
    async setFingerprints(fingerprints: Array<{ id: number; fingerprint: string }>): Promise<void> {
      await updateEach(
        knex,
        comments.table,
        col.id,
        fingerprints.map(({ id, fingerprint }) => ({ id, values: { [col.contentFingerprint]: fingerprint } }))
      );
    },
  };
};
