import { parseMarkers, type ParsedMarker } from '@cited-articles/server/src/citations';

/** Markers reduced to what the assertions need, with the offset invariant checked on the way. */
function found(body: string): Array<Pick<ParsedMarker, 'kind' | 'marker' | 'start'>> {
  return parseMarkers(body).map((m) => {
    expect(body.slice(m.start, m.end)).toBe(m.marker);
    return { kind: m.kind, marker: m.marker, start: m.start };
  });
}

describe('parseMarkers: valid markers', () => {
  it('finds a key marker with exact offsets', () => {
    const body = 'The mine collapsed [@jpost-2023].';
    expect(parseMarkers(body)).toEqual([{ kind: 'key', items: [{ key: 'jpost-2023', locator: null }], marker: '[@jpost-2023]', start: 19, end: 32 }]);
  });

  it('takes the locator after the first comma', () => {
    const [marker] = parseMarkers('See [@smith-2020, p. 12, note 3].');
    expect(marker).toMatchObject({ kind: 'key', items: [{ key: 'smith-2020', locator: 'p. 12, note 3' }] });
  });

  it('reads several sources in one marker, each with its own locator', () => {
    const body = 'x [@a, p. 3; @b] y [@c;@d]';
    const markers = parseMarkers(body);
    expect(markers).toEqual([
      {
        kind: 'key',
        items: [
          { key: 'a', locator: 'p. 3' },
          { key: 'b', locator: null },
        ],
        marker: '[@a, p. 3; @b]',
        start: 2,
        end: 16,
      },
      {
        kind: 'key',
        items: [
          { key: 'c', locator: null },
          { key: 'd', locator: null },
        ],
        marker: '[@c;@d]',
        start: 19,
        end: 26,
      },
    ]);
  });

  it('accepts keys with letters, digits, - _ . : (Unicode letters too)', () => {
    const keys = ['jpost-2023', 'a_b', 'doi:10.1000.182', 'x.y', 'zürich-2023', '2023'];
    for (const key of keys) {
      expect(parseMarkers(`[@${key}]`)).toMatchObject([{ kind: 'key', items: [{ key }] }]);
    }
  });

  it('finds positional markers, including [0]', () => {
    expect(parseMarkers('a [1] b [0] c [12]')).toMatchObject([
      { kind: 'position', position: 1, marker: '[1]', start: 2 },
      { kind: 'position', position: 0, marker: '[0]', start: 8 },
      { kind: 'position', position: 12, marker: '[12]', start: 14 },
    ]);
  });

  it('finds adjacent and nested-looking markers', () => {
    expect(found('[1][2] [@a][@b] [[3]]')).toEqual([
      { kind: 'position', marker: '[1]', start: 0 },
      { kind: 'position', marker: '[2]', start: 3 },
      { kind: 'key', marker: '[@a]', start: 7 },
      { kind: 'key', marker: '[@b]', start: 11 },
      { kind: 'position', marker: '[3]', start: 17 },
    ]);
  });

  it('tolerates spaces inside the brackets around items', () => {
    expect(parseMarkers('[ @a ] [ 2 ]')).toMatchObject([
      { kind: 'key', items: [{ key: 'a', locator: null }] },
      { kind: 'position', position: 2 },
    ]);
  });

  it('finds markers in headings, emphasis, lists, quotes, tables and footnote-like text', () => {
    const body = [
      '# Title [1]',
      '',
      '*emphasis [@a]* and **strong [2]** ~~gone [3]~~',
      '',
      '- item [4]',
      '  1. nested [5]',
      '',
      '> quoted',
      '> text [6]',
      '',
      '| h | [7] |',
      '|---|-----|',
      '| [8] | x |',
      '',
      'Note[^n].',
      '',
      '[^n]: footnote text [9]',
    ].join('\n');
    expect(found(body).map((m) => m.marker)).toEqual(['[1]', '[@a]', '[2]', '[3]', '[4]', '[5]', '[6]', '[7]', '[8]', '[9]']);
  });

  it('keeps exact offsets with CRLF line endings and a byte order mark', () => {
    expect(found('\uFEFFFirst [1]\r\n\r\nSecond [@a]\r\n> third [2]')).toEqual([
      { kind: 'position', marker: '[1]', start: 7 },
      { kind: 'key', marker: '[@a]', start: 21 },
      { kind: 'position', marker: '[2]', start: 35 },
    ]);
  });

  it('keeps exact offsets after entities and escapes in the same text', () => {
    const body = 'AT&amp;T \\*not emphasis\\* [1] &copy; [@a]';
    expect(found(body)).toEqual([
      { kind: 'position', marker: '[1]', start: 26 },
      { kind: 'key', marker: '[@a]', start: 37 },
    ]);
  });

  it('treats an escaped backslash before [ as a backslash, so the marker counts', () => {
    expect(found('a \\\\[1]')).toEqual([{ kind: 'position', marker: '[1]', start: 4 }]);
  });
});

