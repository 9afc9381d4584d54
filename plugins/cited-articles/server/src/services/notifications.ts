import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { moderatorDigest, replyNotice } from '../notifications/templates';
import { addressHash, signUnsubscribeToken, verifyUnsubscribeToken } from '../notifications/unsubscribe-token';
import { COMMENT_EVENTS } from '../comments/events';
import { articlesRepository } from '../repositories/articles';
import { commentsRepository } from '../repositories/comments';
import { ACTIONS } from '../utils/actions';
import { isUniqueViolation } from '../utils/errors';
import { getService } from '../utils/get-service';
import { notificationSettings, publicationSettings } from '../utils/settings';
import { NOTIFICATION_OPTOUT_UID, PLUGIN_ID } from '../utils/uids';
import type { NotificationsService } from './contracts/comments';

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
 * The digest: at most one email per `moderatorDigestMinutes`. The time of the last one is kept in
 * the plugin store, so a restart does not send early; the comments listed are those that started
 * waiting (`heldAt`) since then and still wait when it is sent, so a comment rejected meanwhile is
 * not listed, and no email goes out when none is left.
 */
/** What the listener reads of a comment event's payload (comment-events.ts). */
interface CommentEventPayload {
  comment?: { documentId?: string; status?: string; parent?: string | null } | null;
}

const notifications = ({ strapi }: { strapi: Core.Strapi }): NotificationsService => {
  let digestTimer: NodeJS.Timeout | null = null;
  let digestBusy = false;
  let digestAgain = false;
  let stopped = false;
  let secret: string | null = null;
  const unsubscribeHooks: Array<() => void> = [];

  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const mailer = () => getService('mailer', { strapi });

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

  const lastDigestAt = async (): Promise<number> => {
    const value = (await store().get({ key: DIGEST_KEY })) as { lastSentAt?: string } | null;
    return value?.lastSentAt ? new Date(value.lastSentAt).getTime() : 0;
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

  const sendDigest = async () => {
    const since = await lastDigestAt();
    const cutoff = new Date();
    const rows = await commentsRepository(strapi).heldBetween(new Date(since), cutoff, DIGEST_LIMIT);
    if (rows.length === 0) return;
    const articleIds = [...new Set(rows.map((row) => row.articleDocumentId).filter(Boolean))];
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
    for (const to of recipients) mailer().send({ to, ...mail });
    await store().set({ key: DIGEST_KEY, value: { lastSentAt: cutoff.toISOString() } });
  };

  const scheduleDigest = async () => {
    if (digestTimer || stopped) return;
    if (digestBusy) {
      digestAgain = true;
      return;
    }
    const { moderatorDigestMinutes } = notificationSettings(strapi);
    const due = (await lastDigestAt()) + moderatorDigestMinutes * MINUTE_MS;
    if (digestTimer || stopped) return;
    digestTimer = setTimeout(
      () => {
        digestTimer = null;
        digestBusy = true;
        sendDigest()
          .catch((error: Error) => strapi.log.error(`[cited-articles] moderator digest: ${error.message}`))
          .finally(() => {
            digestBusy = false;
            if (digestAgain) {
              digestAgain = false;
              afterResponse('moderator digest', scheduleDigest);
            }
          });
      },
      Math.max(0, due - Date.now())
    );
    digestTimer.unref();
  };

  const isUnsubscribed = async (hash: string) => (await strapi.db.query(NOTIFICATION_OPTOUT_UID).count({ where: { addressHash: hash } })) > 0;

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
    mailer().send({ to: address, ...mail });
  };

  const onEvent = async (payload: CommentEventPayload | undefined) => {
    const comment = payload?.comment;
    if (!comment?.documentId) return;
    if (comment.status === 'pending') afterResponse('moderator digest', scheduleDigest);
    if (comment.status === 'approved' && comment.parent) afterResponse('reply email', () => sendReplyNotice(comment.documentId));
  };

  return {
    /** Listens to the plugin's comment events (created, approved). */
    subscribe() {
      unsubscribeHooks.push(strapi.eventHub.on(COMMENT_EVENTS.created.name, onEvent));
      unsubscribeHooks.push(strapi.eventHub.on(COMMENT_EVENTS.approved.name, onEvent));
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
      try {
        await strapi.db.query(NOTIFICATION_OPTOUT_UID).create({ data: { addressHash: hash } });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },

    /** Stops timers and listeners (Strapi is stopping). */
    destroy() {
      stopped = true;
      if (digestTimer) clearTimeout(digestTimer);
      digestTimer = null;
      for (const off of unsubscribeHooks.splice(0)) off();
    },
  };
};

export default notifications;
