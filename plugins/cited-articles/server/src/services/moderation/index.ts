import type { Core } from '@strapi/strapi';
import { joinParts } from '../../utils/join-parts';
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

  return joinParts(queue, guard, limiter);
};

export type ModerationService = ReturnType<typeof createModerationService>;
