import type { Core } from '@strapi/strapi';
import { createMailer } from './mailer';
import { createNotices } from './notices';

export type { Mail } from './mailer';

/**
 * Email about comments: the moderator digest and reply notices (notices.ts), sent through Strapi's
 * email plugin in the background (mailer.ts), and the unsubscribe links' opt-outs.
 */
export const createNotificationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const mailer = createMailer({ strapi });
  const notices = createNotices({ strapi, mailer });

  return {
    /** Listens to the plugin's comment events (created, approved). */
    subscribe: notices.subscribe,
    /** A comment started waiting for a moderator other than by being posted (reports, an edit). */
    moderationWaiting: notices.moderationWaiting,
    /** Records an unsubscribe link's address hash. */
    unsubscribe: notices.unsubscribe,
    /** Queues a mail; returns at once. */
    sendMail: mailer.send,
    /** Sends a mail now, retried as `sendMail` does; resolves once the server accepted it, rejects after the last attempt. */
    deliverMail: mailer.deliver,
    /** Stops digests, listeners and email retries, then waits (briefly) for sends under way: Strapi is stopping. */
    async destroy() {
      notices.destroy();
      await mailer.destroy();
    },
  };
};

export type NotificationsService = ReturnType<typeof createNotificationsService>;
