import crypto from 'crypto';

/** A strong entity tag for this representation: a hash of everything it is made from. */
export const strongEtag = (...parts: string[]) => {
  const hash = crypto.createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return `"${hash.digest('base64url').slice(0, 32)}"`;
};

/**
 * Whether an If-None-Match header names this tag (RFC 9110 13.1.2: weak comparison, so `W/"x"`
 * matches `"x"`; `*` matches any current representation). Split on commas, linear in the header.
 */
export const ifNoneMatchHits = (header: string | undefined, etag: string) => {
  if (!header) return false;
  const wanted = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const raw of header.split(',')) {
    const candidate = raw.trim();
    if (candidate === '*') return true;
    if ((candidate.startsWith('W/') ? candidate.slice(2) : candidate) === wanted) return true;
  }
  return false;
};
