import { parseMarkers } from './parse-markers';

/**
 * Distinct keys cited with `[@key]`, in order of first use. The service loads
 * the sources it does not already have in one query with this list, and
 * appends sources cited by key but missing from the article's list.
 * Keys inside malformed markers are not returned: the marker is not a citation.
 */
export function extractCitedKeys(body: string): string[] {
  const keys = new Set<string>();
  for (const marker of parseMarkers(body)) {
    if (marker.kind !== 'key') continue;
    for (const item of marker.items) keys.add(item.key);
  }
  return [...keys];
}

/**
 * Of the keys a body cites, those the article's own list of sources does not hold: the ones to look
 * up in the library. Distinct, in order of first use.
 */
export function keysMissingFrom(citedKeys: readonly string[], listed: readonly { key?: string | null }[] | null | undefined): string[] {
  const held = new Set((listed ?? []).map((source) => source.key));
  return [...new Set(citedKeys)].filter((key) => !held.has(key));
}
