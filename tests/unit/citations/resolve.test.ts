import { extractCitedKeys, resolveCitations, type CitationIssue } from '@cited-articles/server/src/citations';
import { backlinkLetters } from '@cited-articles/server/src/citations/backlink-letters';
import { mineCollapseSources, source } from './fixtures';

const codes = (issues: CitationIssue[]): string[] => issues.map((i) => i.code);

describe('resolveCitations: numbering', () => {
  const listed = [source('a'), source('b'), source('c')];

  it('numbers references by first use in the body, from 1 by default', () => {
    const result = resolveCitations('x [@c] y [@a] z [@b]', listed);
    expect(result.references.map((r) => [r.id, r.number, r.source.key])).toEqual([
      ['ref-1', 1, 'c'],
      ['ref-2', 2, 'a'],
      ['ref-3', 3, 'b'],
    ]);
    expect(result.citations.map((c) => [c.id, c.number, c.sourceKey])).toEqual([
      ['cite-1-a', 1, 'c'],
      ['cite-2-a', 2, 'a'],
      ['cite-3-a', 3, 'b'],
    ]);
    expect(result.issues).toEqual([]);
  });

  it('starts at 0 with numberingStart 0', () => {
    const result = resolveCitations('[@a] [@b]', listed.slice(0, 2), { numberingStart: 0 });
    expect(result.references.map((r) => r.id)).toEqual(['ref-0', 'ref-1']);
    expect(result.citations.map((c) => c.id)).toEqual(['cite-0-a', 'cite-1-a']);
  });

  it('positional [n] cites listed[n - 1] with numberingStart 1', () => {
    const result = resolveCitations('first [3] then [1]', listed);
    expect(result.citations.map((c) => [c.marker, c.sourceKey, c.number])).toEqual([
      ['[3]', 'c', 1],
      ['[1]', 'a', 2],
    ]);
  });

  it('positional [n] cites listed[n] with numberingStart 0', () => {
    const result = resolveCitations('[0] [2] [1]', listed, { numberingStart: 0 });
    expect(result.citations.map((c) => [c.sourceKey, c.number])).toEqual([
      ['a', 0],
      ['c', 1],
      ['b', 2],
    ]);
  });

  it('keeps the number of a reused source and adds back-links (reuse after first use)', () => {
    const result = resolveCitations('[@b] [@a] [@b] [@b]', listed);
    expect(result.citations.map((c) => c.id)).toEqual(['cite-1-a', 'cite-2-a', 'cite-1-b', 'cite-1-c']);
    expect(result.references[0]).toMatchObject({ id: 'ref-1', backlinks: ['cite-1-a', 'cite-1-b', 'cite-1-c'] });
    expect(result.references[1]).toMatchObject({ id: 'ref-2', backlinks: ['cite-2-a'] });
  });

  it('numbers by the first use even when a later marker appears earlier in the list (reuse before)', () => {
    // `a` is listed first but used second: it still gets number 2, and its
    // earlier-listed position does not matter.
    const result = resolveCitations('[2] then [1] then [2]', listed);
    expect(result.citations.map((c) => c.id)).toEqual(['cite-1-a', 'cite-2-a', 'cite-1-b']);
    expect(result.references.map((r) => r.source.key)).toEqual(['b', 'a']);
  });

  it('a positional and a key marker for the same source share one reference', () => {
    const result = resolveCitations('[2] and [@b]', listed);
    expect(result.references).toHaveLength(1);
    expect(result.citations.map((c) => c.id)).toEqual(['cite-1-a', 'cite-1-b']);
  });

  it('gives every source of a multi-source marker its own occurrence with the marker offsets', () => {
    const body = 'Claim [@a, p. 3; @b].';
    const result = resolveCitations(body, listed);
    expect(result.citations).toEqual([
      { id: 'cite-1-a', number: 1, marker: '[@a, p. 3; @b]', start: 6, end: 20, sourceKey: 'a', locator: 'p. 3' },
      { id: 'cite-2-a', number: 2, marker: '[@a, p. 3; @b]', start: 6, end: 20, sourceKey: 'b', locator: null },
    ]);
  });

  it('continues letters after z with aa, ab … (bijective base 26)', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(backlinkLetters)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba', 'zz', 'aaa']);
    const result = resolveCitations(Array.from({ length: 28 }, () => '[1]').join(' '), listed);
    expect(result.citations.slice(24).map((c) => c.id)).toEqual(['cite-1-y', 'cite-1-z', 'cite-1-aa', 'cite-1-ab']);
  });

  it('numbers afresh on every call', () => {
    const first = resolveCitations('[@a] [@b]', listed);
    const second = resolveCitations('[@a] [@b]', listed);
    expect(second).toEqual(first);
  });

  it('falls back to numberingStart 1 for missing or odd options', () => {
    expect(resolveCitations('[1]', listed).references[0]?.number).toBe(1);
    expect(resolveCitations('[1]', listed, { numberingStart: 7 as unknown as 1 }).references[0]?.number).toBe(1);
    expect(resolveCitations('[1]', listed, undefined).references[0]?.number).toBe(1);
  });
});

