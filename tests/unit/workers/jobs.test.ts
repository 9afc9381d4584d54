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
