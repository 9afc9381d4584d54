import type { Element } from 'hast';

/** `<sup id="cite-1-a"><a href="#ref-1">[1]</a></sup>`: the contract frontends style and link to. */
export function citationSup(id: string, number: number): Element {
  return {
    type: 'element',
    tagName: 'sup',
    properties: { id },
    children: [{ type: 'element', tagName: 'a', properties: { href: `#ref-${number}` }, children: [{ type: 'text', value: `[${number}]` }] }],
  };
}
