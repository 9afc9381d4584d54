/**
 * Refusals a client can read: a body over its route's limit is answered 413 before it is parsed,
 * and the connection is closed only after the rest of the upload has been read and thrown away
 * (within bounds), so that `fetch` (undici here, browsers alike) gets the 413 and its message
 * rather than a connection reset. Against the app listening on a real port.
 */
import net from 'net';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { COMMENT_UID, SOURCE_UID, createArticle } from '../helpers/content';
import { aComment, nextIp, setCommentOptions } from '../helpers/comments';
import { LINGER_BYTES, LINGER_MS } from '@cited-articles/server/src/middlewares/lingering-close';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
let admin: AdminSession;
let port: number;

const FIVE_MB = 5 * 1024 * 1024;
const COMMENTS = '/api/cited-articles/articles/limits/comments';

const countRows = async () => ({
  comments: await app.strapi.db.query(COMMENT_UID as any).count(),
  sources: await app.strapi.db.query(SOURCE_UID as any).count(),
});

/** `value` as JSON, padded with trailing spaces (valid JSON whitespace) to `bytes` bytes. */
const jsonOfSize = (value: unknown, bytes: number) => {
  const json = JSON.stringify(value);
  return json + ' '.repeat(bytes - Buffer.byteLength(json));
};

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });

const expectReadableRefusal = async (res: Response, what: string) => {
  expect(res.status).toBe(413);
  expect(res.headers.get('connection')).toBe('close');
  expect(await res.json()).toMatchObject({
    error: { status: 413, name: 'PayloadTooLargeError', message: expect.stringContaining(`${what} is at most`) },
  });
};

interface RawOutcome {
  /** The status line of the answer, if one arrived. */
  status: string | null;
  /** Bytes of body the client managed to write. */
  written: number;
  /** The server closed its side with a FIN. */
  finReceived: boolean;
  /** The error the client's socket ended with (a reset), if any. */
  errorCode: string | null;
}

interface RawUpload {
  /** The Content-Length announced. */
  announced: number;
  /** Bytes sent with the headers, before the answer. */
  before: number;
  /** After the answer: bytes per write, the pause between writes, and whether to go on. */
  chunk: number;
  pauseMs?: number;
  goOn?: (written: number) => boolean;
}

/**
 * Announces a body on a raw socket, sends part of it, waits for the answer, then keeps sending as
 * told and reports how the connection ended. Half-open on the client side, so a FIN from the
 * server does not stop the upload by itself: the client stops when it has sent everything it
 * announced (then it closes its side), when `goOn` says so (then only the server can close), or
 * when a write fails because the server has closed.
 */
const rawUpload = ({ announced, before, chunk, pauseMs = 0, goOn = () => true }: RawUpload) =>
  new Promise<RawOutcome>((resolve, reject) => {
    const outcome: RawOutcome = { status: null, written: 0, finReceived: false, errorCode: null };
    const socket = net.connect({ host: '127.0.0.1', port, allowHalfOpen: true });
    const failsafe = setTimeout(() => {
      socket.destroy();
      reject(new Error('the server kept the connection open past its bound'));
    }, LINGER_MS + 20_000);
    const bytes = Buffer.alloc(chunk, 0x20);
    let answer = '';
    let uploading = false;

    const upload = async () => {
      uploading = true;
      while (!socket.destroyed && outcome.written < announced && goOn(outcome.written)) {
        const size = Math.min(chunk, announced - outcome.written);
        outcome.written += size;
        if (!socket.write(bytes.subarray(0, size))) await new Promise((resume) => socket.once('drain', resume).once('close', resume));
        if (pauseMs > 0) await new Promise((resume) => setTimeout(resume, pauseMs));
      }
      if (!socket.destroyed && outcome.written === announced) socket.end();
    };

    socket.on('connect', () => {
      socket.write(
        `POST ${COMMENTS} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Forwarded-For: ${nextIp()}\r\nContent-Length: ${announced}\r\n\r\n`
      );
      outcome.written = before;
      if (before > 0) socket.write(Buffer.alloc(before, 0x20));
    });
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      outcome.status ??= answer.includes('\r\n') ? answer.slice(0, answer.indexOf('\r\n')) : null;
      if (answer.includes('\r\n\r\n') && !uploading) void upload();
    });
    socket.on('end', () => (outcome.finReceived = true));
    socket.on('error', (error: NodeJS.ErrnoException) => (outcome.errorCode = error.code ?? error.message));
    socket.on('close', () => {
      clearTimeout(failsafe);
      resolve(outcome);
    });
  });

