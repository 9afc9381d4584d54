import type { Core } from '@strapi/strapi';
import { ALL_KEY, keysForArticle, keysForComment, keysForSource } from '../../http-cache/keys';
import { ARTICLE_UID, COMMENT_UID, SOURCE_UID } from '../../../../shared/uids';
import type { CachePurge } from './purge';

type Row = Record<string, unknown>;
type KeysOf = (row: Row | null | undefined) => string[];

/**
 * What these subscribers read of a database lifecycle event (@strapi/database's Event, whose
 * params and result the Query Engine leaves untyped): the action, the written data or the `where`
 * of a *Many write, the row written, and the state a before-hook hands to its after-hook.
 */
interface WriteEvent {
  action: string;
  params?: { data?: unknown; where?: unknown };
  result?: unknown;
  state?: { cachedRows?: Row[] | null };
}

// What each model's keys are made from, and the rows a *Many write touches beyond which
// everything is purged instead (a bulk write that large is rare and the lookup would cost more).
const MODELS: Record<string, { keysOf: KeysOf; fields: string[] }> = {
  [ARTICLE_UID]: { keysOf: keysForArticle, fields: ['documentId'] },
  [SOURCE_UID]: { keysOf: keysForSource, fields: ['documentId', 'key'] },
  [COMMENT_UID]: { keysOf: keysForComment, fields: ['documentId', 'articleDocumentId', 'threadRoot', 'status'] },
};
const MANY_LOOKUP_LIMIT = 500;

/**
 * Whether a write to this row can change what readers see. Comments are public only when approved:
 * creating or editing one that is not approved, without changing its status, changes nothing.
 */
const isVisibleWrite = (uid: string, event: WriteEvent, row: Row | null | undefined) => {
  if (uid !== COMMENT_UID || event.action.endsWith('Delete') || event.action.endsWith('DeleteMany')) return true;
  const data = event.params?.data;
  const setsStatus = data && typeof data === 'object' && 'status' in data;
  return row?.status === 'approved' || (setsStatus && event.action !== 'afterCreate' && event.action !== 'afterCreateMany');
};

/**
 * Maps changes to what they make stale (http-cache/keys.ts) and has purge.ts purge
 * it, once the change is committed: purged earlier, a cache could refetch the old version and keep
 * it. Database lifecycles see every write (Document Service, Query Engine, the Content Manager,
 * publish and unpublish, which create and delete the published row): articles published,
 * unpublished, updated or deleted, sources written or deleted, comments approved, rejected, edited
 * or deleted. Draft-only writes purge too; that costs a refetch, never a stale read.
 */
export const createCacheInvalidation = ({ strapi, purges }: { strapi: Core.Strapi; purges: CachePurge }) => {
  const purge = (keys: string[]) => purges.purge(keys);

  /** Runs `work` after the current transaction commits (at once outside one; never on rollback). */
  const afterCommit = async (work: () => void) => {
    if (!strapi.db.inTransaction()) return work();
    // Joins the open transaction: its commit callbacks are the outer transaction's.
    await strapi.db.transaction(async ({ onCommit }) => {
      onCommit(work);
    });
  };

  const onWrite = (uid: string, keysOf: KeysOf) => async (event: WriteEvent) => {
    // A write may select only some fields back (the public comment route does): what it wrote
    // fills the rest (a comment's articleDocumentId and threadRoot).
    const data = event.params?.data && typeof event.params.data === 'object' ? event.params.data : {};
    const row: Row = { ...data, ...(event.result && typeof event.result === 'object' ? event.result : {}) };
    if (!isVisibleWrite(uid, event, row)) return;
    const keys = keysOf(row);
    await afterCommit(() => purge(keys));
  };

  // updateMany and deleteMany name rows by a `where`: the rows are read before the write (after a
  // delete they are gone, after an update the `where` may no longer match them).
  const beforeManyWrite = (uid: string, fields: string[]) => async (event: WriteEvent) => {
    const where = event.params?.where;
    const rows: Row[] | null = where ? await strapi.db.query(uid).findMany({ where, select: fields, limit: MANY_LOOKUP_LIMIT + 1 }) : null;
    event.state = { ...(event.state ?? {}), cachedRows: rows && rows.length <= MANY_LOOKUP_LIMIT ? rows : null };
  };

  // createMany names its rows by their data: those that hold what the keys are made of (an
  // import's sources carry their documentId and key) are purged by their keys.
  const createdRows = (uid: string, event: WriteEvent): Row[] | null => {
    const data = event.params?.data;
    if (!Array.isArray(data) || data.length > MANY_LOOKUP_LIMIT) return null;
    const complete = data.every((row) => row && typeof row === 'object' && MODELS[uid].fields.every((field) => (row as Row)[field] != null));
    return complete ? (data as Row[]) : null;
  };

  const afterManyWrite = (uid: string, keysOf: KeysOf) => async (event: WriteEvent) => {
    const read = event.action === 'afterCreateMany' ? createdRows(uid, event) : (event.state?.cachedRows ?? null);
    const rows = read ? read.filter((row) => isVisibleWrite(uid, event, row)) : null;
    // createMany of rows without those fields, or too many rows: everything the plugin serves is
    // purged, never too little.
    const keys = rows ? rows.flatMap((row) => keysOf(row)) : [ALL_KEY];
    if (rows && rows.length === 0) return;
    await afterCommit(() => purge(keys));
  };

  return {
    /** Subscribes to the database lifecycles of articles, sources and comments (bootstrap). */
    subscribe() {
      for (const [uid, { keysOf, fields }] of Object.entries(MODELS)) {
        strapi.db.lifecycles.subscribe({
          models: [uid],
          afterCreate: onWrite(uid, keysOf),
          afterUpdate: onWrite(uid, keysOf),
          afterDelete: onWrite(uid, keysOf),
          afterCreateMany: afterManyWrite(uid, keysOf),
          beforeUpdateMany: beforeManyWrite(uid, fields),
          afterUpdateMany: afterManyWrite(uid, keysOf),
          beforeDeleteMany: beforeManyWrite(uid, fields),
          afterDeleteMany: afterManyWrite(uid, keysOf),
        });
      }
    },
  };
};
