import type { Core } from '@strapi/strapi';
import { createAbuseGuard } from './abuse-guard';
import { createCommentModeration } from './comments';
import { createRateLimit } from './rate-limit';

export { toAdminComment } from './comments';
export type { CommentDraftForHold, HeldReason } from './abuse-guard';
export type { ModerationFilters } from './comments';
export type { ConsumeResult, Limits } from './rate-limit';

/**
 * Moderation: the admin's comment queue and decisions (comments.ts), the checks a comment or a
 * report passes before it is stored (abuse-guard.ts) and the counters they use (rate-limit.ts).
 */
export const createModerationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const limiter = createRateLimit({ strapi });
  const guard = createAbuseGuard({ strapi, limiter });
  const queue = createCommentModeration({ strapi });

  return {
    /** The moderation queue's page, with the count per status. */
    listComments: queue.list,
    /** A comment with its article, its whole thread and its reports. */
    findComment: queue.findOne,
    /** Approves, rejects or marks as spam one or many comments. */
    setStatus: queue.setStatus,
    /** Deletes comments with their replies and reports; returns the documentIds deleted. */
    deleteComments: queue.delete,

    hashIp: guard.hashIp,
    reporterHash: guard.reporterHash,
    assertCommentBudget: guard.assertCommentBudget,
    assertReportBudget: guard.assertReportBudget,
    /** A function that gives the claim back, or null when the text is claimed already. */
    claimDuplicate: guard.claimDuplicate,
    /** Why a comment must wait for a moderator whatever the moderation mode, or null. */
    holdReason: guard.holdReason,

    consumeLimit: limiter.consume,
    releaseLimit: limiter.release,
    /** Connects the counters to Redis when `comments.redisUrl` is set (bootstrap). */
    connect: limiter.connect,
    destroy: limiter.destroy,
  };
};

export type ModerationService = ReturnType<typeof createModerationService>;
