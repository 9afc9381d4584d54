import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { forbiddenAddressReason } from './address-policy';
import { OutboundError } from './errors';

export interface SafeFetchOptions {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  /** Let loopback and private addresses through (tests against a local fixture server). */
  allowPrivateHosts?: boolean;
  /** For the whole exchange, redirects and body included. */
  timeoutMs?: number;
  /** Body bytes read at most; the rest is not read and `truncated` is set. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Name resolution, injectable so that tests can make a host name resolve to a chosen address. */
  lookup?: (hostname: string) => Promise<Array<{ address: string; family: number }>>;
  /**
   * The address rule (default: forbiddenAddressReason), injectable so that a test can treat its
   * fixture server's address as public and show that a redirect to another address is refused.
   */
  isForbidden?: (address: string) => string | null;
}

export interface SafeResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  /** Every URL redirected to, in order. */
  redirects: string[];
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
}

export const DEFAULTS = { timeoutMs: 5000, maxBytes: 2 * 1024 * 1024, maxRedirects: 5 };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const systemLookup = (hostname: string) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * The address to connect to for `url`'s host, after checking every address it resolves to: one
 * private address among public ones is refused too, since a later connection could pick it. The
 * request then connects to this very address (see `pinnedLookup`), so a second DNS answer
 * (rebinding) cannot swap in another one between the check and the connection.
 */
async function checkedAddress(url: URL, options: SafeFetchOptions): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) }];
  else {
    try {
      addresses = await (options.lookup ?? systemLookup)(host);
    } catch (error) {
      throw new OutboundError('failed', `${host} cannot be resolved (${(error as NodeJS.ErrnoException).code ?? 'DNS error'})`);
    }
    if (addresses.length === 0) throw new OutboundError('failed', `${host} cannot be resolved`);
  }
  if (!options.allowPrivateHosts) {
    for (const { address } of addresses) {
      const reason = (options.isForbidden ?? forbiddenAddressReason)(address);
      if (reason) throw new OutboundError('refused', `${url.host} is not a public address (${address} is ${reason})`);
    }
  }
  return addresses[0];
}

const pinnedLookup =
  (pinned: { address: string; family: number }): net.LookupFunction =>
  (_hostname, options, callback) => {
    if (options?.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };

/** Only http(s), no credentials in the URL (they would be sent to whoever the URL names). */
export function parseFetchableUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError('refused', `"${raw.slice(0, 100)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundError('refused', `only http and https URLs can be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new OutboundError('refused', 'URLs with a user name or password are not fetched');
  return url;
}

function requestOnce(
  url: URL,
  pinned: { address: string; family: number },
  options: SafeFetchOptions,
  signal: AbortSignal,
  maxBytes: number
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: options.method ?? 'GET',
        // Compressed bodies would need decompressing under the byte cap; ask for none.
        headers: { 'accept-encoding': 'identity', ...options.headers },
        lookup: pinnedLookup(pinned),
        signal,
        // A fresh connection per request: a kept-alive socket may belong to another host's address.
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (REDIRECTS.has(status) || options.method === 'HEAD') {
          res.resume();
          resolve({ status, headers: res.headers, body: Buffer.alloc(0), truncated: false });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on('data', (chunk: Buffer) => {
          if (truncated) return;
          if (size + chunk.length > maxBytes) {
            chunks.push(chunk.subarray(0, maxBytes - size));
            size = maxBytes;
            truncated = true;
            // Stop reading: the rest of a huge (or endless) body is never downloaded.
            res.destroy();
            resolve({ status, headers: res.headers, body: Buffer.concat(chunks), truncated });
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks), truncated }));
        res.on('error', (error) => {
          if (!truncated) reject(error);
        });
      }
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * GET or HEAD `raw` under the outbound rules: http(s) only; every address the host resolves to
 * must be public unless `allowPrivateHosts`; redirects followed by hand (at most `maxRedirects`),
 * each target checked by the same rules; one timeout for the whole exchange; at most `maxBytes`
 * of body read. Answers any HTTP status (the caller judges it); throws OutboundError otherwise.
 */
export async function safeFetch(raw: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const redirects: string[] = [];
  try {
    let url = parseFetchableUrl(raw);
    for (;;) {
      const pinned = await checkedAddress(url, options);
      if (controller.signal.aborted) throw new OutboundError('failed', `${url.host} did not answer within ${timeoutMs / 1000} s`);
      let answer;
      try {
        answer = await requestOnce(url, pinned, options, controller.signal, maxBytes);
      } catch (error) {
        if (controller.signal.aborted) throw new OutboundError('failed', `${url.host} did not answer within ${timeoutMs / 1000} s`);
        const code = (error as NodeJS.ErrnoException).code;
        throw new OutboundError('failed', `${url.host} could not be reached (${code ?? (error as Error).message})`);
      }
      const location = answer.headers.location;
      if (!REDIRECTS.has(answer.status) || !location) {
        return { ...answer, url: url.toString(), redirects };
      }
      if (redirects.length >= maxRedirects) {
        throw new OutboundError('refused', `more than ${maxRedirects} redirects, stopped at ${url.toString().slice(0, 200)}`);
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new OutboundError('failed', `${url.host} redirected to an unreadable location`);
      }
      url = parseFetchableUrl(next.toString());
      redirects.push(url.toString());
    }
  } finally {
    clearTimeout(timer);
  }
}
