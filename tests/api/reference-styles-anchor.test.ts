/**
 * The plugin's formatting checked against citeproc-js itself: a fixed set of CSL-JSON items
 * (tests/fixtures/csl-anchor.json: every source type, every name form, full and partial dates,
 * same author and year, same family with another given name) is stored as sources through the
 * mapping (cslToSourceFields), cited by one article, and read back through the article route in
 * APA, Chicago author-date and Vancouver. citeproc-js, run here directly on the same items with
 * the same style and locale, must give the same entries and in-text clusters, whitespace aside:
 * what is tested is that a source goes to and from CSL without loss, not citeproc.
 */
import { createRequire } from 'node:module';
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { ARTICLE_UID, SOURCE_UID } from '../helpers/content';
import { citationJs } from '@cited-articles/server/src/csl/citation-js';
import { CSL_STYLES } from '@cited-articles/server/src/csl/csl-style';
import { cslToSourceFields, type CslItem } from '@cited-articles/server/src/csl/source-to-csl';
import fixture from '../fixtures/csl-anchor.json';

const app = setupStrapi();
const items = fixture as CslItem[];
const SLUG = 'anchor-article';

/** Markers of the body beyond the first use of every item: locators, multi-source clusters, reuse. */
const EXTRA_MARKERS: Array<{ marker: string; cite: Array<{ id: string; locator?: string; label?: string }> }> = [
  { marker: '[@porter2004, p. 12]', cite: [{ id: 'porter2004', locator: '12', label: 'page' }] },
  { marker: '[@smith2020a; @smith2020b]', cite: [{ id: 'smith2020a' }, { id: 'smith2020b' }] },
  { marker: '[@smith2020alice; @smith2020a, pp. 3-5]', cite: [{ id: 'smith2020alice' }, { id: 'smith2020a', locator: '3-5', label: 'page' }] },
  { marker: '[@vanberg2019; @who2021, ch. 3]', cite: [{ id: 'vanberg2019' }, { id: 'who2021', locator: '3', label: 'chapter' }] },
  { marker: '[@king1963; @beethoven1990; @humboldt1845]', cite: [{ id: 'king1963' }, { id: 'beethoven1990' }, { id: 'humboldt1845' }] },
  { marker: '[@porter2004b]', cite: [{ id: 'porter2004b' }] },
];
const body = [
  `Every source once: ${items.map((item) => `[@${item.id}]`).join(' ')}.`,
  ...EXTRA_MARKERS.map(({ marker }, index) => `Claim ${index + 1} ${marker}.`),
].join('\n\n');

// The citeproc-js that the plugin's citation-js depends on, run directly.
const citeproc = createRequire(require.resolve('@citation-js/plugin-csl'))('citeproc');
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/** citeproc-js on the fixture's items: bibliography entries by id and the text of each cluster. */
function citeprocDirect(template: string) {
  const csl = citationJs().config.get('@csl') as any;
  const byId = new Map(items.map((item) => [item.id, item]));
  const engine = new citeproc.Engine(
    { retrieveItem: (id: string) => byId.get(id), retrieveLocale: (locale: string) => csl.locales.get(locale) },
    csl.styles.get(template),
    'en-US',
    true
  );
  const clusters = [...items.map((item) => [{ id: item.id }]), ...EXTRA_MARKERS.map(({ cite }) => cite)];
  const citations = clusters.map((citationItems, index) => ({ citationID: `c${index}`, citationItems, properties: { noteIndex: 0 } }));
  const texts = engine.rebuildProcessorState(citations, 'text', []).map((entry: [string, number, string]) => norm(entry[2]));
  engine.setOutputFormat('text');
  const [{ entry_ids: ids }, entries] = engine.makeBibliography();
  const bibliography = new Map<string, string>(ids.map((entryIds: string[], index: number) => [entryIds[0], norm(entries[index])]));
  return { bibliography, texts };
}

beforeAll(async () => {
  for (const item of items) {
    const { key, ...fields } = cslToSourceFields(item);
    await app.strapi.documents(SOURCE_UID).create({ data: { ...fields, key } });
  }
  await app.strapi.documents(ARTICLE_UID).create({ data: { title: 'Anchor', slug: SLUG, body, citations: [] }, status: 'published' });
});

const read = async (style: string) => {
  const res = await request(app.server).get(`/api/cited-articles/articles/${SLUG}?style=${style}`);
  expect(res.status).toBe(200);
  expect(res.body.meta.issues).toEqual([]);
  return res.body.data;
};

describe.each(['apa', 'chicago', 'vancouver'])('%s against citeproc-js run directly', (style) => {
  const template = CSL_STYLES.find((definition) => definition.id === style)!.template;

  it('gives every reference the entry citeproc gives its item in the whole list', async () => {
    expect(items.length).toBeGreaterThanOrEqual(30);
    const data = await read(style);
    const expected = citeprocDirect(template).bibliography;
    expect(data.references.map((reference: any) => reference.source.key)).toEqual(items.map((item) => item.id));
    for (const reference of data.references) {
      let entry = expected.get(reference.source.key) as string;
      if (style === 'vancouver') {
        // The number citeproc prints is the first use, as the API's `number`; the entry holds the rest.
        expect(entry.startsWith(`${reference.number}. `)).toBe(true);
        entry = entry.slice(`${reference.number}. `.length);
      }
      expect({ key: reference.source.key, formatted: norm(reference.formatted) }).toEqual({ key: reference.source.key, formatted: entry });
    }
  });
});

describe('APA in-text citations against citeproc-js clusters', () => {
  it('gives each marker the cluster citeproc formats, on every one of its sources', async () => {
    const data = await read('apa');
    const { texts } = citeprocDirect('apa');
    const byMarkerStart = new Map<number, string[]>();
    for (const citation of data.citations) byMarkerStart.set(citation.start, [...(byMarkerStart.get(citation.start) ?? []), citation.formatted]);
    const markers = [...byMarkerStart.values()];
    expect(markers).toHaveLength(texts.length);
    markers.forEach((formatted, index) => {
      expect(new Set(formatted)).toEqual(new Set([texts[index]]));
    });
    // What the comparison covers: locators, collapsed year suffixes (APA's 2020a goes to the title
    // first in the alphabet, smith2020b's) and a disambiguated given name.
    expect(texts).toEqual(
      expect.arrayContaining(['(Porter et al., 2004a, p. 12)', '(J. Smith, 2020b, 2020a)', '(A. Smith, 2020; J. Smith, 2020b, pp. 3–5)'])
    );
  });

  it('gives Vancouver no in-text text: the number stays', async () => {
    const data = await read('vancouver');
    expect(new Set(data.citations.map((citation: any) => citation.formatted))).toEqual(new Set([null]));
  });
});
