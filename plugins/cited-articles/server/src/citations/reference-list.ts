import type { Element, ElementContent } from 'hast';
import { formatNews } from './format-news';
import type { Reference } from './types';

export type FormattedReferences = Map<string, string> | Record<string, string>;

/** Own properties only: a reference id must never read `__proto__` or `constructor`. */
function lookup(formatted: FormattedReferences | undefined, id: string): string | undefined {
  if (formatted instanceof Map) {
    const value = formatted.get(id);
    return typeof value === 'string' ? value : undefined;
  }
  if (typeof formatted === 'object' && formatted !== null && Object.prototype.hasOwnProperty.call(formatted, id)) {
    const value: unknown = formatted[id];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const link = (href: string, children: ElementContent[]): Element => ({ type: 'element', tagName: 'a', properties: { href }, children });

/**
 * Back-links as on Wikipedia: a single use is a caret linking to it; several
 * uses are "^ a b c", each letter linking to one use.
 */
function backlinks(reference: Reference): Element {
  const ids = reference.backlinks.map(String);
  const children: ElementContent[] =
    ids.length === 1
      ? [link(`#${ids[0]}`, [text('^')])]
      : [
          text('^'),
          ...ids.flatMap((id) => [
            text(' '),
            link(`#${id}`, [{ type: 'element', tagName: 'sup', properties: {}, children: [text(id.slice(id.lastIndexOf('-') + 1))] }]),
          ]),
        ];
  return { type: 'element', tagName: 'span', properties: { className: ['backlinks'] }, children };
}

/**
 * `<ol class="references" start="N">` with one `<li id="ref-N">` per
 * reference. The formatted text is a text node, so it is escaped on output
 * whatever it contains. A reference missing from `formatted` falls back to
 * the news style rather than rendering empty.
 */
export function referenceList(references: readonly Reference[], formatted: FormattedReferences | undefined): Element | null {
  if (references.length === 0) return null;
  const items: ElementContent[] = references.map((reference) => ({
    type: 'element',
    tagName: 'li',
    properties: { id: String(reference.id) },
    children: [
      backlinks(reference),
      text(' '),
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['reference-text'] },
        children: [text(lookup(formatted, String(reference.id)) ?? formatNews(reference.source))],
      },
    ],
  }));
  const start = Number(references[0]?.number);
  return {
    type: 'element',
    tagName: 'ol',
    properties: { className: ['references'], start: Number.isFinite(start) ? start : 1 },
    children: items,
  };
}
