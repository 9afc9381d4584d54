import type { Element, ElementContent } from 'hast';
import { markerElements } from './in-text';
import type { MarkerRendering } from './marker-renderings';

/**
 * The body as one paragraph of plain text with the citations (sups, or an
 * author-date style's in-text citations) at their offsets: used when the body is nested too deeply to render as Markdown
 * (see stack-overflow.ts). Flat, so it cannot overflow anything itself.
 */
export function plainTextParagraph(body: string, renderings: readonly MarkerRendering[]): Element {
  const children: ElementContent[] = [];
  const text = (value: string): void => {
    if (value !== '') children.push({ type: 'text', value });
  };
  let cursor = 0;
  for (const rendering of renderings) {
    text(body.slice(cursor, rendering.start));
    children.push(...markerElements(rendering));
    text(rendering.literals.join(''));
    cursor = rendering.end;
  }
  text(body.slice(cursor));
  return { type: 'element', tagName: 'p', properties: {}, children };
}
