import { sourceFromCsl } from '@cited-articles/server/src/lookup/from-csl';
import { sourceFromOpenLibrary } from '@cited-articles/server/src/lookup/from-open-library';
import { normaliseDate } from '@cited-articles/server/src/lookup/normalise-date';
import { sourceFromPage } from '@cited-articles/server/src/lookup/page-metadata';
import { retractionOf } from '@cited-articles/server/src/lookup/retraction';
import { closestSnapshot } from '@cited-articles/server/src/lookup/wayback';

describe('normaliseDate', () => {
  it.each([
    ['2023-02-22', '2023-02-22'],
    ['2023-02-22T23:30:00-05:00', '2023-02-22'],
    ['2022/11/03', '2022-11-03'],
    ['3 Nov 2022', '2022-11-03'],
    ['November 3, 2022', '2022-11-03'],
    ['2023', null],
    ['2023-02', null],
    ['2023-02-30', null],
    ['yesterday', null],
  ])('%s → %s', (input, output) => {
    expect(normaliseDate(input)).toBe(output);
  });
});

describe('sourceFromPage', () => {
  const page = (head: string) => `<html><head>${head}</head><body></body></html>`;

  it('prefers Highwire over JSON-LD over OpenGraph over <title>', () => {
    const all = page(`<title>T</title><meta property="og:title" content="OG">
      <script type="application/ld+json">{"@type":"Article","headline":"LD"}</script>
      <meta name="citation_title" content="HW">`);
    expect(sourceFromPage(all, 'https://a.example/x', '2024-01-01')!.title).toBe('HW');
    expect(sourceFromPage(all.replace(/<meta name="citation_title"[^>]*>/, ''), 'https://a.example/x', '2024-01-01')!.title).toBe('LD');
    expect(sourceFromPage(page('<title>T</title><meta property="og:title" content="OG">'), 'https://a.example/x', '2024-01-01')!.title).toBe('OG');
    expect(sourceFromPage(page('<title>T</title>'), 'https://a.example/x', '2024-01-01')!.title).toBe('T');
  });

  it('types JSON-LD works and reads a publisher object, skipping broken JSON-LD', () => {
    const html = page(`<script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">[{"@type":"Report","name":"Annual report","publisher":{"name":"Agency"},"datePublished":"2021-06-30"}]</script>`);
    expect(sourceFromPage(html, 'https://a.example/r', '2024-01-01')).toMatchObject({
      title: 'Annual report',
      type: 'report',
      publisher: 'Agency',
      publishedDate: '2021-06-30',
      accessedDate: '2024-01-01',
    });
  });

  it('keeps only http(s) URLs from the page', () => {
    const html = page('<title>T</title><link rel="canonical" href="javascript:alert(1)">');
    expect(sourceFromPage(html, 'https://a.example/x', '2024-01-01')!.url).toBe('https://a.example/x');
  });

  it('returns null for a page without any title', () => {
    expect(sourceFromPage('<html><body>no head</body></html>', 'https://a.example/', '2024-01-01')).toBeNull();
  });

  it('caps long values at the field lengths', () => {
    const html = page(`<title>${'t'.repeat(900)}</title>`);
    expect(sourceFromPage(html, 'https://a.example/', '2024-01-01')!.title).toHaveLength(500);
  });
});

describe('sourceFromCsl', () => {
  it('maps Crossref types and keeps the DOI', () => {
    const source = sourceFromCsl({ type: 'book-chapter', title: 'A chapter', DOI: '10.1/x', issued: { 'date-parts': [[2020]] } }, '10.1/x');
    expect(source).toMatchObject({ title: 'A chapter', type: 'book', doi: '10.1/x', publishedDate: null });
  });

  it('says why an answer is unusable', () => {
    expect(sourceFromCsl({ type: 'article-journal' }, '10.1/x')).toMatch(/no title/);
    expect(sourceFromCsl(null, '10.1/x')).toMatch(/without a work/);
  });
});

describe('sourceFromOpenLibrary', () => {
  it('is null for an unknown ISBN and leaves a year-only date out', () => {
    expect(sourceFromOpenLibrary({}, '9780306406157')).toBeNull();
    expect(sourceFromOpenLibrary({ 'ISBN:1': { title: 'B', publish_date: '1999' } }, '1')).toMatchObject({
      title: 'B',
      publishedDate: null,
      type: 'book',
    });
  });
});

describe('retractionOf', () => {
  const date = { 'date-parts': [[2021, 6, 2]] };
  it('reads updated-by of type retraction', () => {
    expect(
      retractionOf('10.1/a', {
        message: {
          'updated-by': [
            { type: 'correction', DOI: '10.1/c' },
            { type: 'retraction', DOI: '10.1/r', updated: date },
          ],
        },
      })
    ).toEqual({ noticeDoi: '10.1/r', date: '2021-06-02' });
  });
  it('reads a notice whose update-to names the DOI (any case)', () => {
    const updates = { message: { items: [{ DOI: '10.1/n', 'update-to': [{ type: 'Retraction', DOI: '10.1/A', updated: date }] }] } };
    expect(retractionOf('10.1/a', { message: {} }, updates)).toEqual({ noticeDoi: '10.1/n', date: '2021-06-02' });
  });
  it('does not count corrections, or a notice that retracts another work', () => {
    expect(
      retractionOf('10.1/a', {
        message: { 'updated-by': [{ type: 'correction', DOI: '10.1/c' }], 'update-to': [{ type: 'retraction', DOI: '10.1/other' }] },
      })
    ).toBeNull();
  });
});

describe('closestSnapshot', () => {
  it('takes an available 200 snapshot, as https', () => {
    expect(
      closestSnapshot({
        archived_snapshots: { closest: { available: true, status: '200', url: 'http://web.archive.org/web/2020/https://a.example/' } },
      })
    ).toBe('https://web.archive.org/web/2020/https://a.example/');
  });
  it.each([
    {},
    { archived_snapshots: {} },
    { archived_snapshots: { closest: { available: true, status: '404', url: 'http://web.archive.org/x' } } },
    { archived_snapshots: { closest: { available: true, url: 'javascript:x' } } },
  ])('is null for %j', (answer) => expect(closestSnapshot(answer)).toBeNull());
});
