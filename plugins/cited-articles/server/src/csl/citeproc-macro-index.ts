import { createRequire } from 'node:module';

/**
 * citeproc-js finds a macro's definition by walking the whole style tree each time the style calls
 * it (`getNodesByName(dataObj, 'macro', name)` from `CSL.expandMacro`): calls × tree size, about
 * half of the 1–2 s it takes to build APA 7's engine. This puts an index of the style's macros, built
 * on the first lookup of each style, in front of that walk. It returns the same nodes in the same
 * (document) order; a name the index lacks falls back to the walk.
 */
type StyleNode = { name?: string; attrs?: Record<string, string>; children?: unknown[] };
type XmlJsonPrototype = {
  getNodesByName(json: StyleNode, name: string, nameattrval?: string, ret?: unknown[]): StyleNode[];
  __citedArticlesMacroIndex?: true;
};

const macroIndex = (walk: XmlJsonPrototype['getNodesByName'], self: unknown, root: StyleNode) => {
  const index = new Map<string, StyleNode[]>();
  for (const node of walk.call(self, root, 'macro')) {
    const name = node.attrs?.name;
    if (!name) continue;
    const list = index.get(name);
    if (list) list.push(node);
    else index.set(name, [node]);
  }
  return index;
};

export function installMacroIndex(): void {
  // The citeproc instance @citation-js/plugin-csl uses, wherever the package manager put it.
  const csl = createRequire(require.resolve('@citation-js/plugin-csl'))('citeproc') as { XmlJSON?: { prototype: XmlJsonPrototype } };
  const proto = csl?.XmlJSON?.prototype;
  if (!proto || proto.__citedArticlesMacroIndex) return;
  const walk = proto.getNodesByName;
  const indexes = new WeakMap<StyleNode, Map<string, StyleNode[]>>();
  proto.getNodesByName = function (json, name, nameattrval, ret) {
    if (name !== 'macro' || !nameattrval || ret || !json || json !== (this as { dataObj?: StyleNode }).dataObj) {
      return walk.call(this, json, name, nameattrval, ret);
    }
    let index = indexes.get(json);
    if (!index) {
      index = macroIndex(walk, this, json);
      indexes.set(json, index);
    }
    const found = index.get(nameattrval);
    return found ? [...found] : walk.call(this, json, name, nameattrval, ret);
  };
  proto.__citedArticlesMacroIndex = true;
}
