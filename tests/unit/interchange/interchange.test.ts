import { detectFormat, jsonElementLines, jsonErrorLine, splitBibtex, splitRis } from '@cited-articles/server/src/interchange/split-entries';
import { cslToSource, readImportFile } from '@cited-articles/server/src/interchange/read-import';
import { exportItems } from '@cited-articles/server/src/interchange/export-formats';
import { sourceToCsl } from '@cited-articles/server/src/csl/source-to-csl';

describe('detectFormat', () => {
  it.each([
    ['[{"type":"book"}]', 'csl-json'],
    ['\uFEFF  {"type":"book"}', 'csl-json'],
    ['TY  - BOOK\nER  - ', 'ris'],
    ['% comment\n@book{a, title={x}}', 'bibtex'],
    ['plain words', null],
  ])('%j is %s', (content, format) => {
    expect(detectFormat(content)).toBe(format);
  });
});

describe('splitting files into entries with their lines', () => {
  it('splits BibTeX at each @type{ line, skips comments and prepends @string macros', () => {
    const entries = splitBibtex('@string{x = "X"}\n\n@comment{ignore}\n@book{a,\n title = x}\n\n@misc{b, title={B}}\n');
    expect(entries.map((entry) => entry.line)).toEqual([4, 7]);
    expect(entries[0].text.startsWith('@string{x = "X"}')).toBe(true);
    expect(entries[0].prefixLines).toBe(2);
  });

  it('splits RIS at TY and ER, keeping an unterminated last record', () => {
    const entries = splitRis('TY  - BOOK\nTI  - A\nER  - \n\nTY  - ELEC\nTI  - B\n');
    expect(entries.map((entry) => [entry.line, entry.text.split('\n')[1]])).toEqual([
      [1, 'TI  - A'],
      [5, 'TI  - B'],
    ]);
  });

  it('finds the line of each top-level JSON element, ignoring brackets inside strings', () => {
    expect(jsonElementLines('[\n {"title": "a [b], {c}"},\n\n {"x": [1,\n 2]},\n "s"\n]')).toEqual([2, 4, 6]);
    expect(jsonElementLines('{"one": true}')).toEqual([1]);
  });

  it('locates a JSON syntax error at the element that does not parse', () => {
    const text = '[\n {"a": 1},\n {"b": }\n]';
    let error: Error | null = null;
    try {
      JSON.parse(text);
    } catch (caught) {
      error = caught as Error;
    }
    expect(jsonErrorLine(text, error as Error)).toBe(3);
  });
});

describe('sources and CSL items', () => {
  const source = {
    documentId: 'd1',
    key: 'doe-2020',
    title: '  A   title ',
    containerTitle: 'Daily',
    authors: [
      { given: 'Jane', family: 'Doe' },
      { given: ' John ', family: 'Doe' },
      { literal: 'Reuters Staff' },
      { literal: 'Plato' },
      { given: '' },
    ],
    url: 'javascript:alert(1)',
    archiveUrl: 'https://archive.example/x',
    publishedDate: '2020-05-04',
    type: 'news' as const,
  };

  it('maps a source to CSL, leaving out unsafe URLs', () => {
    expect(sourceToCsl(source)).toEqual({
      id: 'doe-2020',
      'citation-key': 'doe-2020',
      type: 'article-newspaper',
      title: 'A title',
      'container-title': 'Daily',
      author: [{ given: 'Jane', family: 'Doe' }, { given: 'John', family: 'Doe' }, { literal: 'Reuters Staff' }, { literal: 'Plato' }],
      issued: { 'date-parts': [[2020, 5, 4]] },
      custom: { archiveUrl: 'https://archive.example/x' },
    });
    expect(sourceToCsl({ ...source, type: 'book', publisher: 'Press' }).publisher).toBe('Press');
  });

  it('reads CSL items back as sources, refusing what a source cannot hold', () => {
    expect(cslToSource({ id: 'x', type: 'book' }, null)).toBe('the entry has no title');
    expect(cslToSource({ id: 'x', type: 'book', title: 'T', ISBN: '1'.repeat(101) }, null)).toBe('isbn is longer than 100 characters');
    expect(cslToSource({ id: 'x', type: 'book', title: 'T', URL: 'ftp://a/b' }, null)).toMatch(/not an http\(s\) URL/);
    expect(cslToSource({ id: 'x', type: 'book', title: 'x'.repeat(501) }, null)).toBe('title is longer than 500 characters');
    const read = cslToSource(
      { id: 'bad key!', type: 'article-journal', genre: 'newspaper', title: 'T', issued: { 'date-parts': [[2020, 2, 30]] } },
      null
    );
    // A day past the month's end keeps the year only (citations/partial-date.ts).
    expect(read).toMatchObject({ key: null, type: 'news', publishedDate: '2020' });
  });

  it('exports BibTeX whose archive URL cannot close the field', () => {
    const bib = exportItems([sourceToCsl({ ...source, archiveUrl: 'https://a.example/}x{' })], 'bibtex');
    expect(bib).toContain('Archived at \\url{https://a.example/%7Dx%7B}');
    expect(readImportFile(bib).entries[0]).toMatchObject({ source: { archiveUrl: 'https://a.example/%7Dx%7B' } });
  });
});
