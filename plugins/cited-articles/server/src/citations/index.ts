/**
 * Citation engine of the cited-articles plugin: pure functions of
 * (body, sources, options), no Strapi import, so they run the same in the
 * server, in tests and in a preview.
 */
export type * from './types';
export { parseMarkers } from './parse-markers';
export { extractCitedKeys, keysMissingFrom } from './extract-cited-keys';
export { resolveCitations } from './resolve';
export { normaliseUrl } from './normalise-url';
export { isSafeUrl } from './is-safe-url';
export { formatMlaDate } from './format-date';
export { formatNews } from './format-news';
export { formatReferences, type SourceFormatter } from './format-references';
export { renderBodyHtml, type RenderOptions } from './render-html';
export { markerClusters, type MarkerCluster } from './in-text';
export type { FormattedReferences } from './reference-list';
export { findDuplicateGroups, normaliseDoi, type DuplicateGroup, type LibraryEntry } from './duplicate-groups';
export { countReferences, readReferenceTargets, referenceTargets, REFERENCE_TARGETS_VERSION, type ReferenceTargets } from './reference-targets';
