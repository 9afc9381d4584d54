import type { Nodes } from 'mdast';
import { parseMarkdown } from './markdown';
import { isStackOverflow } from './stack-overflow';

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Node types whose text is never scanned for markers: a marker inside a
 * link's text (including GFM autolinks such as `www.x.com/[1]`) would nest a
 * link in a link, and a link whose label is `[@key]` with a matching
 * definition is a real Markdown reference link.
 */
const OPAQUE = new Set<string>(['link', 'linkReference']);

/**
 * Raw body ranges of the mdast `text` nodes in which markers may appear.
 * Code (inline, fenced, indented), raw HTML, link destinations and
 * definitions are not `text` nodes, so they are excluded by construction.
 *
 * The ranges are raw source, not the node's decoded value: offsets must point
 * into the body, and the raw text still shows backslash escapes (`\[@key]`).
 */
export function citableTextRanges(body: string): TextRange[] {
  try {
    return rangesFromMarkdown(body);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    // Nesting too deep for the parser: scan the whole body as plain text
    // (markers in code are then counted too, on a body no one writes).
    return body === '' ? [] : [{ start: 0, end: body.length }];
  }
}

function rangesFromMarkdown(body: string): TextRange[] {
  const { tree, offsetShift } = parseMarkdown(body);
  const ranges: TextRange[] = [];
  // Iterative walk: a pathological body (thousands of nested quotes or list
  // items) must not overflow the call stack.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (OPAQUE.has(node.type)) continue;
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      const range = { start: start + offsetShift, end: end + offsetShift };
      if (range.start >= 0 && range.start < range.end && range.end <= body.length) ranges.push(range);
      continue;
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  // Document order is what the walk yields, but sort anyway: numbering by
  // first use depends on it.
  return ranges.sort((a, b) => a.start - b.start);
}
