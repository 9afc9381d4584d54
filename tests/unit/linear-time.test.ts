/**
 * Text processing must take time linear in its input whatever the input: one request with a
 * crafted comment, body or import file must not keep the event loop busy for seconds. Each test
 * feeds an input that was quadratic before, checks the RESULT, and checks the growth of CPU time
 * when the input is 8 times larger (about 8x when linear, 64x when quadratic; see
 * tests/helpers/cpu-growth.ts): a ratio in the same run, not a time bound.
 */
import { countLinks, normaliseContent } from '@cited-articles/server/src/comments/text';
import { formatNews, normaliseUrl, renderBodyHtml, resolveCitations } from '@cited-articles/server/src/citations';
import { locateInValue } from '@cited-articles/server/src/citations/text-mapping';
import { detectFormat, jsonElementLines, jsonErrorLine, splitBibtex } from '@cited-articles/server/src/interchange/split-entries';
import { UnreadableFileError } from '@cited-articles/server/src/interchange/read-import';
import { cpuGrowth, LINEAR_BOUND } from '../helpers/cpu-growth';
import { source } from './citations/fixtures';

const jsonError = (text: string): Error => {
  try {
    JSON.parse(text);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected invalid JSON');
};

describe('linear time on adversarial input', () => {
  it('normalises a comment of 1 MB of spaces and a letter (the /[ \\t]+$/gm path)', () => {
    expect(normaliseContent(`${' '.repeat(1_000_000)}x`)).toBe('x');
    expect(cpuGrowth((n) => `${' '.repeat(n)}x`, normaliseContent, 125_000, 5)).toBeLessThan(LINEAR_BOUND);
  });

  it('still drops blanks before every line end, U+2028 included', () => {
    expect(normaliseContent('a \t\nb  \u2028c\t')).toBe('a\nb\u2028c');
  });

  it('counts links in 300 kB of `<a ` with no `>` (the <a\\s[^>]*href path)', () => {
    expect(countLinks('<a '.repeat(100_000))).toBe(0);
    expect(cpuGrowth((n) => '<a '.repeat(n), countLinks, 25_000, 5)).toBeLessThan(LINEAR_BOUND);
    expect(countLinks(`${'<a '.repeat(100_000)}href`)).toBe(1);
    // As before: the anchor up to its href, the URL in the href's value, another anchor, a www. host.
    expect(countLinks('<a title="x" href="http://a.example">y</a> <A HREF=b> www.c.example')).toBe(4);
  });

  it('renders a body of `x`, a line of 300 kB of spaces and `[1]` (the indentation loop)', () => {
    const render = (body: string) => renderBodyHtml(body, resolveCitations(body, [{ documentId: 'd', key: 'a', title: 'A' }]));
    expect(render(`x\n${' '.repeat(300_000)}[1]`)).toContain('<p>x\n<sup id="cite-1-a"><a href="#ref-1">[1]</a></sup></p>');
    expect(cpuGrowth((n) => `x\n${' '.repeat(n)}[1]`, render, 100_000)).toBeLessThan(LINEAR_BOUND);
  });

  it('gives up on a line after a marker it cannot place, instead of rescanning for each marker', () => {
    const unplaceable = (count: number) => ({
      body: '[1] '.repeat(count),
      markers: Array.from({ length: count }, (_, i) => ({ start: 4 * i, end: 4 * i + 3, marker: '[1]' })),
    });
    const locate = ({ body, markers }: ReturnType<typeof unplaceable>) => locateInValue(body, 0, '', markers);
    const result = locate(unplaceable(100_000));
    expect(result).toHaveLength(100_000);
    expect(result.every((span) => span === null)).toBe(true);
    expect(cpuGrowth(unplaceable, locate, 50_000)).toBeLessThan(LINEAR_BOUND);
    // A later line is still placed after an unplaceable marker.
    expect(
      locateInValue('a [1]\nb [1]', 0, 'a ?\nb [1]', [
        { start: 2, end: 5, marker: '[1]' },
        { start: 8, end: 11, marker: '[1]' },
      ])
    ).toEqual([null, { from: 6, to: 9 }]);
  });

  it('detects no format in `x`, 1 MB of newlines and `x` (the multiline ^\\s* path)', () => {
    expect(detectFormat(`x${'\n'.repeat(1_000_000)}x`)).toBeNull();
    expect(cpuGrowth((n) => `x${'\n'.repeat(n)}x`, detectFormat, 125_000, 5)).toBeLessThan(LINEAR_BOUND);
    expect(detectFormat('x\n\n  \n  @book{a, title={T}}')).toBe('bibtex');
  });

  it('finds the error line past an element holding 1 MB of spaces (the /[\\s,\\]]*$/ path)', () => {
    // "Unexpected end of JSON input" has no position, so each element is parsed alone.
    const text = (n: number) => `[{"a":1${' '.repeat(n)}},\n{"b":[`;
    expect(jsonErrorLine(text(1_000_000), jsonError(text(1_000_000)))).toBe(2);
    expect(cpuGrowth(text, (t) => jsonErrorLine(t, jsonError(t)), 125_000, 5)).toBeLessThan(LINEAR_BOUND);
  });

  it('finds the lines of 100,000 array elements in one pass (lineAt per element)', () => {
    const text = (count: number) => `[\n${'{"a":1},\n'.repeat(count)}{}]`;
    const result = jsonElementLines(text(100_000));
    expect(result).toHaveLength(100_001);
    expect(result[99_999]).toBe(100_001);
    // 50,000 against 400,000 elements: at 12,500 the small run's share of garbage collection made the
    // growth read 16x to 24x inside jest, against about 10x here.
    expect(cpuGrowth(text, jsonElementLines, 50_000, 5)).toBeLessThan(LINEAR_BOUND);
  });

  it('prepends to each BibTeX record only the @string macros it uses', () => {
    const file = (count: number) => {
      const parts: string[] = [];
      for (let i = 0; i < count; i++) parts.push(`@string{m${i} = "Macro ${i}"}\n@misc{k${i}, title = m${i}}\n`);
      return parts.join('');
    };
    const result = splitBibtex(file(20_000));
    expect(result).toHaveLength(20_000);
    expect(result[7]).toEqual({ line: 16, text: '@string{m7 = "Macro 7"}\n@misc{k7, title = m7}', prefixLines: 1 });
    expect(cpuGrowth(file, splitBibtex, 2_500)).toBeLessThan(LINEAR_BOUND);
    // Through another macro, in file order.
    expect(splitBibtex('@string{a = "A"}\n@string{b = a # " B"}\n@misc{k, title = b}\n')[0]).toEqual({
      line: 3,
      text: '@string{a = "A"}\n@string{b = a # " B"}\n@misc{k, title = b}\n',
      prefixLines: 2,
    });
  });

  it('refuses a file whose records would carry one huge macro each', () => {
    const content = `@string{big = "${'x'.repeat(100_000)}"}\n${'@misc{k, title = big}\n'.repeat(5_000)}`;
    // Refused before any record is built: the copies would be 500 MB of text.
    expect(() => splitBibtex(content)).toThrow(UnreadableFileError);
    expect(() => splitBibtex(content)).toThrow(/@string macros/);
  });

  it('normalises a URL whose path is 1 MB of slashes and a letter (the /\\/+$/ path)', () => {
    expect(normaliseUrl(`https://example.com${'/'.repeat(1_000_000)}x`)).toBe(`https://example.com${'/'.repeat(1_000_000)}x`);
    expect(cpuGrowth((n) => `https://example.com${'/'.repeat(n)}x`, normaliseUrl, 250_000, 5)).toBeLessThan(LINEAR_BOUND);
    expect(normaliseUrl('https://example.com/a///')).toBe('https://example.com/a');
  });

  it('formats a publisher of 1 MB of `, ` and a letter (the /[\\s,]+$/ path)', () => {
    const publisher = (n: number) => source('k', { title: 'T', publisher: `${', '.repeat(n)}x` });
    expect(formatNews(publisher(500_000)).endsWith(', x,')).toBe(true);
    expect(cpuGrowth(publisher, formatNews, 62_500, 5)).toBeLessThan(LINEAR_BOUND);
    expect(formatNews(source('k', { title: 'T', publisher: 'Daily, ,' }))).toBe('“T” Daily,');
  });
});

describe('linear time on dense Markdown (marker parsing and bodyHtml)', () => {
  // The inputs that held readers for seconds at 300 kB while parsed on the event loop; micromark's
  // own quadratic merge of text runs is replaced (citations/linear-data-merge.ts), and the rest of
  // the parse, the marker scan, the text mapping and the rendering grow linearly.
  const sources = [{ documentId: 'd', key: 'k1', title: 'A' }];
  const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const previewOf = (body: string) => renderBodyHtml(body, resolveCitations(body, sources, { numberingStart: 1 }));

  it.each([
    ['markers on one line', (n: number) => fill('Fact [1] ', n), 222],
    ['a run of `[`', (n: number) => '['.repeat(n), 0],
    ['a table of many rows', (n: number) => `| a | b |\n|---|---|\n${fill('| [1] | x |\n', n)}`, 167],
    ['markers one per line', (n: number) => fill('a [1]\n', n), 333],
  ])('resolves and renders %s in time linear in the body', (_name, make, citationsIn2kB) => {
    // Every marker of a 2 kB body still becomes a superscript.
    expect(previewOf(make(2_000)).match(/<sup id="cite-1-/g)?.length ?? 0).toBe(citationsIn2kB);
    expect(cpuGrowth(make, previewOf, 2_500)).toBeLessThan(LINEAR_BOUND);
  });
});