describe('resolveCitations: sources by key', () => {
  it('cites a library source when the key is not listed', () => {
    const library = [source('lib-1', { documentId: 'doc-lib' })];
    const result = resolveCitations('[@lib-1]', [], {}, library);
    expect(result.references.map((r) => r.source.documentId)).toEqual(['doc-lib']);
    expect(result.issues).toEqual([]);
  });

  it('prefers the listed source when the library has the same key', () => {
    const listedA = source('a', { documentId: 'listed' });
    const result = resolveCitations('[@a]', [listedA], {}, [source('a', { documentId: 'library' })]);
    expect(result.references[0]?.source.documentId).toBe('listed');
  });

  it('reports an unknown key as an error, keeps the marker and takes no number', () => {
    const body = 'x [@nope] y [@a]';
    const result = resolveCitations(body, [source('a')]);
    expect(result.issues).toEqual([
      {
        code: 'unknown-source',
        severity: 'error',
        marker: '[@nope]',
        start: 2,
        end: 9,
        sourceKey: 'nope',
        message: 'No source has the key "nope". Check the spelling, or create the source first.',
      },
    ]);
    expect(result.citations.map((c) => c.id)).toEqual(['cite-1-a']);
  });

  it('resolves the known sources of a multi-source marker and reports the unknown ones', () => {
    const result = resolveCitations('[@a; @nope; @b]', [source('a'), source('b')]);
    expect(result.citations.map((c) => c.sourceKey)).toEqual(['a', 'b']);
    expect(result.issues).toMatchObject([{ code: 'unknown-source', sourceKey: 'nope', marker: '[@a; @nope; @b]', start: 0, end: 15 }]);
  });

  it('extractCitedKeys lists distinct keys in first-use order, ignoring positional, malformed and code', () => {
    expect(extractCitedKeys('[@b] [1] [@a, p. 2; @b] `[@code]` [@c;] [@d] [@a]')).toEqual(['b', 'a', 'd']);
  });
});

