import { formatMlaDate, formatNews, formatReferences, resolveCitations } from '@cited-articles/server/src/citations';
import { mineCollapseSources, source } from './fixtures';

describe('formatNews: the reference example', () => {
  const expected = [
    '“Two killed, more than 50 trapped in China coal mine collapse” The Jerusalem Post, 22 Feb. 2023,',
    '“Scores missing after large mine collapse in China” BBC, 23 Feb. 2023,',
    '“Death toll rises in China mine collapse as rescue efforts continue” CNN, 23 Feb. 2023,',
    '“Dozens feared dead after open pit mine collapses on workers” Boing Boing, 23 Feb. 2023,',
    '“6 dead, dozens still missing after China mine collapse” Bangkok Post, 24 Feb. 2023,',
    '“At least six killed in open-pit coalmine collapse in north China” The Guardian, 24 Feb. 2023,',
  ];

  it.each(mineCollapseSources.map((s, i) => [i, s, expected[i]] as const))('source %i', (_i, s, text) => {
    expect(formatNews(s)).toBe(text);
  });

  it('formats the resolved references of the article in first-use order (numberingStart 0)', () => {
    const resolved = resolveCitations('[0] [1] [2] [3] [4] [5]', mineCollapseSources, { numberingStart: 0 });
    const formatted = formatReferences(resolved.references);
    expect([...formatted.entries()]).toEqual(expected.map((text, i) => [`ref-${i}`, text]));
  });

  it('appends a space and the URL when the URL is safe', () => {
    const withUrl = { ...mineCollapseSources[0]!, url: 'https://www.jpost.com/international/article-732375' };
    expect(formatNews(withUrl)).toBe(
      '“Two killed, more than 50 trapped in China coal mine collapse” The Jerusalem Post, 22 Feb. 2023, https://www.jpost.com/international/article-732375'
    );
  });
});

describe('formatNews: edge cases', () => {
  const base = source('x', { title: 'Title', publisher: 'Publisher', publishedDate: '2023-02-22' });

  it.each([
    ['no publisher', { publisher: null }, '“Title” 22 Feb. 2023,'],
    ['blank publisher', { publisher: '   ' }, '“Title” 22 Feb. 2023,'],
    ['no date', { publishedDate: null }, '“Title” Publisher,'],
    ['invalid date', { publishedDate: '2023-02-30' }, '“Title” Publisher,'],
    ['free-text date', { publishedDate: 'last Tuesday' }, '“Title” Publisher,'],
    ['neither', { publisher: null, publishedDate: null }, '“Title”'],
    ['neither, with URL', { publisher: null, publishedDate: undefined, url: 'https://e.com/a' }, '“Title” https://e.com/a'],
    ['no title', { title: '' }, 'Publisher, 22 Feb. 2023,'],
    ['nothing at all', { title: '', publisher: null, publishedDate: null }, ''],
    ['unsafe URL is left out', { url: 'javascript:alert(1)' }, '“Title” Publisher, 22 Feb. 2023,'],
    [
      'unsafe URL, safe archive copy',
      { url: 'javascript:x', archiveUrl: 'https://web.archive.org/web/2023/https://e.com' },
      '“Title” Publisher, 22 Feb. 2023, https://web.archive.org/web/2023/https://e.com',
    ],
    ['dead link with archive copy', { archiveUrl: 'https://web.archive.org/x' }, '“Title” Publisher, 22 Feb. 2023, https://web.archive.org/x'],
    ['messy whitespace', { title: '  Two\n killed  ', publisher: ' The  Post ' }, '“Two killed” The Post, 22 Feb. 2023,'],
    ['trailing comma in publisher', { publisher: 'BBC,' }, '“Title” BBC, 22 Feb. 2023,'],
    ['trailing commas and spaces in publisher', { publisher: 'BBC , ,,' }, '“Title” BBC, 22 Feb. 2023,'],
    ['title already quoted', { title: '"Quoted"' }, '“Quoted” Publisher, 22 Feb. 2023,'],
    ['title in curly quotes', { title: '“Quoted”' }, '“Quoted” Publisher, 22 Feb. 2023,'],
    ['URL with spaces around', { url: '  https://e.com/a  ' }, '“Title” Publisher, 22 Feb. 2023, https://e.com/a'],
    ['authors are not part of the style', { authors: [{ family: 'Doe', given: 'Jane' }] }, '“Title” Publisher, 22 Feb. 2023,'],
  ])('%s', (_name, extra, expected) => {
    expect(formatNews({ ...base, ...extra })).toBe(expected);
  });

  it("strips a publisher's trailing commas in time linear in their number", () => {
    // Commas that are not trailing: an end-anchored regex retried at each of them took ~7 s here.
    const publisher = `${','.repeat(40_000)}BBC`;
    const started = performance.now();
    expect(formatNews({ ...base, publisher })).toBe(`“Title” ${publisher}, 22 Feb. 2023,`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never produces double spaces or stray commas', () => {
    const variants = [null, '', ' ', 'X'];
    for (const title of variants) {
      for (const publisher of variants) {
        for (const publishedDate of [null, '', '2023-02-22', 'bad']) {
          const text = formatNews({ documentId: 'd', key: 'k', title: title as string, publisher, publishedDate });
          expect(text).not.toMatch(/ {2}|,,|^ | $|^,/);
        }
      }
    }
  });
});

describe('formatMlaDate', () => {
  it('uses MLA month abbreviations and no leading zero on the day', () => {
    const months = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
    months.forEach((name, i) => {
      expect(formatMlaDate(`2023-${String(i + 1).padStart(2, '0')}-05`)).toBe(`5 ${name} 2023`);
    });
  });

  it.each([
    ['2024-02-29', '29 Feb. 2024'],
    ['2023-02', 'Feb. 2023'],
    ['2023', '2023'],
    ['2023-02-22T23:30:00.000Z', '22 Feb. 2023'],
    [' 2023-09-01 ', '1 Sept. 2023'],
  ])('%s → %s', (input, expected) => {
    expect(formatMlaDate(input)).toBe(expected);
  });

  it.each([['2023-02-29'], ['2023-13-01'], ['2023-00-10'], ['2023-04-31'], ['22/02/2023'], ['23-02-22'], [''], [null]])('rejects %p', (input) => {
    expect(formatMlaDate(input)).toBeNull();
  });
});

describe('partial dates', () => {
  const base = { documentId: 'd', key: 'k', title: 'Title', containerTitle: 'Outlet' };
  it.each([
    ['2004', '“Title” Outlet, 2004,'],
    ['2023-03', '“Title” Outlet, Mar. 2023,'],
    ['2023-03-07', '“Title” Outlet, 7 Mar. 2023,'],
  ])('news prints %s as far as it is known, never n.d.', (publishedDate, expected) => {
    expect(formatNews({ ...base, publishedDate })).toBe(expected);
  });

  it('news leaves an unknown date out rather than printing n.d.', () => {
    expect(formatNews({ ...base, publishedDate: null })).toBe('“Title” Outlet,');
  });
});
