import type { Core } from '@strapi/strapi';
import { articleVersionKey } from '../../comments/article-version';
import { commentsRepository } from '../../repositories/comments';
import { ALL_KEY } from '../../http-cache/keys';
import { getService } from '../../utils/get-service';
import { COMMENT_UID } from '../../../../shared/uids';

const BACKFILL_BATCH = 1000;

/** What the lifecycle reads of a comment write: the data written and the row's id. */
interface WriteEvent {
  params?: { data?: Record<string, unknown> };
  result?: { id?: number } | null;
}

/**
 * Keeps each comment's `articleDocumentId` and `articleLocale` equal to the documentId and locale of
 * the article version it is linked to, and `articleVersion` equal to both in one value (see
 * comments/article-version.ts). Articles are localized: a comment belongs to one localized version
 * (a thread per locale), and `articleVersion` is what counts and pages filter on.
 *
 * The relation lives in a link table that joins a comment to every version (draft and published
 * row) of its article, so counting or paging an article's comments through it means a join and a
 * DISTINCT over all of the article's comments: on an article with 100,000 comments that is hundreds
 * of milliseconds per request, and on PostgreSQL the planner may walk every approved comment of
 * every article even for an article with none. A copy of the documentId on the comment row (an
 * article's documentId never changes) lets one composite index answer both the count and the page.
 *
 * The link table stays the source of truth. The plugin's own writes set the copy directly; any other
 * create or update that sets `article` (Document Service, Query Engine) is caught by a database
 * lifecycle, and rows written before the column existed are filled once at startup.
 */
export const createCommentArticleRef = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Re-reads the comment's article through the relation and stores its documentId. */
  const sync = async (id: number) => {
    // Query Engine reads and writes: they run inside the caller's transaction, so they see the link
    // rows just written.
    const comments = commentsRepository(strapi);
    const row = await comments.articleLinkOf(id);
    if (!row) return;
    const articleDocumentId = row.article?.documentId ?? null;
    const articleLocale = row.article?.locale ?? null;
    const articleVersion = articleDocumentId && articleLocale ? articleVersionKey(articleDocumentId, articleLocale) : null;
    if (row.articleDocumentId !== articleDocumentId || row.articleLocale !== articleLocale || row.articleVersion !== articleVersion) {
      await comments.update(id, { articleDocumentId, articleLocale, articleVersion });
    }
  };

  return {
    /** Keeps the comment's copy of its article's documentId, locale and version on writes from any API. */
    subscribeArticleRef(): void {
      // A write that sets `article` without the copy (anything but the plugin's own posting).
      const resync = async (event: WriteEvent) => {
        const data = event.params?.data ?? {};
        const copied = data.articleDocumentId !== undefined && data.articleLocale !== undefined && data.articleVersion !== undefined;
        if (data.article !== undefined && !copied && event.result?.id) {
          await sync(event.result.id);
        }
      };
      strapi.db.lifecycles.subscribe({ models: [COMMENT_UID], afterCreate: resync, afterUpdate: resync });
    },

    /**
     * Fills the copies on comments that have an article but no copy yet (run at startup); returns
     * how many were linked. Comments written before articles were localized get the locale of the
     * article version they link to (Strapi gives the existing articles the default locale when
     * localization is turned on).
     */
    async backfillArticleRefs(): Promise<number> {
      const comments = commentsRepository(strapi);
      const updated = await comments.copyLinkedArticle();
      if (updated > 0) strapi.log.info(`[cited-articles] linked ${updated} comments to their article's documentId`);

      // The combined key, in batches, grouped by article version (one UPDATE per version in a batch).
      let versioned = 0;
      for (;;) {
        const rows = await comments.unversioned(BACKFILL_BATCH);
        if (rows.length === 0) break;
        const byVersion = new Map<string, number[]>();
        for (const row of rows) {
          const key = articleVersionKey(row.documentId, row.locale);
          byVersion.set(key, [...(byVersion.get(key) ?? []), row.id]);
        }
        for (const [key, ids] of byVersion) await comments.setArticleVersion(ids, key);
        versioned += rows.length;
      }
      // These writes are plain SQL, which no lifecycle sees: answers cached from before are dropped,
      // and the approved-comment counts kept per article are counted again (tallies.ts).
      if (updated > 0 || versioned > 0) {
        getService('caching', { strapi }).purge([ALL_KEY]);
        await getService('comments', { strapi }).markAllTalliesStale();
      }
      return updated;
    },
  };
};