describe('resolveCitations: positions out of range', () => {
  const six = mineCollapseSources;

  it('reports a position beyond the list, with the valid range', () => {
    const result = resolveCitations('Collapse [7].', six, { numberingStart: 0 });
    expect(result.issues.filter((i) => i.code !== 'unused-source')).toEqual([
      {
        code: 'index-out-of-range',
        severity: 'error',
        marker: '[7]',
        start: 9,
        end: 12,
        message: 'Position [7] is out of range: this article lists 6 sources, numbered 0 to 5.',
      },
    ]);
  });

  it('reports [0] with numberingStart 1 and [6] with numberingStart 0', () => {
    expect(resolveCitations('[0]', six).issues[0]?.message).toBe('Position [0] is out of range: this article lists 6 sources, numbered 1 to 6.');
    expect(resolveCitations('[6]', six, { numberingStart: 0 }).issues[0]?.code).toBe('index-out-of-range');
    expect(resolveCitations('[6]', six, { numberingStart: 1 }).issues.filter((i) => i.code === 'index-out-of-range')).toEqual([]);
  });

  it.each([
    ['[-1]', 'Position [-1] is out of range: positions cannot be negative; this article lists 6 sources, numbered 1 to 6.'],
    ['[1.5]', 'Position [1.5] is out of range: positions are whole numbers; this article lists 6 sources, numbered 1 to 6.'],
    ['[01]', 'Position [01] is out of range: write the position without leading zeros, e.g. [1]; this article lists 6 sources, numbered 1 to 6.'],
    [
      '[99999999999999999999]',
      'Position [99999999999999999999] is out of range: the number is far too large; this article lists 6 sources, numbered 1 to 6.',
    ],
    ['[+2]', 'Position [+2] is out of range: write the position without a sign, e.g. [1]; this article lists 6 sources, numbered 1 to 6.'],
  ])('reports %s as index-out-of-range', (marker, message) => {
    const result = resolveCitations(`x ${marker} [2]`, six);
    expect(result.issues.filter((i) => i.code !== 'unused-source')).toEqual([
      { code: 'index-out-of-range', severity: 'error', marker, start: 2, end: 2 + marker.length, message },
    ]);
    // The bad marker took no number: the next valid one is still 1.
    expect(result.citations.map((c) => c.id)).toEqual(['cite-1-a']);
  });

  it('explains when the article lists no sources', () => {
    expect(resolveCitations('[1]', []).issues[0]?.message).toBe(
      'Position [1] is out of range: this article lists no sources; add the source to its citations or cite it by key, e.g. [@source-key].'
    );
  });

  it('shortens a huge marker in the message', () => {
    const marker = `[${'9'.repeat(500)}]`;
    const issue = resolveCitations(marker, six).issues[0];
    expect(issue?.marker).toBe(marker);
    expect(issue?.message.length).toBeLessThan(200);
  });
});

describe('resolveCitations: malformed markers', () => {
  it('reports malformed markers as errors and position lists as warnings', () => {
    const result = resolveCitations('[@] [@ key] [@a;] [@a; b] [1, 2]', [source('a')]);
    expect(result.issues.filter((i) => i.code === 'malformed-marker').map((i) => [i.marker, i.severity])).toEqual([
      ['[@]', 'error'],
      ['[@ key]', 'error'],
      ['[@a;]', 'error'],
      ['[@a; b]', 'error'],
      ['[1, 2]', 'warning'],
    ]);
    expect(result.issues.find((i) => i.marker === '[@a; b]')?.message).toBe(
      'Marker [@a; b] is malformed: every source after ";" needs its own "@", e.g. [@a; @b].'
    );
  });
});

