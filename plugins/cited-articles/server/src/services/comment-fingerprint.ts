import type { Core } from '@strapi/strapi';
import { contentFingerprint } from '../comments/duplicate-text';
import { COMMENT_UID } from '../utils/uids';

const BATCH = 500;

/**
 * Fills `contentFingerprint` on comments stored without one: those written before the field
 * existed, or by something other than a reader's post (demo content, scripts), which sets it
 * itself. The database's duplicate check compares this fingerprint, because SQL cannot apply the
 * duplicate normalisation (comments/duplicate-text.ts) portably; so the hashing happens here, in
 * batches, once at startup.
 */
const commentFingerprint = ({ strapi }: { strapi: Core.Strapi }) => ({
  async backfill() {
    const meta = strapi.db.metadata.get(COMMENT_UID);
    const column = (name: string) => (meta.attributes[name] as any).columnName ?? name;
    const [id, content, articleDocumentId, fingerprint] = ['id', 'content', 'articleDocumentId', 'contentFingerprint'].map(column);
    const knex = strapi.db.connection;
    let filled = 0;
    // Keyset pages by id: rows without an article (no documentId to hash with) stay unfilled and
    // must not be read again on every page.
    for (let after = 0; ; ) {
      const rows: any[] = await knex(meta.tableName)
        .select(id, content, articleDocumentId)
        .whereNull(fingerprint)
        .whereNotNull(articleDocumentId)
        .where(id, '>', after)
        .orderBy(id, 'asc')
        .limit(BATCH);
      if (rows.length === 0) break;
      await knex.transaction(async (trx) => {
        for (const row of rows) {
          await trx(meta.tableName)
            .where(id, row[id])
            .update({ [fingerprint]: contentFingerprint(row[articleDocumentId], row[content] ?? '') });
        }
      });
      filled += rows.length;
      after = rows[rows.length - 1][id];
    }
    if (filled > 0) strapi.log.info(`[cited-articles] stored duplicate fingerprints on ${filled} comments`);
    return filled;
  },
});

export default commentFingerprint;