beforeAll(async () => {
  admin = await createAdmin(app);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  port = app.server.address().port;
  setCommentOptions(app.strapi, { rateLimit: { points: 100000, durationSeconds: 60 } });
  await createArticle(admin, { title: 'Limits', slug: 'limits', body: 'Text.' });
});

describe('a 5 MB body posted with fetch', () => {
  it('gets a readable 413 on the comment route and stores nothing', async () => {
    const before = await countRows();
    const res = await post(COMMENTS, jsonOfSize({ data: aComment() }, FIVE_MB), { 'X-Forwarded-For': nextIp() });
    await expectReadableRefusal(res, 'a comment');
    expect(await countRows()).toEqual(before);
  });

  it('gets a readable 413 on the admin preview and import routes and imports nothing', async () => {
    const before = await countRows();
    const auth = { Authorization: `Bearer ${admin.token}` };
    await expectReadableRefusal(await post('/cited-articles/preview', jsonOfSize({ body: 'Fact [1] ' }, FIVE_MB), auth), 'a preview');
    const file = { content: '@misc{big, title = {Big}, url = {https://example.org/big}}' };
    await expectReadableRefusal(await post('/cited-articles/sources/import', jsonOfSize(file, FIVE_MB), auth), 'an import');
    expect(await countRows()).toEqual(before);
  });

  it('keeps the connection usable for the answer when several clients are refused at once', async () => {
    const before = await countRows();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => post(COMMENTS, jsonOfSize({ data: aComment() }, FIVE_MB), { 'X-Forwarded-For': nextIp() }))
    );
    for (const res of answers) await expectReadableRefusal(res, 'a comment');
    expect(await countRows()).toEqual(before);
  });
});

describe('the lingering close after a refusal', () => {
  it('reads the rest of the upload after the 413 and closes with a FIN, not a reset', async () => {
    // The answer arrives after 64 kB; the client then sends the other 2 MB it announced. Closing
    // at once would answer those bytes with a reset (EPIPE / ECONNRESET on the client).
    const outcome = await rawUpload({ announced: 2 * 1024 * 1024 + 64 * 1024, before: 64 * 1024, chunk: 256 * 1024 });
    expect(outcome.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(outcome.errorCode).toBeNull();
    expect(outcome.finReceived).toBe(true);
    expect(outcome.written).toBe(2 * 1024 * 1024 + 64 * 1024);
  });

  it('stops reading a refused upload after its byte bound and closes the connection', async () => {
    // The client announces 1 GB and would send 256 MB: the server closes once it has thrown away
    // its bound (plus what the kernel buffers on the way).
    const outcome = await rawUpload({
      announced: 1024 * 1024 * 1024,
      before: 0,
      chunk: 256 * 1024,
      goOn: (written) => written < 256 * 1024 * 1024,
    });
    expect(outcome.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(outcome.written).toBeLessThan(LINGER_BYTES + 32 * 1024 * 1024);
  });

  it('closes the connection of a client that trickles a refused upload, after its time bound', async () => {
    // 100 bytes every 100 ms of an announced 500 kB would take over 8 minutes: the server stops
    // reading after its time bound, and the client's next write fails (the failsafe is the bound
    // plus 20 s).
    const outcome = await rawUpload({ announced: 500_000, before: 0, chunk: 100, pauseMs: 100 });
    expect(outcome.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(outcome.finReceived).toBe(true);
    expect(outcome.errorCode).toMatch(/^(ECONNRESET|EPIPE)$/);
    expect(outcome.written).toBeLessThan(500_000);
  });
});
