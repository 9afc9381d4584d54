import type { IncomingMessage } from 'http';
import type { Socket } from 'net';

/**
 * A lingering close for a request refused before its body was read (the way nginx closes after
 * an early error): the refusal is sent at once with `Connection: close`, then the rest of the
 * upload is read and thrown away, up to a number of bytes and for a bounded time, and only then
 * is the connection closed.
 *
 * Why: with `Connection: close`, Node's HTTP server destroys the socket as soon as the answer is
 * written. The client is usually still uploading, so the kernel answers its next bytes (or the
 * unread ones) with a reset, and a reset can reach the client before it has read the answer, or
 * discard an answer not yet sent: `fetch` (undici, browsers) then reports a network error instead
 * of the 413 and its message. Reading the upload to its end lets the connection close with a FIN
 * after the answer.
 *
 * Bounds: a client that keeps sending (or sends nothing) holds the connection for at most
 * LINGER_MS after the refusal, and at most LINGER_BYTES are read from it; then the connection is
 * closed as before. Nothing read is kept: each chunk is counted and dropped.
 */

/** How much of a refused upload is read and thrown away before the connection is closed. */
export const LINGER_BYTES = 16 * 1024 * 1024;

/** How long after a refusal the rest of its upload is read before the connection is closed. */
export const LINGER_MS = 10_000;

export interface LingerLimits {
  bytes: number;
  ms: number;
}

type ClosingSocket = Socket & { destroySoon?: () => void };

/**
 * Call when a request is refused without reading its body, before the answer is written.
 *
 * Node's server closes a `Connection: close` response's socket with `socket.destroySoon()` once
 * the answer is written; this replaces it on that one socket by a half-close (FIN after the
 * answer) that waits for the end of the upload or a bound. Should Node ever close the socket
 * another way, the refusal still goes out and the connection closes as before.
 */
export const lingerAfterRefusal = (req: IncomingMessage, limits: LingerLimits = { bytes: LINGER_BYTES, ms: LINGER_MS }) => {
  const socket = req.socket as ClosingSocket;
  const originalDestroySoon = socket.destroySoon?.bind(socket);
  if (!originalDestroySoon || req.complete) return;

  let discarded = 0;
  let answered = false;
  let done = false;

  // Closes once both the answer has been written and the upload has ended or hit a bound.
  const close = () => {
    if (done) return;
    if (!answered) {
      // The answer is not out yet (the upload ended or hit a bound first): stop reading, and let
      // the answer's destroySoon below close the connection right after it.
      req.pause();
      return;
    }
    done = true;
    clearTimeout(timer);
    originalDestroySoon();
  };
  let overLimit = false;
  const stop = () => {
    overLimit = true;
    close();
  };

  const timer = setTimeout(stop, limits.ms);
  // A pending linger must not keep a stopping process alive.
  timer.unref();
  socket.once('close', () => clearTimeout(timer));

  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > limits.bytes) stop();
  });
  req.once('end', close);
  req.once('error', stop);

  socket.destroySoon = () => {
    answered = true;
    if (overLimit || req.complete) return close();
    // Half-close: the answer and a FIN go out, the upload keeps being read (the server's sockets
    // allow half-open connections) until `close` runs.
    socket.end();
  };
};
