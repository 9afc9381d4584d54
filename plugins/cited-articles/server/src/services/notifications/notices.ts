import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { moderatorDigest, replyNotice } from '../../notifications/templates';
import { addressHash, signUnsubscribeToken, verifyUnsubscribeToken } from '../../notifications/unsubscribe-token';
import { COMMENT_EVENTS } from '../../comments/events';
import { articlesRepository } from '../../repositories/articles';
import { commentsRepository } from '../../repositories/comments';
import { notificationOptOutsRepository } from '../../repositories/notification-optouts';
import { ACTIONS } from '../../../../shared/actions';
import { getService } from '../../utils/get-service';
import { notificationSettings, publicationSettings } from '../../utils/settings';
import { PLUGIN_ID } from '../../../../shared/uids';
import type { Mailer } from './mailer';

const DIGEST_KEY = 'moderator-digest';
const MINUTE_MS = 60 * 1000;
const withoutTrailingSlash = (url: string) => (url.endsWith('/') ? url.slice(0, -1) : url);
/** The most comments one digest lists; the moderation page has the rest. */
const DIGEST_LIMIT = 50;

/**
 * Email notifications: a digest to moderators when comments wait for them, and a note to a reader
 * whose comment was answered. All work happens after the response (setImmediate, timers), and
 * sending goes through the mailer (retried, never failing a request). Addresses are read here and
 * handed to the email plugin; they are never put in a response, an event or a link.
 *
 * The digest: at most one email per `moderatorDigestMinutes` across all instances on the database.
 * The time of the last one is kept in the plugin store, so a restart does not send early; the
 * comments listed are those that started waiting (`heldAt`) since then and still wait when it is
 * sent, so a comment rejected meanwhile is not listed, and no email goes out when none is left.
 * A run holds the task lock `moderator-digest` (task-lock.ts) for half a period at most, reads
 * the time of the last digest under it, and records its own only once the mail server accepted the
 * mails: two instances whose timers fire together send one digest, and consecutive digests cover
 * consecutive windows of `heldAt`, so no comment is in two or in none. The instance that heard of a
 * waiting comment sends when the digest is due; every instance also checks every half period and
 * takes over a digest overdue by half a period (its sender was killed mid-run: its lock has
 * expired by then), so an abandoned digest goes out within one period.
 */
/**
 * What the store keeps of the digests: when the last one was sent, and the comments listed in those
 * of the last LATE_COMMIT_MS ([documentId, heldAt] pairs), which the next one leaves out.
 */
interface DigestState {
  lastSentAt: string | null;
  listed: Array<[string, string]>;
}

/**
 * How far back a digest looks before the previous one's cutoff. A comment's heldAt is the time its
 * instance set it, before its INSERT commits: one committed after a digest read the rows, or by an
 * instance whose clock is behind, has a heldAt before that digest's cutoff. Without the overlap it
 * would be in no digest; the comments already listed are left out by their [documentId, heldAt].
 */
const LATE_COMMIT_MS = 60 * 1000;

/** What the listener reads of a comment event's payload (services/comments/events.ts). */
interface CommentEventPayload {
  comment?: { documentId?: string; status?: string; parent?: string | null } | null;
}

