import type { CitationIssue, InTextCitation, ResolvedCitations } from './types';

/** How one marker of the body is rendered. */
export interface MarkerRendering {
  start: number;
  end: number;
  marker: string;
  /** One `<sup>` per resolved source of the marker, in marker order. */
  sups: Array<{ id: string; number: number }>;
  /** Items of a multi-source marker that did not resolve, shown as literal text after the sups. */
  literals: string[];
  /** The marker as an author-date style prints it, shown instead of the sups; null: the sups. */
  inText: InTextCitation | null;
}

/**
 * Group the resolved occurrences by marker, in body order. Occurrences whose
 * offsets do not match this body (a caller passing stale results) and
 * overlapping ones are ignored rather than trusted: the renderer must not
 * throw or cut text at arbitrary offsets.
 */
export function planRenderings(body: string, resolved: ResolvedCitations, inText?: ReadonlyMap<number, InTextCitation>): MarkerRendering[] {
  const byStart = new Map<number, MarkerRendering>();
  const citations = Array.isArray(resolved?.citations) ? resolved.citations : [];
  for (const citation of citations) {
    const { start, end, marker } = citation;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > body.length || start >= end) continue;
    if (body.slice(start, end) !== marker) continue;
    let rendering = byStart.get(start);
    if (rendering === undefined) {
      rendering = { start, end, marker, sups: [], literals: [], inText: inText?.get(start) ?? null };
      byStart.set(start, rendering);
    }
    if (rendering.end === end) rendering.sups.push({ id: String(citation.id), number: Number(citation.number) });
  }
  const issues: CitationIssue[] = Array.isArray(resolved?.issues) ? resolved.issues : [];
  for (const issue of issues) {
    const rendering = issue.start === null ? undefined : byStart.get(issue.start);
    if (rendering && rendering.end === issue.end && issue.code === 'unknown-source' && issue.sourceKey) {
      rendering.literals.push(`[@${issue.sourceKey}]`);
    }
  }
  const sorted = [...byStart.values()].sort((a, b) => a.start - b.start);
  const kept: MarkerRendering[] = [];
  for (const rendering of sorted) {
    const previous = kept[kept.length - 1];
    if (previous === undefined || rendering.start >= previous.end) kept.push(rendering);
  }
  return kept;
}
