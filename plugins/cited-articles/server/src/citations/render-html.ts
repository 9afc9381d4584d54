import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, PhrasingContent, Text } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { citationSchema, LINK_PROTOCOLS } from './html-schema';
import { planRenderings, type MarkerRendering } from './marker-renderings';
import { parseMarkdown } from './markdown';
import { referenceList, type FormattedReferences } from './reference-list';
import { locateInValue } from './text-mapping';
import type { Reference, ResolvedCitations } from './types';

export interface RenderOptions {
  /** Reference id → formatted plain text (see formatReferences). */
  formatted?: FormattedReferences;
}

/**
 * Markdown body → sanitised HTML with citation superscripts and the
 * reference list appended.
 *
 * - A resolved marker becomes `<sup id="cite-1-a"><a href="#ref-1">[1]</a></sup>`
 *   (one sup per source, adjacent, for `[@a; @b]`).
 * - Unresolved markers stay as literal (escaped) text.
 * - Raw HTML in the body is dropped, links whose scheme is not http(s),
 *   mailto or relative become plain text, and the whole tree then goes
 *   through hast-util-sanitize.
 */
export function renderBodyHtml(body: string, resolved: ResolvedCitations, options: RenderOptions = {}): string {
  const source = typeof body === 'string' ? body : '';
  // The body is parsed exactly as resolveCitations parsed it (same function,
  // same text), so every marker it found is in a text node here too.
  const { tree, offsetShift } = parseMarkdown(source);
  const renderings = planRenderings(source, resolved);
  if (renderings.length > 0) insertSups(tree, source, offsetShift, renderings);

  // allowDangerousHtml is off: raw HTML nodes are not carried into hast at all.
  const hast = toHast(tree);
  const root: HastRoot = hast.type === 'root' ? hast : { type: 'root', children: [hast as HastContent] };
  unwrapUnsafeLinks(root);

  const references: Reference[] = Array.isArray(resolved?.references) ? resolved.references : [];
  const list = referenceList(references, options?.formatted);
  if (list !== null) root.children.push({ type: 'text', value: '\n' }, list);

  return toHtml(sanitize(root, citationSchema));
}

function sup(id: string, number: number): Text {
  // A text node carrying hast data: mdast-util-to-hast turns it into the element.
  return {
    type: 'text',
    value: '',
    data: {
      hName: 'sup',
      hProperties: { id },
      hChildren: [{ type: 'element', tagName: 'a', properties: { href: `#ref-${number}` }, children: [{ type: 'text', value: `[${number}]` }] }],
    },
  };
}

/**
 * Split each text node that contains rendered markers into text, sups, text.
 * Link text is skipped: the marker finder skipped it too, and a sup link
 * cannot nest in a link.
 */
function insertSups(tree: Nodes, body: string, offsetShift: number, renderings: MarkerRendering[]): void {
  // Pre-order walk: text nodes come out in body order, like the renderings.
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
  // Children were pushed in reverse per parent; restore body order.
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
    for (const s of rendering.sups) out.push(sup(s.id, s.number));
    literal(rendering.literals.join(''));
    cursor = span.to;
  });
  literal(value.slice(cursor));
  return out;
}

/** Same test as hast-util-sanitize's: a colon before any `/`, `?` or `#` makes a scheme. */
function isAllowedHref(href: string): boolean {
  const colon = href.indexOf(':');
  if (colon < 0) return true;
  for (const stop of ['/', '?', '#']) {
    const index = href.indexOf(stop);
    if (index > -1 && index < colon) return true;
  }
  return LINK_PROTOCOLS.includes(href.slice(0, colon).toLowerCase());
}

/**
 * A `javascript:` link would lose its href in the sanitiser but stay an
 * `<a>`; unwrap it so it is plainly text.
 */
function unwrapUnsafeLinks(root: HastRoot): void {
  const parents: Array<HastRoot | Element> = [root];
  while (parents.length > 0) {
    const parent = parents.pop() as HastRoot | Element;
    const kept: Array<HastContent | ElementContent> = [];
    const pending = [...parent.children].reverse();
    while (pending.length > 0) {
      const child = pending.pop() as HastContent | ElementContent;
      if (child.type === 'element' && child.tagName === 'a' && typeof child.properties.href === 'string' && !isAllowedHref(child.properties.href)) {
        pending.push(...[...child.children].reverse()); // its content takes its place
        continue;
      }
      kept.push(child);
      if (child.type === 'element') parents.push(child);
    }
    parent.children = kept as typeof parent.children;
  }
}
