import type { Core } from '@strapi/strapi';
import { sourcesRepository, type FingerprintRow } from '../../repositories/sources';

/** The fingerprints that give an identity (`''` marks a URL or DOI that has none). */
const identities = (fingerprints: Array<string | null | undefined>): string[] => [
  ...new Set(fingerprints.filter((fingerprint): fingerprint is string => typeof fingerprint === 'string' && fingerprint !== '')),
];

/**
 * Sets `sharedFingerprint` on every source holding one of these fingerprints, and on `also` (sources
 * whose flag is not known, which may hold none): true when another source holds the same URL or the
 * same DOI fingerprint. Reads the holders through the fingerprint indexes and writes only the flags
 * that change (at most two statements), so the duplicate report reads the flagged rows alone instead
 * of grouping every fingerprint of the library.
 */
export async function refreshSharedFingerprints(
  strapi: Core.Strapi,
  fingerprints: Array<string | null | undefined>,
  also: FingerprintRow[] = []
): Promise<void> {
  const sources = sourcesRepository(strapi);
  const holders = await sources.holdersOf(identities(fingerprints));
  const rows = new Map<number, FingerprintRow>();
  for (const row of [...also, ...holders]) rows.set(row.id, row);
  const holdersOf = new Map<string, number>();
  const count = (key: string) => holdersOf.set(key, (holdersOf.get(key) ?? 0) + 1);
  for (const row of holders) {
    if (row.urlFingerprint) count(`url:${row.urlFingerprint}`);
    if (row.doiFingerprint) count(`doi:${row.doiFingerprint}`);
  }
  const shares = (row: FingerprintRow) =>
    (!!row.urlFingerprint && (holdersOf.get(`url:${row.urlFingerprint}`) ?? 0) > 1) ||
    (!!row.doiFingerprint && (holdersOf.get(`doi:${row.doiFingerprint}`) ?? 0) > 1);
  const known = (row: FingerprintRow) => (row.sharedFingerprint === null || row.sharedFingerprint === undefined ? null : !!row.sharedFingerprint);
  const on: number[] = [];
  const off: number[] = [];
  for (const row of rows.values()) {
    const shared = shares(row);
    if (known(row) !== shared) (shared ? on : off).push(row.id);
  }
  await sources.flagShared(on, true);
  await sources.flagShared(off, false);
}
