import { doiFingerprint, urlFingerprint } from '../../utils/source-fingerprints';
import { SOURCE_UID } from '../../../../shared/uids';
import { sourcesRepository } from '../../repositories/sources';
import { refreshSharedFingerprints } from '../../services/sources/shared-fingerprints';
import type { DocumentMiddlewareFactory } from './types';
import { paramsOf } from './types';

const WRITES = new Set<string>(['create', 'update', 'clone']);

/**
 * Keeps a source's identity fingerprints (utils/source-fingerprints.ts) in step with its URL and
 * DOI on every write through the Document Service (the Content Manager, imports, lookups, other
 * plugins), so that the Sources page finds likely duplicates with an indexed query instead of
 * reading the whole library. A write that leaves the URL or the DOI out leaves its fingerprint as
 * it is; rows written another way are filled at startup (source-library's backfill). After a write
 * of a URL or a DOI, a clone or a delete, the `sharedFingerprint` flag of the sources holding the
 * fingerprints before and after is set again (services/sources/shared-fingerprints.ts).
 */
export const storeSourceIdentities: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== SOURCE_UID || !(WRITES.has(context.action) || context.action === 'delete')) return next();
  const { data, documentId } = paramsOf(context);
  const changesIdentity = !!data && ('url' in data || 'doi' in data);
  if (data && 'url' in data) data.urlFingerprint = urlFingerprint(data.url);
  if (data && 'doi' in data) data.doiFingerprint = doiFingerprint(data.doi);
  // A new source shares nothing until its URL or DOI says otherwise (set again after the write).
  if (data && context.action === 'create' && !('sharedFingerprint' in data)) data.sharedFingerprint = false;
  // A clone holds the original's URL and DOI, a delete leaves their other holders alone: both, and
  // any write of a URL or a DOI, change which sources share a fingerprint.
  if (!changesIdentity && context.action !== 'clone' && context.action !== 'delete') return next();
  const before = documentId ? await sourcesRepository(strapi).fingerprintsOf(documentId) : [];
  const result = await next();
  await refreshSharedFingerprints(strapi, [
    ...before.flatMap((row) => [row.urlFingerprint, row.doiFingerprint]),
    data?.urlFingerprint as string | null | undefined,
    data?.doiFingerprint as string | null | undefined,
  ]);
  return result;
};
