import { createRequire } from 'node:module';
import { citationJs } from '@cited-articles/server/src/csl/citation-js';
import { formatCslList } from '@cited-articles/server/src/csl/format-list';

// The macro index put in front of citeproc-js's style walk (csl/citeproc-macro-index.ts) must
// answer exactly what the walk answers, for every macro of every style the plugin offers.
const citeproc = createRequire(require.resolve('@citation-js/plugin-csl'))('citeproc');

/** The walk itself: every node with this name (and `name` attribute), in document order. */
const walk = (node: any, name: string, attr?: string, out: any[] = []): any[] => {
  if (!node || typeof node !== 'object' || !node.children) return out;
  if (node.name === name && (!attr || node.attrs?.name === attr)) out.push(node);
  for (const child of node.children) walk(child, name, attr, out);
  return out;
};

describe('citeproc macro index', () => {
  const csl = citationJs().config.get('@csl');
  const templates = ['apa', 'vancouver', 'harvard1', 'chicago-author-date', 'modern-language-association'];

  it.each(templates)('finds the same macro nodes as the walk in %s', (template) => {
    const style = csl.styles.get(template);
    const xml = new citeproc.XmlJSON(typeof style === 'string' ? citeproc.parseXml(style) : JSON.parse(JSON.stringify(style)));
    const macros = walk(xml.dataObj, 'macro');
    expect(macros.length).toBeGreaterThan(0);
    for (const macro of macros) {
      const name = macro.attrs.name;
      expect(xml.getNodesByName(xml.dataObj, 'macro', name)).toEqual(walk(xml.dataObj, 'macro', name));
    }
    expect(xml.getNodesByName(xml.dataObj, 'macro', 'no-such-macro')).toEqual([]);
  });

  it('is in front of the walk, and APA still formats an entry', () => {
    expect(citeproc.XmlJSON.prototype.__citedArticlesMacroIndex).toBe(true);
    const { entries } = formatCslList(
      'apa',
      'en-US',
      false,
      [
        {
          id: 'x',
          type: 'article-newspaper',
          title: 'Rescue work continues',
          author: [{ family: 'Doe', given: 'Jane' }],
          issued: { 'date-parts': [[2023, 2, 22]] },
          'container-title': 'Daily News',
        } as any,
      ],
      []
    );
    expect(entries[0]).toBe('Doe, J. (2023, February 22). Rescue work continues. Daily News.');
  });
});
