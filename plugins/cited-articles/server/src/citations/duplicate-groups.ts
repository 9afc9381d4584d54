import { normaliseUrl } from './normalise-url';

export interface LibraryEntry {
  documentId: string;
  key?: string | null;
  title?: string | null;
  url?: string | null;
  doi?: string | null;
}

export interface DuplicateGroup<S extends LibraryEntry = LibraryEntry> {
  /** What the sources share: their URL after normalisation, or their DOI. */
  reason: 'url' | 'doi';
  value: string;
  sources: S[];
}

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

/** A DOI as registries compare it: case-insensitive, without a resolver or `doi:` prefix. */
export function normaliseDoi(doi: string | null | undefined): string | null {
  if (typeof doi !== 'string') return null;
  const bare = doi.trim().replace(DOI_PREFIX, '').trim().toLowerCase();
  return bare.startsWith('10.') ? bare : null;
}

/**
 * Likely duplicates in a source library: groups of two or more sources with the same normalised
 * URL, or the same DOI. A pair sharing both appears in both groups, since either alone is enough
 * to suspect them. Groups keep the library's order.
 */
export function findDuplicateGroups<S extends LibraryEntry>(sources: readonly S[]): DuplicateGroup<S>[] {
  const byKind = { url: new Map<string, S[]>(), doi: new Map<string, S[]>() };
  for (const source of sources) {
    const url = normaliseUrl(source.url);
    const doi = normaliseDoi(source.doi);
    if (url !== null) byKind.url.set(url, [...(byKind.url.get(url) ?? []), source]);
    if (doi !== null) byKind.doi.set(doi, [...(byKind.doi.get(doi) ?? []), source]);
  }
  const groups: DuplicateGroup<S>[] = [];
  for (const reason of ['url', 'doi'] as const) {
    for (const [value, members] of byKind[reason]) {
      if (members.length > 1) groups.push({ reason, value, sources: members });
    }
  }
  return groups;
}
