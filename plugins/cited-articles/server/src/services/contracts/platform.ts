// What the plugin borrows from its surroundings: email.

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface MailerService {
  /** Queues a mail; returns at once. */
  send(mail: Mail): void;
  /** Sends a mail now, retried as `send` does; resolves once the server accepted it, rejects after the last attempt. */
  deliver(mail: Mail): Promise<void>;
  destroy(): Promise<void>;
}
