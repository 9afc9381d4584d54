import type { Core } from '@strapi/strapi';
import { joinParts } from '../../utils/join-parts';
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

  return joinParts(notices, {
    /** Queues a mail; returns at once. */
    sendMail: mailer.send,
    /** Sends a mail now, retried as `sendMail` does; resolves once the server accepted it, rejects after the last attempt. */
    deliverMail: mailer.deliver,
  });
};

export type NotificationsService = ReturnType<typeof createNotificationsService>;
