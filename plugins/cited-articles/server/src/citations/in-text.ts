import type { Element, ElementContent } from 'hast';
import { citationSup } from './citation-sup';
import type { CitationOccurrence, InTextCitation } from './types';

/** One marker that cites: its offsets and its occurrences (indices into `citations`), in marker order. */
export interface MarkerCluster {
  start: number;
  end: number;
  occurrences: number[];
}

/** The citing markers of a body in body order: the clusters an author-date style formats. */
export function markerClusters(citations: readonly CitationOccurrence[]): MarkerCluster[] {
  const byStart = new Map<number, MarkerCluster>();
  citations.forEach((citation, index) => {
    const cluster = byStart.get(citation.start);
    if (cluster && cluster.end === citation.end) cluster.occurrences.push(index);
    else if (!cluster) byStart.set(citation.start, { start: citation.start, end: citation.end, occurrences: [index] });
  });
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const link = (id: string, number: number, children: ElementContent[]): Element => ({
  type: 'element',
  tagName: 'a',
  properties: { id, href: `#ref-${number}` },
  children,
});

/**
 * A marker as an author-date style prints it:
 *
 *   <span class="citation">(<a id="cite-1-a" href="#ref-1">Porter et al., 2004, p. 12</a>;
 *     <a id="cite-2-a" href="#ref-2">Smith, 2020</a>)</span>
 *
 * Each source's part links to its reference and carries the id its back-link points to. When the
 * parts cannot be told apart, the whole text links to the marker's first reference and the other
 * occurrences keep their ids on empty anchors, so that every back-link still lands. The text is
 * in text nodes: escaped on output whatever it holds.
 */
export function inTextElement(citation: InTextCitation, sups: Array<{ id: string; number: number }>): Element {
  const children: ElementContent[] = [];
  const placed = new Set<string>();
  const known = new Map(sups.map((sup) => [sup.id, sup]));
  const pieces = citation.pieces?.every((piece) => piece.cite === null || known.has(piece.cite.id)) ? citation.pieces : null;
  if (pieces) {
    for (const piece of pieces) {
      if (piece.cite === null || placed.has(piece.cite.id)) {
        children.push(text(piece.text));
        continue;
      }
      placed.add(piece.cite.id);
      children.push(link(piece.cite.id, piece.cite.number, [text(piece.text)]));
    }
  } else if (sups[0]) {
    placed.add(sups[0].id);
    children.push(link(sups[0].id, sups[0].number, [text(citation.text)]));
  }
  for (const sup of sups) {
    if (!placed.has(sup.id)) children.push({ type: 'element', tagName: 'a', properties: { id: sup.id, href: `#ref-${sup.number}` }, children: [] });
  }
  return { type: 'element', tagName: 'span', properties: { className: ['citation'] }, children };
}

/** What a marker renders as: its in-text citation when the style gave one, else one sup per source. */
export function markerElements(rendering: { sups: Array<{ id: string; number: number }>; inText?: InTextCitation | null }): Element[] {
  if (rendering.inText && rendering.inText.text !== '' && rendering.sups.length > 0) return [inTextElement(rendering.inText, rendering.sups)];
  return rendering.sups.map((sup) => citationSup(sup.id, sup.number));
}
