/**
 * Text processing must take time linear in its input whatever the input: one request with a
 * crafted comment, body or import file must not keep the event loop busy for seconds. Each test
 * feeds an input that was quadratic before, checks the RESULT, and keeps a generous time bound
 * only as a guard (each input ran over 60 s before the fixes; now milliseconds).
 */
import { countLinks, normaliseContent } from '@cited-articles/server/src/comments/text';
import { formatNews, normaliseUrl, renderBodyHtml, resolveCitations } from '@cited-articles/server/src/citations';
import { locateInValue } from '@cited-articles/server/src/citations/text-mapping';
import { detectFormat, jsonElementLines, jsonErrorLine, splitBibtex } from '@cited-articles/server/src/interchange/split-entries';
import { UnreadableFileError } from '@cited-articles/server/src/interchange/read-import';

// Generous: the fixed paths take milliseconds to a few hundred on a loaded machine; the old ones
// took from seconds (a 10 kB case) to well over a minute on these inputs.
const GUARD_MS = 5000;

const timed = <T>(run: () => T): { result: T; ms: number } => {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
};

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
    const { result, ms } = timed(() => normaliseContent(`${' '.repeat(1_000_000)}x`));
    expect(result).toBe('x');
    expect(ms).toBeLessThan(GUARD_MS);
  });

  it('still drops blanks before every line end, U+2028 included', () => {
    expect(normaliseContent('a \t\nb  \u2028c\t')).toBe('a\nb\u2028c');
  });

  it('counts links in 300 kB of `<a ` with no `>` (the <a\\s[^>]*href path)', () => {
    const { result, ms } = timed(() => countLinks('<a '.repeat(100_000)));
    expect(result).toBe(0);
    expect(ms).toBeLessThan(GUARD_MS);
    expect(countLinks(`${'<a '.repeat(100_000)}href`)).toBe(1);
    // As before: the anchor up to its href, the URL in the href's value, another anchor, a www. host.
    expect(countLinks('<a title="x" href="http://a.example">y</a> <A HREF=b> www.c.example')).toBe(4);
  });

  it('renders a body of `x`, a line of 300 kB of spaces and `[1]` (the indentation loop)', () => {
    const body = `x\n${' '.repeat(300_000)}[1]`;
    const { result, ms } = timed(() => renderBodyHtml(body, resolveCitations(body, [{ documentId: 'd', key: 'a', title: 'A' }])));
    expect(result).toContain('<p>x\n<sup id="cite-1-a"><a href="#ref-1">[1]</a></sup></p>');
    expect(ms).toBeLessThan(GUARD_MS);
  });

  it('gives up on a line after a marker it cannot place, instead of rescanning for each marker', () => {
    const body = '[1] '.repeat(100_000);
    const markers = Array.from({ length: 100_000 }, (_, i) => ({ start: 4 * i, end: 4 * i + 3, marker: '[1]' }));
    const { result, ms } = timed(() => locateInValue(body, 0, '', markers));
    expect(result).toHaveLength(100_000);
    expect(result.every((span) => span === null)).toBe(true);
    expect(ms).toBeLessThan(GUARD_MS);
    // A later line is still placed after an unplaceable marker.
    expect(
      locateInValue('a [1]\nb [1]', 0, 'a ?\nb [1]', [
        { start: 2, end: 5, marker: '[1]' },
        { start: 8, end: 11, marker: '[1]' },
      ])
    ).toEqual([null, { from: 6, to: 9 }]);
  });

  it('detects no format in `x`, 1 MB of newlines and `x` (the multiline ^\\s* path)', () => {
    const { result, ms } = timed(() => detectFormat(`x${'\n'.repeat(1_000_000)}x`));
    expect(result).toBeNull();
    expect(ms).toBeLessThan(GUARD_MS);
    expect(detectFormat('x\n\n  \n  @book{a, title={T}}')).toBe('bibtex');
  });

  it('finds the error line past an element holding 1 MB of spaces (the /[\\s,\\]]*$/ path)', () => {
    // "Unexpected end of JSON input" has no position, so each element is parsed alone.
    const text = `[{"a":1${' '.repeat(1_000_000)}},\n{"b":[`;
    const { result, ms } = timed(() => jsonErrorLine(text, jsonError(text)));
    expect(result).toBe(2);
    expect(ms).toBeLessThan(GUARD_MS);
  });

  it('finds the lines of 100,000 array elements in one pass (lineAt per element)', () => {
    const text = `[\n${'{"a":1},\n'.repeat(100_000)}{}]`;
    const { result, ms } = timed(() => jsonElementLines(text));
    expect(result).toHaveLength(100_001);
    expect(result[99_999]).toBe(100_001);
    expect(ms).toBeLessThan(GUARD_MS);
  });

  it('prepends to each BibTeX record only the @string macros it uses', () => {
    const parts: string[] = [];
    for (let i = 0; i < 20_000; i++) parts.push(`@string{m${i} = "Macro ${i}"}\n@misc{k${i}, title = m${i}}\n`);
    const { result, ms } = timed(() => splitBibtex(parts.join('')));
    expect(result).toHaveLength(20_000);
    expect(result[7]).toEqual({ line: 16, text: '@string{m7 = "Macro 7"}\n@misc{k7, title = m7}', prefixLines: 1 });
    expect(ms).toBeLessThan(GUARD_MS);
    // Through another macro, in file order.
    expect(splitBibtex('@string{a = "A"}\n@string{b = a # " B"}\n@misc{k, title = b}\n')[0]).toEqual({
      line: 3,
      text: '@string{a = "A"}\n@string{b = a # " B"}\n@misc{k, title = b}\n',
      prefixLines: 2,
    });
  });

  it('refuses a file whose records would carry one huge macro each', () => {
    const content = `@string{big = "${'x'.repeat(100_000)}"}\n${'@misc{k, title = big}\n'.repeat(5_000)}`;
    const { result, ms } = timed(() => {
      try {
        return splitBibtex(content);
      } catch (error) {
        return error;
      }
    });
    expect(result).toBeInstanceOf(UnreadableFileError);
    expect((result as UnreadableFileError).message).toMatch(/@string macros/);
    expect(ms).toBeLessThan(GUARD_MS);
  });

  it('normalises a URL whose path is 1 MB of slashes and a letter (the /\\/+$/ path)', () => {
    const { result, ms } = timed(() => normaliseUrl(`https://example.com${'/'.repeat(1_000_000)}x`));
    expect(result).toBe(`https://example.com${'/'.repeat(1_000_000)}x`);
    expect(ms).toBeLessThan(GUARD_MS);
    expect(normaliseUrl('https://example.com/a///')).toBe('https://example.com/a');
  });

  it('formats a publisher of 1 MB of `, ` and a letter (the /[\\s,]+$/ path)', () => {
    const { result, ms } = timed(() => formatNews({ key: 'k', title: 'T', publisher: `${', '.repeat(500_000)}x` }));
    expect(result.endsWith(', x,')).toBe(true);
    expect(ms).toBeLessThan(GUARD_MS);
    expect(formatNews({ key: 'k', title: 'T', publisher: 'Daily, ,' })).toBe('“T” Daily,');
  });
});
