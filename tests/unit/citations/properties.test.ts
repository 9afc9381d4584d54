import fc from 'fast-check';
import {
  extractCitedKeys,
  formatNews,
  formatReferences,
  isSafeUrl,
  normaliseUrl,
  parseMarkers,
  renderBodyHtml,
  resolveCitations,
  type CitableSource,
  type ResolvedCitations,
} from '@cited-articles/server/src/citations';

/** FUZZ_SCALE=20 npx jest properties: a longer hunt than the default CI run. */
const RUNS = (base: number): number => Math.round(base * Number(process.env.FUZZ_SCALE ?? 1));

/** Any UTF-16 code unit, lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Pieces that exercise the marker scanner and the Markdown constructs around it. */
const fragment = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('[', ']', '@', ';', ',', ' ', '\n', '\r\n', '\\', '`', '```\n', '    ', '-', '.', '+', '0', '1', '2', '7', '9'),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'a',
      'b',
      'key-1',
      'nope',
      '[@a]',
      '[@b, p. 3]',
      '[@a; @b]',
      '[1]',
      '[2]',
      '[0]',
      '[01]',
      '[-1]',
      '[1.5]',
      '[@]',
      '[@ a]',
      '[@a;]',
      '[1, 2]',
      '[sic]'
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '> ',
      '* ',
      '1. ',
      '# ',
      '| ',
      '|---|\n',
      '*',
      '_',
      '~~',
      '(',
      ')',
      '<',
      '>',
      '](http://x.y/',
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      'javascript:',
      'www.e.com',
      'https://e.com/',
      'a@b.co',
      '&amp;',
      '&#91;',
      '\uFEFF',
      '\u0000',
      '\t',
      '[^1]',
      '[^1]: ',
      '[1]: http://x.y',
      '- [ ] ',
      '\\*',
      '&#91;',
      '&copy;',
      '  \n',
      '\\\n',
      '- ',
      '  ',
      '"',
      "'",
      '|',
      ': '
    ),
  },
  { weight: 1, arbitrary: anyCodeUnit }
);

const markerishBody = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));
const anyBody = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: anyCodeUnit, maxLength: 200 }), markerishBody);

const sourceArb: fc.Arbitrary<CitableSource> = fc.record({
  documentId: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5'),
  key: fc.constantFrom('a', 'b', 'key-1', 'c', ''),
  title: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('<script>alert(1)</script>', '“quoted”')),
  publisher: fc.option(fc.string({ maxLength: 20 })),
  url: fc.option(fc.constantFrom('https://e.com/a', 'http://www.e.com/a/', 'https://e.com/a?utm_source=x', 'javascript:alert(1)', 'not a url', '')),
  publishedDate: fc.option(fc.constantFrom('2023-02-22', '2023-02', '2023', '2023-02-30', 'junk')),
});
const sourcesArb = fc.array(sourceArb, { maxLength: 6 });
const numberingStartArb = fc.constantFrom<0 | 1>(0, 1);

function checkInvariants(body: string, resolved: ResolvedCitations, numberingStart: number): void {
  for (const c of resolved.citations) {
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.start).toBeLessThan(c.end);
    expect(c.end).toBeLessThanOrEqual(body.length);
    expect(body.slice(c.start, c.end)).toBe(c.marker);
  }
  for (const issue of resolved.issues) {
    if (issue.start === null || issue.end === null) {
      expect(issue.marker).toBeNull();
      continue;
    }
    expect(issue.start).toBeGreaterThanOrEqual(0);
    expect(issue.start).toBeLessThan(issue.end);
    expect(issue.end).toBeLessThanOrEqual(body.length);
    expect(body.slice(issue.start, issue.end)).toBe(issue.marker);
  }
  // Consecutive from numberingStart, each with at least one back-link.
  resolved.references.forEach((reference, index) => {
    expect(reference.number).toBe(numberingStart + index);
    expect(reference.id).toBe(`ref-${reference.number}`);
    expect(reference.backlinks.length).toBeGreaterThan(0);
  });
  // Back-link ids are unique and are exactly the occurrence ids.
  const backlinks = resolved.references.flatMap((r) => r.backlinks);
  expect(new Set(backlinks).size).toBe(backlinks.length);
  expect([...backlinks].sort()).toEqual(resolved.citations.map((c) => c.id).sort());
  // Occurrences are in body order.
  const starts = resolved.citations.map((c) => c.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
}

describe('properties', () => {
  it('the generators do produce citations, issues and references (the properties are not vacuous)', () => {
    const samples = fc.sample(fc.tuple(markerishBody, sourcesArb), { numRuns: 300, seed: 42 });
    const results = samples.map(([body, listed]) => resolveCitations(body, listed));
    expect(results.filter((r) => r.citations.length > 0).length).toBeGreaterThan(30);
    expect(results.filter((r) => r.references.some((ref) => ref.backlinks.length > 1)).length).toBeGreaterThan(3);
    expect(results.filter((r) => r.issues.some((i) => i.start !== null)).length).toBeGreaterThan(30);
  });

  it('resolveCitations never throws and keeps its invariants', () => {
    fc.assert(
      fc.property(anyBody, sourcesArb, sourcesArb, numberingStartArb, (body, listed, library, numberingStart) => {
        const resolved = resolveCitations(body, listed, { numberingStart }, library);
        checkInvariants(body, resolved, numberingStart);
      }),
      { numRuns: RUNS(1500) }
    );
  });

  it('parseMarkers offsets always point at the marker text', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        let previousEnd = 0;
        for (const marker of parseMarkers(body)) {
          expect(marker.start).toBeGreaterThanOrEqual(previousEnd);
          expect(marker.end).toBeLessThanOrEqual(body.length);
          expect(body.slice(marker.start, marker.end)).toBe(marker.marker);
          previousEnd = marker.end;
        }
        expect(new Set(extractCitedKeys(body)).size).toBe(extractCitedKeys(body).length);
      }),
      { numRuns: RUNS(1500) }
    );
  });

  it('renderBodyHtml never throws, never emits <script, and renders every citation once', () => {
    fc.assert(
      fc.property(anyBody, sourcesArb, numberingStartArb, (body, listed, numberingStart) => {
        const resolved = resolveCitations(body, listed, { numberingStart });
        const html = renderBodyHtml(body, resolved, { formatted: formatReferences(resolved.references) });
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<[^<>]*\son\w+=/i);
        for (const citation of resolved.citations) {
          expect(html.split(`<sup id="${citation.id}">`)).toHaveLength(2);
        }
      }),
      { numRuns: RUNS(1000) }
    );
  });

  it('renderBodyHtml survives resolved data that does not match the body', () => {
    fc.assert(
      fc.property(anyBody, anyBody, sourcesArb, (body, other, listed) => {
        const html = renderBodyHtml(body, resolveCitations(other, listed), {});
        expect(html).not.toMatch(/<script/i);
      }),
      { numRuns: RUNS(300) }
    );
  });

  it('URL helpers and formatNews never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: anyCodeUnit }), fc.webUrl(), fc.constantFrom('javascript:alert(1)', '//x', 'HTTP://X')), (url) => {
        const normalised = normaliseUrl(url);
        if (normalised !== null) expect(normaliseUrl(normalised)).toBe(normalised);
        if (isSafeUrl(url)) expect(url.trim()).toMatch(/^https?:\/\//i);
        expect(typeof formatNews({ documentId: 'd', key: 'k', title: url, publisher: url, url, publishedDate: url })).toBe('string');
      }),
      { numRuns: RUNS(1000) }
    );
  });
});
