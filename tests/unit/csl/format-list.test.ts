import { CSL_STYLES, createListCache, formatWithCsl } from '@cited-articles/server/src/csl/csl-style';
import { formatCslList, splitCluster } from '@cited-articles/server/src/csl/format-list';
import type { CitableSource } from '@cited-articles/server/src/citations/types';
import { citeLocator } from '@cited-articles/server/src/csl/locator';
import type { CslItem } from '@cited-articles/server/src/csl/source-to-csl';

const book = (id: string, family: string, given: string, year: number, title: string): CslItem => ({
  id,
  type: 'book',
  title,
  author: [{ family, given }],
  issued: { 'date-parts': [[year]] },
});

describe('whole-list CSL formatting', () => {
  const items = [book('b', 'Smith', 'John', 2020, 'Beta'), book('g', 'Smith', 'John', 2020, 'Gamma'), book('d', 'Smith', 'Alice', 2020, 'Delta')];

  it('gives same-author same-year entries their year suffixes, in the order the items were given', () => {
    const { entries } = formatCslList('apa', 'en-US', false, items, []);
    expect(entries).toEqual(['Smith, J. (2020a). Beta.', 'Smith, J. (2020b). Gamma.', 'Smith, A. (2020). Delta.']);
  });

  it('formats clusters with disambiguation, locators and collapsing, and cuts them into parts', () => {
    const { clusters } = formatCslList('apa', 'en-US', false, items, [[{ id: 'b', locator: '12', label: 'page' }, { id: 'g' }], [{ id: 'd' }]]);
    expect(clusters[0]?.text).toBe('(J. Smith, 2020a, p. 12, 2020b)');
    expect(clusters[0]?.pieces?.map((piece) => piece.item)).toEqual([null, 0, null, 1, null]);
    expect(clusters[0]?.pieces?.map((piece) => piece.text).join('')).toBe(clusters[0]?.text);
    expect(clusters[1]).toEqual({
      text: '(A. Smith, 2020)',
      pieces: [
        { text: '(', item: null },
        { text: 'A. Smith, 2020', item: 0 },
        { text: ')', item: null },
      ],
    });
  });

  it("takes the number off a numeric style's entries", () => {
    const { entries } = formatCslList('vancouver', 'en-US', true, items, []);
    expect(entries[0]).toMatch(/^Smith J\. Beta/);
  });

  it('reads an item anew when the same id comes back with other data', () => {
    expect(formatCslList('apa', 'en-US', false, [book('x', 'Doe', 'Jane', 2001, 'First')], []).entries[0]).toContain('First');
    expect(formatCslList('apa', 'en-US', false, [book('x', 'Doe', 'Jane', 2001, 'Second')], []).entries[0]).toContain('Second');
  });
});

describe('splitCluster', () => {
  it('finds each part, a collapsed one by its end', () => {
    expect(splitCluster('(Smith, 2020a, 2020b; Lee, 2001)', ['Lee, 2001', 'Smith, 2020a', 'Smith, 2020b'])).toEqual([
      { text: '(', item: null },
      { text: 'Smith, 2020a', item: 1 },
      { text: ', ', item: null },
      { text: '2020b', item: 2 },
      { text: '; ', item: null },
      { text: 'Lee, 2001', item: 0 },
      { text: ')', item: null },
    ]);
  });

  it('gives up rather than guess when a part is not in the text', () => {
    expect(splitCluster('(Smith, 2020)', ['Smith, 2020', 'Other'])).toBeNull();
  });
});

describe('citeLocator', () => {
  it.each([
    ['p. 12', { locator: '12', label: 'page' }],
    ['pp. 3-5', { locator: '3-5', label: 'page' }],
    ['12', { locator: '12', label: 'page' }],
    ['ch. 2', { locator: '2', label: 'chapter' }],
    ['§ 4', { locator: '4', label: 'section' }],
    ['table 3', { suffix: ', table 3' }],
    ['constructor 3', { suffix: ', constructor 3' }],
    [null, {}],
  ])('%s', (locator, expected) => {
    expect(citeLocator(locator)).toEqual(expected);
  });
});

describe('partial dates in every bundled CSL style', () => {
  const sources: CitableSource[] = [
    {
      documentId: 'y',
      key: 'year-only',
      title: 'Year only',
      authors: [{ family: 'Doe', given: 'Jane' }],
      containerTitle: 'Outlet',
      publishedDate: '2004',
      type: 'news',
    },
    {
      documentId: 'm',
      key: 'year-month',
      title: 'Year and month',
      authors: [{ family: 'Roe', given: 'Rick' }],
      containerTitle: 'Outlet',
      publishedDate: '2023-03',
      type: 'magazine',
    },
  ];
  it.each(CSL_STYLES.map((style) => style.id))('%s prints the known year and never n.d.', (id) => {
    const definition = CSL_STYLES.find((style) => style.id === id)!;
    const { entries, clusters } = formatWithCsl(definition, sources, 'en-US', createListCache(), [
      [{ index: 0, locator: null }],
      [{ index: 1, locator: null }],
    ]);
    expect(entries[0]).toContain('2004');
    expect(entries[1]).toContain('2023');
    for (const text of [...entries, ...clusters.map((cluster) => cluster.text)]) expect(text).not.toMatch(/n\.d\./);
  });
});
