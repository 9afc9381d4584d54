import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentFingerprint } from '../../comments/duplicate-text';
import { countLinks, findBlockedWord } from '../../comments/text';
import { senderNetwork } from '../../utils/ip';
import { commentSettings } from '../../utils/settings';
import type { RateLimit } from './rate-limit';

export type HeldReason = 'honeypot' | 'links' | 'blocked-word' | null;

export interface CommentDraftForHold {
  content: string;
  authorName: string;
  authorEmail: string;
  honeypot?: string;
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * Cheap checks that run before a comment or a report is stored: who is sending (as a salted hash,
 * never the raw IP), flood control, duplicates, and what must be held for a moderator.
 */
export const createAbuseGuard = ({ strapi, limiter }: { strapi: Core.Strapi; limiter: RateLimit }) => {
  let derivedSalt: string | null = null;

  /** The configured salt, or one derived from the app's keys so that hashes survive restarts. */
  const salt = () => {
    const configured = commentSettings(strapi).ipHashSalt;
    if (configured) return configured;
    if (!derivedSalt) {
      const keys = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
      if (keys.length === 0) {
        strapi.log.warn('[cited-articles] no server.app.keys: IP hashes use a per-process salt');
        derivedSalt = crypto.randomBytes(32).toString('hex');
      } else {
        derivedSalt = crypto.createHmac('sha256', keys.join(',')).update('cited-articles:ip-hash').digest('hex');
      }
    }
    return derivedSalt;
  };

  /** Who reports: a logged-in user by id, anyone else (or the network itself) by IP hash. */
  const reporterHash = ({ userId, ipHash }: { userId?: number | string | null; ipHash: string }) => {
    const who = userId ? `user:${userId}` : `ip:${ipHash}`;
    return crypto.createHmac('sha256', salt()).update(who).digest('hex');
  };

  const rateLimit = () => limiter;

  // The same normalised text as the fingerprint the database compares (comments/duplicate-text.ts).
  const duplicateKeys = (articleDocumentId: string, content: string, senders: string[]) =>
    senders.map((sender) => sha256(`${contentFingerprint(articleDocumentId, content)}\u0000${sender}`));

  return {
    /** A keyed hash of the sender's network (see utils/ip.ts): stored and compared, never reversed. */
    hashIp(ip: string | undefined) {
      return crypto.createHmac('sha256', salt()).update(senderNetwork(ip)).digest('hex');
    },

    reporterHash,

    /** Flood control for new comments: 429 once the sender's budget for the window is spent. */
    async assertCommentBudget(ipHash: string) {
      const { rateLimit: limits } = commentSettings(strapi);
      const result = await rateLimit().consumeLimit('comments', ipHash, limits);
      if (!result.allowed) {
        throw new errors.RateLimitError(`Too many comments from your network. Try again in ${result.retryAfterSeconds} seconds.`, {
          retryAfterSeconds: result.retryAfterSeconds,
        });
      }
    },

    /**
     * Flood control for reports: the network's budget is spent by every report from it, and a
     * logged-in reader's own budget as well, so neither several accounts on one network nor one
     * account on several networks gets past `reportRateLimit`.
     */
    async assertReportBudget({ userId, ipHash }: { userId?: number | string | null; ipHash: string }) {
      const { reportRateLimit: limits } = commentSettings(strapi);
      const reporters = [reporterHash({ ipHash }), ...(userId ? [reporterHash({ userId, ipHash })] : [])];
      for (const reporter of reporters) {
        const result = await rateLimit().consumeLimit('reports', reporter, limits);
        if (!result.allowed) {
          throw new errors.RateLimitError(`Too many reports. Try again in ${result.retryAfterSeconds} seconds.`, {
            retryAfterSeconds: result.retryAfterSeconds,
          });
        }
      }
    },

    /**
     * Claims "this text, from this sender, on this article" for the duplicate window. The claim is
     * atomic (in memory or in Redis), so two identical requests sent at once cannot both pass.
     * Returns false when it is already claimed, and a release function otherwise.
     */
    async claimDuplicate(articleDocumentId: string, content: string, senders: string[]) {
      const limits = { points: 1, durationSeconds: commentSettings(strapi).duplicateWindowSeconds };
      const taken: string[] = [];
      const release = async () => {
        await Promise.all(taken.map((key) => rateLimit().releaseLimit('duplicates', key, limits)));
      };
      for (const key of duplicateKeys(articleDocumentId, content, senders)) {
        const result = await rateLimit().consumeLimit('duplicates', key, limits);
        if (!result.allowed) {
          await release();
          return null;
        }
        taken.push(key);
      }
      return release;
    },

    /** Why a comment must wait for a moderator whatever the moderation mode, or null. */
    holdReason({ content, authorName, authorEmail, honeypot }: CommentDraftForHold): HeldReason {
      const settings = commentSettings(strapi);
      if (honeypot) return 'honeypot';
      if (countLinks(content) + countLinks(authorName) > settings.maxLinks) return 'links';
      if (findBlockedWord([content, authorName, authorEmail], settings.blockedWords)) return 'blocked-word';
      return null;
    },
  };
};
