import type { Core } from '@strapi/strapi';
import { contentFingerprint } from '../../comments/duplicate-text';
import { commentsRepository } from '../../repositories/comments';
import { backfillInPages } from '../../utils/backfill-pages';

const BATCH = 500;

/**
 * Fills `contentFingerprint` on comments stored without one: those written before the field
 * existed, or by something other than a reader's post (demo content, scripts), which sets it
 * itself. The database's duplicate check compares this fingerprint, because SQL cannot apply the
 * duplicate normalisation (comments/duplicate-text.ts) portably; so the hashing happens here, in
 * batches, once at startup.
 */
export const createCommentFingerprint = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Stores duplicate fingerprints on comments without one (startup); returns how many. */
  async backfillFingerprints(): Promise<number> {
    const comments = commentsRepository(strapi);
    // Rows without an article (no documentId to hash with) stay unfilled, and are not read again.
    const filled = await backfillInPages(
      (after) => comments.unfingerprinted(after, BATCH),
      (rows) =>
        comments.setFingerprints(rows.map((row) => ({ id: row.id, fingerprint: contentFingerprint(row.articleDocumentId, row.content ?? '') })))
    );
    if (filled > 0) strapi.log.info(`[cited-articles] stored duplicate fingerprints on ${filled} comments`);
    return filled;
  },
});