export const createNotices = ({ strapi, mailer }: { strapi: Core.Strapi; mailer: Mailer }) => {
  let digestTimer: NodeJS.Timeout | null = null;
  const pollTimers = new Set<NodeJS.Timeout>();
  let digestBusy = false;
  let digestAgain = false;
  let stopped = false;
  let secret: string | null = null;
  const unsubscribeHooks: Array<() => void> = [];

  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const optOuts = notificationOptOutsRepository(strapi);

  /** The key of unsubscribe tokens and address hashes, derived from the app's keys. */
  const key = () => {
    if (!secret) {
      const keys = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
      const base = keys.length > 0 ? keys.join(',') : String(strapi.config.get('admin.auth.secret') ?? '');
      if (!base) throw new Error('no server.app.keys or admin.auth.secret to sign unsubscribe links with');
      secret = crypto.createHmac('sha256', base).update('cited-articles:notifications').digest('hex');
    }
    return secret;
  };

  /** Runs `work` after the current request, logging (never throwing) a failure. */
  const afterResponse = (what: string, work: () => Promise<void>) => {
    setImmediate(() => {
      if (stopped) return;
      work().catch((error: Error) => strapi.log.error(`[cited-articles] ${what}: ${error.message}`));
    });
  };

  const digestState = async (): Promise<DigestState> => {
    const value = (await store().get({ key: DIGEST_KEY })) as Partial<DigestState> | null;
    return { lastSentAt: value?.lastSentAt ?? null, listed: Array.isArray(value?.listed) ? value.listed : [] };
  };
  const lastDigestAt = async (): Promise<number> => {
    const { lastSentAt } = await digestState();
    return lastSentAt ? new Date(lastSentAt).getTime() : 0;
  };

  /** Active admins whose role may moderate comments (Super Admins always may), or the configured addresses. */
  const moderatorAddresses = async (): Promise<string[]> => {
    const { moderatorEmails } = notificationSettings(strapi);
    if (moderatorEmails.length > 0) return moderatorEmails;
    const users: Array<{ email: string | null }> = await strapi.db.query('admin::user').findMany({
      where: {
        isActive: true,
        $or: [{ blocked: false }, { blocked: { $null: true } }],
        roles: { $or: [{ code: 'strapi-super-admin' }, { permissions: { action: ACTIONS.moderateComments } }] },
      },
      select: ['email'],
    });
    return [...new Set(users.map((user) => user.email).filter((email): email is string => Boolean(email)))];
  };

  const moderationUrl = () =>
    `${withoutTrailingSlash(String(strapi.config.get('admin.absoluteUrl') ?? ''))}/plugins/${PLUGIN_ID}/comments?status=pending`;

  const periodMs = () => notificationSettings(strapi).moderatorDigestMinutes * MINUTE_MS;
  // A run's lease: half a period (at most five minutes), so that a takeover comes within one period.
  const leaseMs = () => Math.max(500, Math.min(periodMs() / 2, 5 * MINUTE_MS));

  /** Sends the digest of what started waiting since the last one; records it once accepted. */
  const sendDigest = async (state: DigestState) => {
    const since = state.lastSentAt ? new Date(state.lastSentAt).getTime() - LATE_COMMIT_MS : 0;
    const cutoff = new Date();
    const listedKey = (documentId: unknown, heldAt: unknown) => `${String(documentId)}@${new Date(heldAt as string).toISOString()}`;
    const already = new Set(state.listed.map(([documentId, heldAt]) => listedKey(documentId, heldAt)));
    const found = await commentsRepository(strapi).heldBetween(new Date(since), cutoff, DIGEST_LIMIT + already.size);
    const rows = found.filter((row) => !already.has(listedKey(row.documentId, row.heldAt))).slice(0, DIGEST_LIMIT);
    if (rows.length === 0) return;
    const articleIds = [...new Set(rows.map((row) => row.articleDocumentId).filter((id): id is string => Boolean(id)))];
    const articles = await articlesRepository(strapi).titlesOf(articleIds);
    const titles = new Map(articles.map((article) => [article.documentId, article.title]));
    const mail = moderatorDigest(
      rows.map((row) => ({
        authorName: row.authorName ?? null,
        content: row.content ?? '',
        articleTitle: (row.articleDocumentId ? titles.get(row.articleDocumentId) : undefined) ?? null,
        reason: row.heldReason ?? null,
      })),
      moderationUrl()
    );
    const recipients = await moderatorAddresses();
    const sent = await Promise.allSettled(recipients.map((to) => mailer.deliver({ to, ...mail })));
    const failed = sent.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    for (const failure of failed) strapi.log.error(`[cited-articles] moderator digest: ${(failure.reason as Error).message}`);
    // Nobody got it: the same window is sent by the next run. One address refusing does not hold
    // back the others' digests for good.
    if (recipients.length > 0 && failed.length === recipients.length) return;
    const keepFrom = cutoff.getTime() - LATE_COMMIT_MS;
    const listed: Array<[string, string]> = [
      ...state.listed,
      ...rows.map((row): [string, string] => [String(row.documentId), new Date(row.heldAt as unknown as string).toISOString()]),
    ].filter(([, heldAt]) => new Date(heldAt).getTime() > keepFrom);
    const value: DigestState = { lastSentAt: cutoff.toISOString(), listed };
    await store().set({ key: DIGEST_KEY, value });
  };

  /**
   * One digest run under the task lock, if one is due (`overdueMs` later than due for a takeover
   * check). 'busy': another instance runs it; 'later': not due; 'done': sent, or nothing to send.
   */
  const runDigest = async (overdueMs = 0): Promise<'busy' | 'later' | 'done'> => {
    if (Date.now() < (await lastDigestAt()) + periodMs() + overdueMs) return 'later';
    const release = await getService('platform', { strapi }).acquireLock(DIGEST_KEY, leaseMs());
    if (!release) return 'busy';
    try {
      // Read again under the lock: another instance may have sent it since.
      const state = await digestState();
      if (state.lastSentAt && Date.now() < new Date(state.lastSentAt).getTime() + periodMs()) return 'later';
      await sendDigest(state);
      return 'done';
    } finally {
      await release();
    }
  };

  /** Runs the digest when it is due (never two runs at once in this process). */
  const scheduleDigest = async () => {
    if (digestTimer || stopped) return;
    if (digestBusy) {
      digestAgain = true;
      return;
    }
    const due = (await lastDigestAt()) + periodMs();
    if (digestTimer || stopped) return;
    digestTimer = setTimeout(
      () => {
        digestTimer = null;
        digestBusy = true;
        runDigest()
          .then((outcome) => {
            // Another instance holds the lock or sent one meanwhile: look again when it may be due.
            if (outcome !== 'done') digestAgain = true;
          })
          .catch((error: Error) => strapi.log.error(`[cited-articles] moderator digest: ${error.message}`))
          .finally(() => {
            digestBusy = false;
            if (digestAgain) {
              digestAgain = false;
              const wait = setTimeout(() => {
                pollTimers.delete(wait);
                afterResponse('moderator digest', scheduleDigest);
              }, leaseMs());
              wait.unref();
              pollTimers.add(wait);
            }
          });
      },
      Math.max(0, due - Date.now())
    );
    digestTimer.unref();
  };

  /** Every half period: takes over a digest overdue by half a period (see the header). */
  const pollDigest = () => {
    if (stopped) return;
    const timer = setTimeout(() => {
      pollTimers.delete(timer);
      if (stopped) return;
      if (digestBusy || digestTimer) return pollDigest();
      digestBusy = true;
      runDigest(periodMs() / 2)
        .catch((error: Error) => strapi.log.error(`[cited-articles] moderator digest: ${error.message}`))
        .finally(() => {
          digestBusy = false;
          pollDigest();
        });
    }, periodMs() / 2);
    timer.unref();
    pollTimers.add(timer);
  };

  const isUnsubscribed = (hash: string) => optOuts.has(hash);

  const sendReplyNotice = async (replyDocumentId: string) => {
    const reply = await commentsRepository(strapi).replyWithParentContact(replyDocumentId);
    const parent = reply?.parent;
    if (!reply || !parent || !parent.notifyReplies || parent.deleted) return;
    const address = (parent.user ? (parent.user.blocked ? null : parent.user.email) : parent.authorEmail) ?? null;
    if (!address) return;
    // Nobody is told of their own reply.
    if (parent.user && reply.user && String(parent.user.id) === String(reply.user.id)) return;
    if (!parent.user && !reply.user && reply.authorEmail && reply.authorEmail.toLowerCase() === address.toLowerCase()) return;
    const hash = addressHash(key(), address);
    if (await isUnsubscribed(hash)) return;

    const article = reply.articleDocumentId ? await articlesRepository(strapi).titleAndSlug(reply.articleDocumentId, reply.articleLocale) : null;
    const { articleUrl } = publicationSettings(strapi);
    const apiPrefix = String(strapi.config.get('api.rest.prefix', '/api'));
    const server = withoutTrailingSlash(String(strapi.config.get('server.absoluteUrl') ?? ''));
    const mail = replyNotice({
      replier: reply.authorName ?? 'Someone',
      staff: reply.staff === true || reply.staff === 1,
      reply: reply.content ?? '',
      articleTitle: article?.title ?? null,
      articleUrl: article?.slug && articleUrl ? articleUrl.replace('{slug}', encodeURIComponent(article.slug)) : null,
      unsubscribeUrl: `${server}${apiPrefix}/${PLUGIN_ID}/notifications/unsubscribe?token=${signUnsubscribeToken(key(), hash)}`,
    });
    mailer.send({ to: address, ...mail });
  };

  const onEvent = async (payload: CommentEventPayload | undefined) => {
    const comment = payload?.comment;
    const documentId = comment?.documentId;
    if (!comment || !documentId) return;
    if (comment.status === 'pending') afterResponse('moderator digest', scheduleDigest);
    if (comment.status === 'approved' && comment.parent) afterResponse('reply email', () => sendReplyNotice(documentId));
  };

  return {
    /** Listens to the plugin's comment events (created, approved). */
    subscribe() {
      unsubscribeHooks.push(strapi.eventHub.on(COMMENT_EVENTS.created.name, onEvent));
      unsubscribeHooks.push(strapi.eventHub.on(COMMENT_EVENTS.approved.name, onEvent));
      pollDigest();
    },

    /** A comment started waiting for a moderator other than by being posted (reports, an edit). */
    moderationWaiting() {
      afterResponse('moderator digest', scheduleDigest);
    },

    /** Records an unsubscribe link's address hash; the same link twice is fine. */
    async unsubscribe(token: string) {
      const hash = verifyUnsubscribeToken(key(), token);
      if (!hash) {
        throw new errors.ValidationError('This unsubscribe link is not valid: open the whole link from the email (it may have been cut).');
      }
      await optOuts.add(hash);
    },

    /** Stops digests, listeners and email retries, then waits (briefly) for sends under way: Strapi is stopping. */
    async destroy() {
      stopped = true;
      if (digestTimer) clearTimeout(digestTimer);
      digestTimer = null;
      for (const timer of pollTimers) clearTimeout(timer);
      pollTimers.clear();
      for (const off of unsubscribeHooks.splice(0)) off();
      await mailer.destroy();
    },
  };
};
