import type { Core } from '@strapi/strapi';
import { notificationSettings } from '../../utils/settings';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Waits before the second and third attempts; a mail still failing after them is logged and dropped. */
const RETRY_DELAYS_MS = [2_000, 10_000];

/**
 * Sends the plugin's emails through Strapi's email plugin, after the response and in the
 * background: a request never waits for SMTP, and a failure (retried) never fails a request. With
 * `notifications.delivery: 'log'` (the host app's choice without SMTP_HOST) it logs them instead.
 */
export const createMailer = ({ strapi }: { strapi: Core.Strapi }) => {
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  const deliver = async (mail: Mail) => {
    const settings = notificationSettings(strapi);
    if (settings.delivery === 'log') {
      strapi.log.info(`[cited-articles] email (delivery: log, not sent) to ${mail.to}: ${mail.subject}\n${mail.text}`);
      return;
    }
    const email = strapi.plugin('email')?.service('email') as { send(options: Record<string, unknown>): Promise<unknown> } | undefined;
    if (!email) throw new Error('the email plugin is not installed');
    await email.send({ to: mail.to, subject: mail.subject, text: mail.text, ...(settings.from ? { from: settings.from } : {}) });
  };

  const attempt = (mail: Mail, index: number) => {
    if (stopped) return;
    const run = deliver(mail).catch((error: Error) => {
      if (index < RETRY_DELAYS_MS.length) {
        later(RETRY_DELAYS_MS[index], () => attempt(mail, index + 1));
      } else {
        strapi.log.error(`[cited-articles] could not send an email after ${index + 1} attempts: ${error.message}`);
      }
    });
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  };

  return {
    /** Queues a mail; returns at once. */
    send(mail: Mail) {
      setImmediate(() => attempt(mail, 0));
    },

    /**
     * Sends at once and resolves when the server accepted the mail (retried after the same delays
     * as `send`), for work that must know the mail left before it records so: the digest.
     */
    async deliver(mail: Mail) {
      for (let index = 0; ; index += 1) {
        if (stopped) throw new Error('Strapi is stopping');
        const run = deliver(mail);
        const tracked = run.catch(() => {});
        inFlight.add(tracked);
        void tracked.finally(() => inFlight.delete(tracked));
        try {
          await run;
          return;
        } catch (error) {
          if (index >= RETRY_DELAYS_MS.length) throw error;
          await new Promise<void>((resolve) => later(RETRY_DELAYS_MS[index], resolve));
        }
      }
    },

    /** Stops retries and waits (briefly) for sends under way, so that Strapi can stop cleanly. */
    async destroy() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    },
  };
};

export type Mailer = ReturnType<typeof createMailer>;
