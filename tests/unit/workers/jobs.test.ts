/**
 * The worker threads' jobs are the engine's own functions on plain data: what a thread answers is
 * what the main thread would compute, and every answer survives the copy across the boundary.
 */
import { extractCitedKeys, formatNews, referenceTargets, renderBodyHtml, resolveCitations } from '@cited-articles/server/src/citations';
import { formatBundled, jobs } from '@cited-articles/server/src/workers/jobs';

const source = (key: string) => ({ documentId: `doc-${key}`, key, title: `Title ${key}`, publisher: 'Outlet', url: `https://example.org/${key}` });
const body = 'A claim [1], another [@lib] and [@nowhere].\n\n> quoted [1]';
const input = { body, listed: [source('listed')], library: [source('lib')], numberingStart: 1 as const };

describe('worker jobs', () => {
  it('index a body as the engine does', () => {
    expect(jobs.bodyIndex(body)).toEqual({ keys: extractCitedKeys(body), targets: referenceTargets(body) });
  });

  it('present an article in a bundled style as resolution, formatting and rendering would', () => {
    const out = jobs.present({ ...input, style: { id: 'news', locale: 'en-US' }, formatted: null, html: true });
    const resolved = resolveCitations(body, input.listed, { numberingStart: 1 }, input.library);
    const formatted = resolved.references.map((reference) => formatNews(reference.source));
    expect(out.resolved).toEqual(resolved);
    expect(out.formatted).toEqual(formatted);
    expect(out.bodyHtml).toBe(renderBodyHtml(body, resolved, { formatted: new Map(resolved.references.map((r, i) => [r.id, formatted[i]])) }));
    expect(structuredClone(out)).toEqual(out);
  });

  it('leave a style registered at runtime to the caller, then render with its entries', () => {
    const unformatted = jobs.present({ ...input, style: null, formatted: null, html: true });
    expect(unformatted.formatted).toBeNull();
    expect(unformatted.bodyHtml).toBeNull();
    const entries = unformatted.sources.map((item) => item.title.toUpperCase());
    const rendered = jobs.present({ ...input, style: null, formatted: entries, html: true });
    expect(rendered.bodyHtml).toContain('TITLE LISTED');
  });

  it("give an author-date style's in-text citations per occurrence and render them in place of the numbers", () => {
    const sources = [
      { ...source('a'), authors: [{ family: 'Porter', given: 'Ann' }], publishedDate: '2004' },
      { ...source('b'), authors: [{ family: 'Smith', given: 'John' }], publishedDate: '2020' },
    ];
    const text = 'One [@a, p. 12], two [@a; @b] and [2].';
    const out = jobs.present({
      body: text,
      listed: sources,
      library: [],
      numberingStart: 1,
      style: { id: 'apa', locale: 'en-US' },
      formatted: null,
      html: true,
    });
    expect(out.citationTexts).toEqual(['(Porter, 2004, p. 12)', '(Porter, 2004; Smith, 2020)', '(Porter, 2004; Smith, 2020)', '(Smith, 2020)']);
    expect(out.bodyHtml).toContain('<span class="citation">(<a id="cite-1-a" href="#ref-1">Porter, 2004, p. 12</a>)</span>');
    expect(out.bodyHtml).toContain('(<a id="cite-1-b" href="#ref-1">Porter, 2004</a>; <a id="cite-2-a" href="#ref-2">Smith, 2020</a>)');
    expect(out.bodyHtml?.split('<ol')[0]).not.toContain('<sup');
    const numeric = jobs.present({
      body: text,
      listed: sources,
      library: [],
      numberingStart: 1,
      style: { id: 'vancouver', locale: 'en-US' },
      formatted: null,
      html: true,
    });
    expect(numeric.citationTexts).toEqual([null, null, null, null]);
    expect(numeric.bodyHtml).toContain('<sup id="cite-1-a"><a href="#ref-1">[1]</a></sup>');
    expect(structuredClone(out)).toEqual(out);
  });

  it('format only the styles the plugin ships', () => {
    expect(formatBundled('APA', [source('a')], 'en-US')?.[0]).toContain('Title a');
    expect(formatBundled('my-house-style', [source('a')], 'en-US')).toBeNull();
  });

  it('answer an unreadable import file instead of throwing a class the boundary would lose', () => {
    expect(jobs.readImport({ content: 'plain words' })).toEqual({
      unreadable: { message: expect.stringContaining('not BibTeX, RIS or CSL-JSON'), line: 1 },
    });
    const read = jobs.readImport({ content: '@book{key1, title={A book}, author={Doe, Jane}, year={2020}}', format: 'bibtex' });
    expect('read' in read && read.read.entries).toHaveLength(1);
  });
});