describe('resolveCitations: unused and duplicate sources', () => {
  it('warns about listed sources never cited, without numbering them', () => {
    const result = resolveCitations('[@b]', [source('a'), source('b'), source('c')]);
    expect(result.references.map((r) => r.source.key)).toEqual(['b']);
    expect(result.issues).toEqual([
      {
        code: 'unused-source',
        severity: 'warning',
        marker: null,
        start: null,
        end: null,
        sourceKey: 'a',
        message: 'Source "a" (position 1) is listed but never cited in the body: cite it with [@a] or remove it from the list.',
      },
      expect.objectContaining({ code: 'unused-source', sourceKey: 'c' }),
    ]);
  });

  it.each([
    ['http vs https', 'http://example.com/story', 'https://example.com/story'],
    ['www', 'https://www.example.com/story', 'https://example.com/story'],
    ['trailing slash', 'https://example.com/story/', 'https://example.com/story'],
    ['utm parameters', 'https://example.com/story?utm_source=x&utm_medium=y', 'https://example.com/story'],
    ['fbclid and fragment', 'https://example.com/story?fbclid=abc#comments', 'https://EXAMPLE.com/story'],
    ['query order', 'https://example.com/s?b=2&a=1', 'https://example.com/s?a=1&b=2'],
  ])('warns when two sources have the same URL (%s)', (_name, first, second) => {
    const result = resolveCitations('[1] [2]', [source('first', { url: first }), source('second', { url: second })]);
    expect(result.issues).toEqual([
      {
        code: 'duplicate-source',
        severity: 'warning',
        marker: null,
        start: null,
        end: null,
        sourceKey: 'second',
        message: expect.stringMatching(/^Sources "first" and "second" point to the same page \(https:\/\/example\.com\/s/),
      },
    ]);
  });

  it('does not flag different pages or sources without URL', () => {
    const result = resolveCitations('[1] [2] [3] [4]', [
      source('a', { url: 'https://example.com/a' }),
      source('b', { url: 'https://example.com/b' }),
      source('c'),
      source('d', { url: null }),
    ]);
    expect(result.issues).toEqual([]);
  });

  it('compares a source cited from the library with the listed ones', () => {
    const result = resolveCitations('[1] [@lib]', [source('a', { url: 'https://example.com/x' })], {}, [
      source('lib', { url: 'http://www.example.com/x/' }),
    ]);
    expect(codes(result.issues)).toEqual(['duplicate-source']);
    expect(result.issues[0]?.sourceKey).toBe('lib');
  });

  it('warns when the same document is listed twice, and cites it as one reference', () => {
    const a = source('a');
    const result = resolveCitations('[1] [2]', [a, { ...a }]);
    expect(result.references).toHaveLength(1);
    expect(result.issues).toMatchObject([
      { code: 'duplicate-source', sourceKey: 'a', message: 'Source "a" is listed twice (positions 1 and 2): remove one of them.' },
    ]);
  });

  it('warns when two listed sources share a key; the key cites the first', () => {
    const result = resolveCitations('[@a] [2]', [source('a', { documentId: 'one' }), source('a', { documentId: 'two' })]);
    expect(result.references.map((r) => r.source.documentId)).toEqual(['one', 'two']);
    expect(codes(result.issues)).toEqual(['duplicate-source']);
  });
});

describe('resolveCitations: the mine collapse article', () => {
  it('cites the six sources positionally from 0', () => {
    const body = 'A mine collapsed [0][1]. Rescue continued [2][3], toll rose [4][5]. Again [0].';
    const result = resolveCitations(body, mineCollapseSources, { numberingStart: 0 });
    expect(result.issues).toEqual([]);
    expect(result.references.map((r) => [r.number, r.source.key, r.backlinks.length])).toEqual([
      [0, 'jpost-2023', 2],
      [1, 'bbc-2023', 1],
      [2, 'cnn-2023', 1],
      [3, 'boingboing-2023', 1],
      [4, 'bangkokpost-2023', 1],
      [5, 'guardian-2023', 1],
    ]);
  });
});

describe('source health warnings', () => {
  const resolve = resolveCitations;
  const source = (key: string, extra: Record<string, unknown>) => ({ documentId: key, key, title: key, ...extra });

  it('warns of a cited source that is retracted or whose link is broken, in reference order', () => {
    const listed = [
      source('a', { url: 'https://a.example/', linkStatus: 'broken', archiveUrl: 'https://web.archive.org/web/1/https://a.example/' }),
      source('b', { doi: '10.1/b', retracted: true }),
      source('c', { url: 'https://c.example/', linkStatus: 'redirected' }),
    ];
    const { issues } = resolve('[@b] then [@a] and [@c].', listed);
    expect(issues.map((issue: any) => [issue.code, issue.severity, issue.sourceKey])).toEqual([
      ['retracted-source', 'warning', 'b'],
      ['broken-link', 'warning', 'a'],
    ]);
    expect(issues[0].message).toMatch(/Source "b" \(DOI 10\.1\/b\) has been retracted/);
    expect(issues[1].message).toMatch(/an archived copy is on record \(https:\/\/web\.archive\.org\/web\/1\/https:\/\/a\.example\/\)/);
  });

  it('says nothing of a listed source that is not cited (it has its unused-source warning)', () => {
    const { issues } = resolve('No citation.', [source('a', { url: 'https://a.example/', linkStatus: 'broken', retracted: true })]);
    expect(issues.map((issue: any) => issue.code)).toEqual(['unused-source']);
  });
});
