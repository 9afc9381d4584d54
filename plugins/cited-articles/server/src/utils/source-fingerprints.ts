import crypto from 'crypto';
import { normaliseDoi, normaliseUrl } from '../citations';

/**
 * What a source stores so that the database can find its likely duplicates without reading the
 * library: a hash of its normalised URL and of its DOI (SQL cannot normalise either portably, and a
 * hash has a fixed length an index takes on every database). `''` when the field holds a value with
 * no identity (an unparsable URL, a DOI not starting with 10.), so that a backfill does not read the
 * row again; null when the field is empty.
 */
export interface IdentityFingerprints {
  urlFingerprint: string | null;
  doiFingerprint: string | null;
}

const fingerprintOf = (raw: unknown, normalised: string | null): string | null => {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  return normalised === null ? '' : crypto.createHash('sha256').update(normalised).digest('hex');
};

export const urlFingerprint = (url: unknown) => fingerprintOf(url, normaliseUrl(typeof url === 'string' ? url : null));
export const doiFingerprint = (doi: unknown) => fingerprintOf(doi, normaliseDoi(typeof doi === 'string' ? doi : null));

export function identityFingerprints(source: { url?: unknown; doi?: unknown }): IdentityFingerprints {
  return { urlFingerprint: urlFingerprint(source.url), doiFingerprint: doiFingerprint(source.doi) };
}