describe('parseMarkers: what is not a marker', () => {
  it.each([
    ['inline code', 'Use `[@a]` and ``[1]`` here.'],
    ['fenced code', '```\n[@a] [1]\n```'],
    ['tilde fence', '~~~md\n[@a]\n~~~'],
    ['indented code', 'Para\n\n    [@a] [1]\n'],
    ['link destination', '[a link](https://example.com/[1]/[@a])'],
    ['link text', '[see [1] and [@a]](https://example.com)'],
    ['link title', '[x](https://example.com "[1]")'],
    ['autolink', '<https://example.com/[@a]/[1]>'],
    ['GFM autolink literal', 'https://example.com/a[1] and www.example.com/[@a]'],
    ['attributes of inline HTML tags', 'x <span title="[1]"></span> <a href="[@a]">'],
    ['HTML block', '<div>\n[@a] [1]\n</div>'],
    ['HTML comment', '<!-- [@a] [1] -->'],
    ['image alt', '![[1] alt](x.png)'],
    ['escaped opening bracket', 'Write \\[@key] or \\[1] literally.'],
    ['escaped closing bracket', 'Write [@key\\] or [1\\] literally.'],
    ['reference definition', '[1]: https://example.com'],
    ['plain prose in brackets', 'He said [sic] that [see below] and [2023-02-22] or [A] and [ ] and [].'],
    ['a markdown link', '[text](https://example.com) and [@a](https://example.com)'],
    ['GFM footnote syntax (plain text here)', 'Text[^1].\n\n[^1]: note'],
    ['a marker split over two lines', '[@a;\n@b] [1\n]'],
    ['an unclosed marker', 'Text [@a and [1 more'],
    ['a task list box', '- [ ] todo\n- [x] done'],
  ])('ignores %s', (_name, body) => {
    expect(parseMarkers(body)).toEqual([]);
  });

  it('treats a bracket pair that is a defined reference link as a link, not a marker', () => {
    expect(parseMarkers('See [1] and [@a].\n\n[1]: https://example.com\n[@a]: https://example.org')).toEqual([]);
  });

  it('returns nothing for empty or non-string input', () => {
    expect(parseMarkers('')).toEqual([]);
    expect(parseMarkers(undefined as unknown as string)).toEqual([]);
  });
});

describe('parseMarkers: invalid citation attempts are reported, classified', () => {
  it.each([
    ['[@]', 'missing-key'],
    ['[@, p. 3]', 'missing-key'],
    ['[@ key]', 'space-after-at'],
    ['[@a;]', 'empty-item'],
    ['[@a;;@b]', 'empty-item'],
    ['[@a; b]', 'item-without-at'],
    ['[@a,]', 'empty-locator'],
    ['[@a p. 3]', 'missing-comma'],
    ['[@a!b]', 'invalid-key'],
    ['[@-a]', 'invalid-key'],
    ['[1, 2]', 'position-list'],
    ['[1,2]', 'position-list'],
    ['[1-3]', 'position-list'],
    ['[1–3; 5]', 'position-list'],
  ])('%s is malformed (%s)', (marker, reason) => {
    expect(parseMarkers(`Text ${marker} end`)).toEqual([{ kind: 'malformed', reason, marker, start: 5, end: 5 + marker.length }]);
  });

  it.each([
    ['[-1]', 'negative'],
    ['[−2]', 'negative'],
    ['[+1]', 'signed'],
    ['[1.5]', 'fractional'],
    ['[1.]', 'fractional'],
    ['[.5]', 'fractional'],
    ['[01]', 'leading-zero'],
    ['[00]', 'leading-zero'],
    ['[99999999999999999999]', 'too-large'],
    ['[9007199254740992]', 'too-large'],
  ])('%s is a bad position (%s)', (marker, reason) => {
    expect(parseMarkers(`Text ${marker} end`)).toEqual([{ kind: 'bad-position', reason, marker, start: 5, end: 5 + marker.length }]);
  });

  it('accepts the largest safe integer as a (syntactically valid) position', () => {
    expect(parseMarkers('[9007199254740991]')).toMatchObject([{ kind: 'position', position: 9007199254740991 }]);
  });
});
