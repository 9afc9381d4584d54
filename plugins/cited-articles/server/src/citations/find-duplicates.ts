import { listedTwiceMessage, sameUrlMessage, sharedKeyMessage } from './messages';
import { normaliseUrl } from './normalise-url';
import { isSource, keyOf, sourceIdentity } from './source-identity';
import type { CitableSource, CitationIssue } from './types';

function warning(sourceKey: string, message: string): CitationIssue {
  return { code: 'duplicate-source', severity: 'warning', marker: null, start: null, end: null, sourceKey, message };
}

/**
 * `duplicate-source` warnings among the article's list plus the sources cited
 * by key from the library: the same document listed twice, two listed
 * sources sharing a key, and two different sources whose URLs are equal after
 * normalisation (http/https, www., trailing slash, tracking parameters...).
 * The first source of each group is the one kept; the warning names the later.
 */
export function findDuplicateSources(
  listed: readonly CitableSource[],
  citedFromLibrary: readonly CitableSource[],
  numberingStart: number
): CitationIssue[] {
  const issues: CitationIssue[] = [];
  const positionOf = new Map<unknown, number>();
  const positionOfKey = new Map<string, number>();
  const pool: CitableSource[] = [];

  listed.forEach((source, index) => {
    if (!isSource(source)) return;
    const position = index + numberingStart;
    const identity = sourceIdentity(source);
    const first = positionOf.get(identity);
    if (first !== undefined) {
      issues.push(warning(keyOf(source), listedTwiceMessage(keyOf(source), first, position)));
      return;
    }
    positionOf.set(identity, position);
    pool.push(source);
    const key = keyOf(source);
    if (key === '') return;
    const sameKey = positionOfKey.get(key);
    if (sameKey !== undefined) issues.push(warning(key, sharedKeyMessage(key, sameKey, position)));
    else positionOfKey.set(key, position);
  });

  const seen = new Set<unknown>(positionOf.keys());
  for (const source of citedFromLibrary) {
    if (!isSource(source) || seen.has(sourceIdentity(source))) continue;
    seen.add(sourceIdentity(source));
    pool.push(source);
  }

  const firstWithUrl = new Map<string, CitableSource>();
  for (const source of pool) {
    const url = normaliseUrl(source.url);
    if (url === null) continue;
    const first = firstWithUrl.get(url);
    if (first === undefined) firstWithUrl.set(url, source);
    else issues.push(warning(keyOf(source), sameUrlMessage(keyOf(first), keyOf(source), url)));
  }
  return issues;
}
