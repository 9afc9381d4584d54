import http from 'http';
import type { AddressInfo } from 'net';

export interface PurgeRequest {
  method: string;
  url: string;
  keys: string[];
  /** The X-Purge-Token header sent (the shared secret), or null. */
  token: string | null;
}

export interface PurgeListener {
  url: string;
  received: PurgeRequest[];
  /** Every key purged so far. */
  keys(): Set<string>;
  /** Answers the next requests with this status (to test retries). */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

/** A local HTTP server standing in for a shared cache: records the purge requests it receives. */
export async function startPurgeListener(): Promise<PurgeListener> {
  const received: PurgeRequest[] = [];
  let failures = 0;
  let failStatus = 503;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (failures > 0) {
        failures -= 1;
        res.statusCode = failStatus;
        return res.end();
      }
      const header = String(req.headers['surrogate-key'] ?? '');
      const token = req.headers['x-purge-token'];
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        keys: header.split(' ').filter(Boolean),
        token: typeof token === 'string' ? token : null,
      });
      res.statusCode = 200;
      res.end('purged');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    keys: () => new Set(received.flatMap((request) => request.keys)),
    failNext(count, status = 503) {
      failures = count;
      failStatus = status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
