import type { Element, ElementContent, Root, RootContent } from 'hast';
import { LINK_PROTOCOLS } from './html-schema';

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
export function unwrapUnsafeLinks(root: Root): void {
  const parents: Array<Root | Element> = [root];
  while (parents.length > 0) {
    const parent = parents.pop() as Root | Element;
    const kept: Array<RootContent | ElementContent> = [];
    const pending = [...parent.children].reverse();
    while (pending.length > 0) {
      const child = pending.pop() as RootContent | ElementContent;
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
