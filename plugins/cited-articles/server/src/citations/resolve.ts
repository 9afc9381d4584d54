import { backlinkLetters } from './backlink-letters';
import { findDuplicateSources } from './find-duplicates';
import { badPositionMessage, brokenLinkMessage, malformedMessage, outOfRangeMessage, retractedMessage, unknownKeyMessage, unusedMessage } from './messages';
import { parseMarkers } from './parse-markers';
import { isSource, keyOf, sourceIdentity } from './source-identity';
import type {
  CitableSource,
  CitationIssue,
  CitationOccurrence,
  ParsedMarker,
  Reference,
  ResolveOptions,
  ResolvedCitations,
} from './types';

/**
 * Resolve every marker of `body` against the article's ordered source list.
 *
 * Follows MediaWiki's Cite where they overlap: numbering starts afresh on
 * each call and follows first use in the body; reusing a source keeps its
 * number and adds a back-link (cite-1-a, cite-1-b…); a marker that cannot be
 * resolved is reported, stays in the text and takes no number.
 *
 * - `[n]` cites `listed[n - numberingStart]` (the displayed number is still
 *   the first-use number, which may differ from n).
 * - `[@key]` cites the listed source with that key, else the `library`
 *   source with that key (sources the server fetched by key).
 */
export function resolveCitations(
  body: string,
  listed: readonly CitableSource[],
  options: ResolveOptions = {},
  library: readonly CitableSource[] = [],
): ResolvedCitations {
  const numberingStart = options?.numberingStart === 0 ? 0 : 1;
  const list = Array.isArray(listed) ? listed : [];
  const extra = Array.isArray(library) ? library : [];
  const byKey = indexByKey(list, extra);

  const citations: CitationOccurrence[] = [];
  const issues: CitationIssue[] = [];
  const references = new Map<unknown, Reference>();

  const cite = (marker: ParsedMarker, source: CitableSource, locator: string | null): void => {
    const identity = sourceIdentity(source);
    let reference = references.get(identity);
    if (reference === undefined) {
      const number = numberingStart + references.size;
      reference = { id: `ref-${number}`, number, backlinks: [], source };
      references.set(identity, reference);
    }
    const id = `cite-${reference.number}-${backlinkLetters(reference.backlinks.length)}`;
    reference.backlinks.push(id);
    citations.push({ id, number: reference.number, marker: marker.marker, start: marker.start, end: marker.end, sourceKey: keyOf(source), locator });
  };

  const report = (marker: ParsedMarker, issue: Omit<CitationIssue, 'marker' | 'start' | 'end'>): void => {
    issues.push({ ...issue, marker: marker.marker, start: marker.start, end: marker.end });
  };

  for (const marker of parseMarkers(body)) {
    switch (marker.kind) {
      case 'key':
        for (const item of marker.items) {
          const source = byKey.get(item.key);
          if (source === undefined) {
            report(marker, { code: 'unknown-source', severity: 'error', sourceKey: item.key, message: unknownKeyMessage(item.key) });
          } else cite(marker, source, item.locator);
        }
        break;
      case 'position': {
        const source = list[marker.position - numberingStart];
        if (marker.position >= numberingStart && isSource(source)) cite(marker, source, null);
        else report(marker, { code: 'index-out-of-range', severity: 'error', message: outOfRangeMessage(marker.marker, list.length, numberingStart) });
        break;
      }
      case 'bad-position':
        report(marker, {
          code: 'index-out-of-range',
          severity: 'error',
          message: badPositionMessage(marker.marker, marker.reason, list.length, numberingStart),
        });
        break;
      case 'malformed':
        report(marker, {
          code: 'malformed-marker',
          // `[1, 2]` may be prose (an interval); everything else is a broken citation.
          severity: marker.reason === 'position-list' ? 'warning' : 'error',
          message: malformedMessage(marker.marker, marker.reason),
        });
        break;
    }
  }

  issues.push(...findUnused(list, references, numberingStart));
  const listedIds = new Set(list.filter(isSource).map(sourceIdentity));
  const citedFromLibrary = [...references.values()].map((r) => r.source).filter((s) => !listedIds.has(sourceIdentity(s)));
  issues.push(...findDuplicateSources(list, citedFromLibrary, numberingStart));
  issues.push(...findUnhealthy(references));

  return { citations, references: [...references.values()], issues };
}

/** Listed keys win over library keys; within a list the first entry with a key wins. */
function indexByKey(listed: readonly CitableSource[], library: readonly CitableSource[]): Map<string, CitableSource> {
  const byKey = new Map<string, CitableSource>();
  for (const source of [...listed, ...library]) {
    if (!isSource(source)) continue;
    const key = keyOf(source);
    if (key !== '' && !byKey.has(key)) byKey.set(key, source);
  }
  return byKey;
}

function findUnused(listed: readonly CitableSource[], references: Map<unknown, Reference>, numberingStart: number): CitationIssue[] {
  const issues: CitationIssue[] = [];
  const reported = new Set<unknown>();
  listed.forEach((source, index) => {
    if (!isSource(source)) return;
    const identity = sourceIdentity(source);
    if (references.has(identity) || reported.has(identity)) return;
    reported.add(identity);
    const key = keyOf(source);
    issues.push({
      code: 'unused-source',
      severity: 'warning',
      marker: null,
      start: null,
      end: null,
      sourceKey: key,
      message: unusedMessage(key, index + numberingStart),
    });
  });
  return issues;
}

/**
 * `retracted-source` and `broken-link` warnings for the sources the body cites (a listed source
 * that is never cited already has its `unused-source` warning), in reference order.
 */
function findUnhealthy(references: Map<unknown, Reference>): CitationIssue[] {
  const issues: CitationIssue[] = [];
  for (const { source } of references.values()) {
    const key = keyOf(source);
    const base = { severity: 'warning' as const, marker: null, start: null, end: null, sourceKey: key };
    if (source.retracted === true) {
      issues.push({ ...base, code: 'retracted-source', message: retractedMessage(key, source.doi) });
    }
    if (source.linkStatus === 'broken' && typeof source.url === 'string') {
      issues.push({ ...base, code: 'broken-link', message: brokenLinkMessage(key, source.url, source.archiveUrl) });
    }
  }
  return issues;
}
