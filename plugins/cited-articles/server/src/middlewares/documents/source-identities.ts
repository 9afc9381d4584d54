import { doiFingerprint, urlFingerprint } from '../../utils/source-fingerprints';
import { SOURCE_UID } from '../../../../shared/uids';
import type { DocumentMiddlewareFactory } from './types';
import { paramsOf } from './types';

const WRITES = new Set<string>(['create', 'update', 'clone']);

/**
 * Keeps a source's identity fingerprints (utils/source-fingerprints.ts) in step with its URL and
 * DOI on every write through the Document Service (the Content Manager, imports, lookups, other
 * plugins), so that the Sources page finds likely duplicates with an indexed query instead of
 * reading the whole library. A write that leaves the URL or the DOI out leaves its fingerprint as
 * it is; rows written another way are filled at startup (source-library's backfill).
 */
export const storeSourceIdentities: DocumentMiddlewareFactory = () => async (context, next) => {
  if (context.uid !== SOURCE_UID || !WRITES.has(context.action)) return next();
  const data = paramsOf(context).data;
  if (data && 'url' in data) data.urlFingerprint = urlFingerprint(data.url);
  if (data && 'doi' in data) data.doiFingerprint = doiFingerprint(data.doi);
  return next();
};
