import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { citationSchema } from './html-schema';
import { insertSups } from './insert-sups';
import { planRenderings, type MarkerRendering } from './marker-renderings';
import { parseMarkdown } from './markdown';
import { plainTextParagraph } from './plain-text-fallback';
import { referenceList, type FormattedReferences } from './reference-list';
import { isStackOverflow } from './stack-overflow';
import type { InTextCitation, Reference, ResolvedCitations } from './types';
import { unwrapUnsafeLinks } from './unwrap-unsafe-links';

export interface RenderOptions {
  /** Reference id → formatted plain text (see formatReferences). */
  formatted?: FormattedReferences;
  /**
   * Marker start offset → the marker as an author-date style prints it in the text (shown in
   * place of the numbered sups, its parts linking to their references). Absent: numbered sups.
   */
  inText?: ReadonlyMap<number, InTextCitation>;
}

/**
 * Markdown body → sanitised HTML with citation superscripts and the
 * reference list appended.
 *
 * - A resolved marker becomes `<sup id="cite-1-a"><a href="#ref-1">[1]</a></sup>`
 *   (one sup per source, adjacent, for `[@a; @b]`); with an author-date style's
 *   in-text citations, `<span class="citation">(<a id="cite-1-a" href="#ref-1">Porter,
 *   2004</a>)</span>` instead (see in-text.ts).
 * - Unresolved markers stay as literal (escaped) text.
 * - Raw HTML in the body is dropped, links whose scheme is not http(s),
 *   mailto or relative become plain text, and the whole tree then goes
 *   through hast-util-sanitize.
 */
export function renderBodyHtml(body: string, resolved: ResolvedCitations, options: RenderOptions = {}): string {
  const source = typeof body === 'string' ? body : '';
  const renderings = planRenderings(source, resolved, options?.inText instanceof Map ? options.inText : undefined);
  let root: HastRoot;
  try {
    root = renderMarkdown(source, renderings);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    root = { type: 'root', children: [plainTextParagraph(source, renderings)] };
  }

  const references: Reference[] = Array.isArray(resolved?.references) ? resolved.references : [];
  const list = referenceList(references, options?.formatted);
  if (list !== null) root.children.push({ type: 'text', value: '\n' }, list);

  try {
    return toHtml(sanitize(root, citationSchema));
  } catch (error) {
    // The tree was fine for mdast-util-to-hast but too deep for the sanitiser or serialiser.
    if (!isStackOverflow(error)) throw error;
    const flat: HastRoot = { type: 'root', children: [plainTextParagraph(source, renderings)] };
    if (list !== null) flat.children.push({ type: 'text', value: '\n' }, list);
    return toHtml(sanitize(flat, citationSchema));
  }
}

function renderMarkdown(source: string, renderings: MarkerRendering[]): HastRoot {
  // The body is parsed exactly as resolveCitations parsed it (same function,
  // same text), so every marker it found is in a text node here too.
  const { tree, offsetShift } = parseMarkdown(source);
  if (renderings.length > 0) insertSups(tree, source, offsetShift, renderings);
  // allowDangerousHtml is off: raw HTML nodes are not carried into hast at all.
  const hast = toHast(tree);
  const root: HastRoot = hast.type === 'root' ? hast : { type: 'root', children: [hast as HastContent] };
  unwrapUnsafeLinks(root);
  return root;
}
