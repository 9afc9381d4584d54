/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package), started by a test: Strapi's email
 * plugin (nodemailer) sends to it, and the test reads what arrived.
 */
import type { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  receivedAt: number;
}

export interface TestSmtp {
  port: number;
  mails: ReceivedMail[];
  /** Mails to `address`, in the order they arrived. */
  to(address: string): ReceivedMail[];
  /** Refuses the next `count` messages to `address` with a temporary error (450), as a busy server would. */
  refuseNext(address: string, count: number): void;
  /**
   * Never answers the next message to `address` (the sender waits in the middle of sending, as on a
   * stalled server); resolves once that message has arrived and is being held. It is never stored.
   */
  holdNext(address: string): Promise<void>;
  /** Waits until `test` holds for the mails, or fails after `timeoutMs`. */
  waitFor(test: (mails: ReceivedMail[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const hexValue = (code: number) =>
  code >= 48 && code <= 57 ? code - 48 : code >= 65 && code <= 70 ? code - 55 : code >= 97 && code <= 102 ? code - 87 : -1;

/** Quoted-printable to text: soft line breaks joined, =XX bytes decoded as UTF-8. */
export const decodeQuotedPrintable = (input: string) => {
  const bytes: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (char === '=' && input[i + 1] === '\r' && input[i + 2] === '\n') {
      i += 2;
    } else if (char === '=' && input[i + 1] === '\n') {
      i += 1;
    } else if (char === '=' && hexValue(input.charCodeAt(i + 1)) >= 0 && hexValue(input.charCodeAt(i + 2)) >= 0) {
      bytes.push(hexValue(input.charCodeAt(i + 1)) * 16 + hexValue(input.charCodeAt(i + 2)));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
};

const isEncodedWord = (word: string) => word.startsWith('=?') && word.endsWith('?=');

/** A header value with RFC 2047 encoded words (=?UTF-8?Q?…?= or =?UTF-8?B?…?=) decoded. */
const decodeHeader = (value: string) => {
  let out = '';
  let previousEncoded = false;
  for (const word of value.split(/\s+/)) {
    if (!isEncodedWord(word)) {
      out += (out ? ' ' : '') + word;
      previousEncoded = false;
      continue;
    }
    const [, , encoding, payload] = word.slice(0, -2).split('?');
    const text =
      encoding?.toUpperCase() === 'B' ? Buffer.from(payload, 'base64').toString('utf8') : decodeQuotedPrintable(payload.split('_').join(' '));
    // Whitespace between two encoded words is not part of the text (RFC 2047, 6.2).
    out += (out && !previousEncoded ? ' ' : '') + text;
    previousEncoded = true;
  }
  return out;
};

/** Splits a raw message into headers (unfolded) and the first text/plain part's text. */
const parse = (raw: string) => {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, end).split('\r\n');
  const headers = new Map<string, string>();
  let last = '';
  for (const line of head) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
    } else {
      const colon = line.indexOf(':');
      last = line.slice(0, colon).toLowerCase();
      headers.set(last, line.slice(colon + 1).trim());
    }
  }
  let body = raw.slice(end + 4);
  // nodemailer sends text and html as multipart/alternative: keep the text/plain part.
  const plain = body.indexOf('Content-Type: text/plain');
  if (plain >= 0) {
    const start = body.indexOf('\r\n\r\n', plain) + 4;
    const stop = body.indexOf('\r\n--', start);
    const partHead = body.slice(plain, start);
    body = body.slice(start, stop < 0 ? undefined : stop);
    if (partHead.includes('quoted-printable')) body = decodeQuotedPrintable(body);
    else if (partHead.includes('base64')) body = Buffer.from(body, 'base64').toString('utf8');
  } else if ((headers.get('content-transfer-encoding') ?? '').includes('quoted-printable')) {
    body = decodeQuotedPrintable(body);
  }
  return { subject: decodeHeader(headers.get('subject') ?? ''), from: headers.get('from') ?? '', text: body.split('\r\n').join('\n') };
};

export async function startSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const refusals = new Map<string, number>();
  const holds = new Map<string, () => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refused = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()).find((address) => (refusals.get(address) ?? 0) > 0);
        if (refused) {
          refusals.set(refused, refusals.get(refused)! - 1);
          const error: Error & { responseCode?: number } = new Error('Try again later');
          error.responseCode = 450;
          return callback(error);
        }
        const held = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()).find((address) => holds.has(address));
        if (held) {
          const arrived = holds.get(held)!;
          holds.delete(held);
          // The callback is never called: the sender waits until it gives up or dies.
          return arrived();
        }
        const parsed = parse(Buffer.concat(chunks).toString('utf8'));
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()), ...parsed, receivedAt: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = ((server as any).server.address() as AddressInfo).port;
  return {
    port,
    mails,
    to: (address) => mails.filter((mail) => mail.to.includes(address.toLowerCase())),
    refuseNext(address, count) {
      refusals.set(address.toLowerCase(), count);
    },
    holdNext(address) {
      return new Promise<void>((resolve) => holds.set(address.toLowerCase(), resolve));
    },
    async waitFor(test, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!test(mails)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for mail; received: ${JSON.stringify(mails.map((m) => [m.to, m.subject]))}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
