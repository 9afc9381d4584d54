/**
 * What the admin and the HTTP contracts use from the server's pure modules (no Strapi import:
 * the citation engine in server/src/citations/, the lookup's and the import's shapes), re-exported
 * here so they stay defined once, where the engine owns them. This is the one file of shared/
 * that reaches into server/src; nothing it reaches may import Strapi, because the admin bundles it.
 * Values: the source types the admin offers and the name cleaning the names editor applies
 * exactly as the server does on save. Everything else is a type.
 */
export { SOURCE_TYPES } from '../server/src/citations/types';
export type { CitationIssue, CitationOccurrence, LinkStatus, NameRole, Reference, SourceName, SourceType } from '../server/src/citations/types';
export { cleanName, cleanNames, displayName } from '../server/src/citations/names';
export type { DuplicateGroup } from '../server/src/citations/duplicate-groups';
export type { SourceFields } from '../server/src/citations/source-fields';
export type { InterchangeFormat } from '../server/src/interchange/formats';
export type { LookedUpSource } from '../server/src/lookup/looked-up-source';
