import type { Nodes, PhrasingContent, Text } from 'mdast';
import type { Element } from 'hast';
import { markerElements } from './in-text';
import type { MarkerRendering } from './marker-renderings';
import { locateInValue } from './text-mapping';

/** An mdast text node carrying hast data: mdast-util-to-hast turns it into the element (a sup, or an in-text citation). */
function carrier(element: Element): Text {
  return { type: 'text', value: '', data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children } };
}

/**
 * Split each text node that contains rendered markers into text, sups, text.
 * Link text is skipped: the marker finder skipped it too, and a sup link
 * cannot nest in a link.
 */
export function insertSups(tree: Nodes, body: string, offsetShift: number, renderings: MarkerRendering[]): void {
  // Collect the text nodes outside links, then put them in body order (the
  // order of the renderings) so one pass matches them up.
  const texts: Array<{ parent: Nodes; node: Text }> = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') continue;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i] as Nodes;
      if (child.type === 'text') texts.push({ parent: node, node: child });
      else stack.push(child);
    }
  }
  texts.sort((a, b) => (a.node.position?.start.offset ?? 0) - (b.node.position?.start.offset ?? 0));

  const replacements = new Map<Text, PhrasingContent[]>();
  let next = 0;
  for (const { node } of texts) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const from = start + offsetShift;
    const to = end + offsetShift;
    while (next < renderings.length && (renderings[next] as MarkerRendering).start < from) next++;
    const inside: MarkerRendering[] = [];
    while (next < renderings.length && (renderings[next] as MarkerRendering).end <= to) inside.push(renderings[next++] as MarkerRendering);
    if (inside.length > 0) replacements.set(node, splitText(node, body, from, inside));
  }
  const parents = new Set(texts.filter(({ node }) => replacements.has(node)).map(({ parent }) => parent));
  for (const parent of parents) {
    const children = (parent as { children: Nodes[] }).children;
    (parent as { children: Nodes[] }).children = children.flatMap((child) => (child.type === 'text' && replacements.get(child)) || [child]);
  }
}

function splitText(node: Text, body: string, nodeStart: number, renderings: MarkerRendering[]): PhrasingContent[] {
  const value = node.value;
  const spans = locateInValue(body, nodeStart, value, renderings);
  const out: PhrasingContent[] = [];
  const literal = (text: string): void => {
    if (text !== '') out.push({ type: 'text', value: text });
  };
  let cursor = 0;
  renderings.forEach((rendering, index) => {
    const span = spans[index];
    if (span === null || span === undefined) return; // not placeable: stays as literal text
    literal(value.slice(cursor, span.from));
    for (const element of markerElements(rendering)) out.push(carrier(element));
    literal(rendering.literals.join(''));
    cursor = span.to;
  });
  literal(value.slice(cursor));
  return out;
}
