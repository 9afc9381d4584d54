import { parseMarkers } from './parse-markers';
import { isSource, keyOf, sourceIdentity } from './source-identity';
import type { CitableSource } from './types';

/**
 * What a body cites, without where: the distinct `[@key]` keys and `[n]` positions of its valid
 * markers. It is all that the number of references depends on besides the sources themselves, so
 * the server stores it with the article when the body is saved and counts references for the
 * article list from it, without parsing bodies on each request. `version` names the parsing rules
 * it was made with: stored targets of another version are recomputed.
 */
export interface ReferenceTargets {
  version: number;
  keys: string[];
  positions: number[];
}

export const REFERENCE_TARGETS_VERSION = 1;

export function referenceTargets(body: string | null | undefined): ReferenceTargets {
  const keys = new Set<string>();
  const positions = new Set<number>();
  for (const marker of parseMarkers(typeof body === 'string' ? body : '')) {
    if (marker.kind === 'key') for (const item of marker.items) keys.add(item.key);
    else if (marker.kind === 'position') positions.add(marker.position);
  }
  return { version: REFERENCE_TARGETS_VERSION, keys: [...keys], positions: [...positions] };
}

/** Stored targets this version can use; anything else (missing, older, hand-edited) is null. */
export function readReferenceTargets(value: unknown): ReferenceTargets | null {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  if (!parsed || typeof parsed !== 'object') return null;
  const { version, keys, positions } = parsed as Record<string, unknown>;
  if (version !== REFERENCE_TARGETS_VERSION || !Array.isArray(keys) || !Array.isArray(positions)) return null;
  if (!keys.every((key) => typeof key === 'string') || !positions.every(Number.isSafeInteger)) return null;
  return { version, keys: keys as string[], positions: positions as number[] };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The number of references `resolveCitations` gives for a body with these targets: distinct
 * sources reached, by key (listed sources first, then the library) or by position in the list.
 * Same rules as resolve.ts; a property test checks that both agree.
 */
export function countReferences(
  targets: ReferenceTargets,
  listed: readonly CitableSource[],
  options: { numberingStart?: 0 | 1 } = {},
  library: readonly CitableSource[] = [],
): number {
  const numberingStart = options.numberingStart === 0 ? 0 : 1;
  const byKey = new Map<string, CitableSource>();
  for (const source of [...listed, ...library]) {
    if (!isSource(source)) continue;
    const key = keyOf(source);
    if (key !== '' && !byKey.has(key)) byKey.set(key, source);
  }
  const reached = new Set<unknown>();
  for (const key of targets.keys) {
    const source = byKey.get(key);
    if (source !== undefined) reached.add(sourceIdentity(source));
  }
  for (const position of targets.positions) {
    const source = listed[position - numberingStart];
    if (position >= numberingStart && isSource(source)) reached.add(sourceIdentity(source));
  }
  return reached.size;
}
