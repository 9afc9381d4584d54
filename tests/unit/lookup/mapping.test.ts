import { sourceFromCsl } from '@cited-articles/server/src/lookup/from-csl';
import { sourceFromOpenLibrary } from '@cited-articles/server/src/lookup/from-open-library';
import { normaliseDate, normalisePartial } from '@cited-articles/server/src/lookup/normalise-date';
import { nameFromLine } from '@cited-articles/server/src/lookup/name-text';
import { CROSSREF_CSL, DOI } from '../../helpers/source-fixtures';
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

describe('normalisePartial', () => {
  it.each([
    ['2004', '2004'],
    ['2004-05', '2004-05'],
    ['2004/5', '2004-05'],
    ['May 2004', '2004-05'],
    ['Sept. 2004', '2004-09'],
    ['October 1, 1988', '1988-10-01'],
    ['2023-02-22T23:30:00-05:00', '2023-02-22'],
    ['2004-13', null],
    ['Spring 2004', null],
    ['0999', null],
  ])('%s → %s', (input, output) => {
    expect(normalisePartial(input)).toBe(output);
  });
});

describe('nameFromLine', () => {
  it.each([
    ['Zhang, Hui', { family: 'Zhang', given: 'Hui' }],
    ['van der Berg, Pieter', { family: 'Berg', given: 'Pieter', 'non-dropping-particle': 'van der' }],
    ['King, Martin Luther, Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Roald Dahl', { given: 'Roald', family: 'Dahl' }],
    ['World Health Organization', { literal: 'World Health Organization' }],
    ['Ministry of Health, Kenya', { literal: 'Ministry of Health, Kenya' }],
    ['{Acme Widgets}', { literal: 'Acme Widgets' }],
    ['Plato', { literal: 'Plato' }],
  ])('%s', (line, name) => {
    expect(nameFromLine(line)).toEqual(name);
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

  it('keeps what Highwire citation_* tags give: container, volume, issue, pages, ISSN, ISBN, publisher, a year, names', () => {
    const html = page(`<meta name="citation_title" content="Article">
      <meta name="citation_author" content="van der Berg, Pieter"><meta name="citation_author" content="World Health Organization">
      <meta name="citation_journal_title" content="Journal"><meta name="citation_volume" content="12"><meta name="citation_issue" content="3">
      <meta name="citation_firstpage" content="45"><meta name="citation_lastpage" content="67"><meta name="citation_issn" content="1234-5678">
      <meta name="citation_publisher" content="Society"><meta name="citation_date" content="2019">`);
    expect(sourceFromPage(html, 'https://a.example/x', '2024-01-01')).toMatchObject({
      type: 'journal',
      containerTitle: 'Journal',
      publisher: 'Society',
      authors: [{ family: 'Berg', given: 'Pieter', 'non-dropping-particle': 'van der' }, { literal: 'World Health Organization' }],
      volume: '12',
      issue: '3',
      pages: '45-67',
      issn: '1234-5678',
      publishedDate: '2019',
    });
    const book = page(`<meta name="citation_title" content="Book"><meta name="citation_isbn" content="9780306406157">
      <meta name="citation_publication_date" content="2004/05"><meta name="citation_publisher" content="Press">`);
    expect(sourceFromPage(book, 'https://a.example/b', '2024-01-01')).toMatchObject({
      type: 'book',
      isbn: '9780306406157',
      publishedDate: '2004-05',
      publisher: 'Press',
      containerTitle: null,
    });
  });

  it('keeps what JSON-LD gives: isPartOf chain, volumeNumber, issueNumber, pagination, ISSN, ISBN, Person and Organization', () => {
    const article = page(`<script type="application/ld+json">{"@type":"ScholarlyArticle","headline":"A",
      "author":[{"@type":"Person","givenName":"Hui","familyName":"Zhang"},{"@type":"Organization","name":"Research Group One"},{"@type":"Person","name":"Jane Doe"}],
      "pageStart":45,"pageEnd":67,"datePublished":"2021",
      "isPartOf":{"@type":"PublicationIssue","issueNumber":3,"isPartOf":{"@type":"PublicationVolume","volumeNumber":"12","isPartOf":{"@type":"Periodical","name":"J","issn":["1234-5678"]}}}}</script>`);
    expect(sourceFromPage(article, 'https://a.example/a', '2024-01-01')).toMatchObject({
      type: 'journal',
      authors: [{ family: 'Zhang', given: 'Hui' }, { literal: 'Research Group One' }, { given: 'Jane', family: 'Doe' }],
      containerTitle: 'J',
      volume: '12',
      issue: '3',
      pages: '45-67',
      issn: '1234-5678',
      publishedDate: '2021',
    });
    const news = page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"N","volumeNumber":"4","pagination":"A1-A2",
      "publisher":{"@type":"Organization","name":"The Post"}}</script>`);
    expect(sourceFromPage(news, 'https://a.example/n', '2024-01-01')).toMatchObject({
      type: 'news',
      containerTitle: 'The Post',
      publisher: null,
      volume: '4',
      pages: 'A1-A2',
    });
    const book = page(`<script type="application/ld+json">{"@type":"Book","name":"B","isbn":"9780306406157","bookEdition":"2nd ed.",
      "translator":{"@type":"Person","givenName":"Ann","familyName":"Roe"},"publisher":{"@type":"Organization","name":"Press"}}</script>`);
    expect(sourceFromPage(book, 'https://a.example/b', '2024-01-01')).toMatchObject({
      type: 'book',
      isbn: '9780306406157',
      edition: '2nd ed.',
      translators: [{ family: 'Roe', given: 'Ann' }],
      publisher: 'Press',
      containerTitle: null,
    });
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
  it('maps Crossref types, keeps the DOI and a year alone', () => {
    const source = sourceFromCsl({ type: 'book-chapter', title: 'A chapter', DOI: '10.1/x', issued: { 'date-parts': [[2020]] } }, '10.1/x');
    expect(source).toMatchObject({ title: 'A chapter', type: 'chapter', doi: '10.1/x', publishedDate: '2020' });
  });

  it("keeps Crossref's container title, volume, issue, page, ISSN and structured names", () => {
    expect(sourceFromCsl(CROSSREF_CSL, DOI)).toEqual({
      title: 'Coal mine safety in northern China, 2000–2019',
      containerTitle: 'Journal of Mining Studies',
      publisher: 'Example Society',
      publisherPlace: null,
      authors: [{ family: 'Wei', given: 'Li' }, { family: 'Schmidt', given: 'Anna', suffix: 'Jr.' }, { literal: 'Mine Safety Research Group' }],
      editors: [],
      translators: [],
      url: `https://doi.org/${DOI}`,
      publishedDate: '2020-03-14',
      accessedDate: null,
      doi: DOI,
      type: 'journal',
      language: 'en',
      volume: '12',
      issue: '4',
      pages: '210-229',
      edition: null,
      isbn: null,
      issn: '1234-5678',
      number: null,
      genre: null,
    });
  });

  it('says why an answer is unusable', () => {
    expect(sourceFromCsl({ type: 'article-journal' }, '10.1/x')).toMatch(/no title/);
    expect(sourceFromCsl(null, '10.1/x')).toMatch(/without a work/);
  });
});

describe('sourceFromOpenLibrary', () => {
  it('is null for an unknown ISBN, and keeps a year or a year and month as given', () => {
    expect(sourceFromOpenLibrary({}, '9780306406157')).toBeNull();
    expect(sourceFromOpenLibrary({ 'ISBN:1': { title: 'B', publish_date: '2004' } }, '1')).toMatchObject({
      title: 'B',
      publishedDate: '2004',
      type: 'book',
      isbn: '1',
    });
    expect(sourceFromOpenLibrary({ 'ISBN:1': { title: 'B', publish_date: 'May 2004' } }, '1')).toMatchObject({ publishedDate: '2004-05' });
  });

  it('keeps place, edition, the ISBN as printed and structured author names', () => {
    const answer = {
      'ISBN:9780306406157': {
        title: 'Fantastic Mr. Fox',
        authors: [{ name: 'Roald Dahl' }, { name: 'World Health Organization' }],
        publishers: [{ name: 'Puffin' }],
        publish_places: [{ name: 'New York' }],
        edition_name: 'Reissue edition',
        identifiers: { isbn_13: ['978-0-306-40615-7'] },
        publish_date: 'October 1, 1988',
      },
    };
    expect(sourceFromOpenLibrary(answer, '9780306406157')).toMatchObject({
      authors: [{ given: 'Roald', family: 'Dahl' }, { literal: 'World Health Organization' }],
      publisher: 'Puffin',
      publisherPlace: 'New York',
      edition: 'Reissue edition',
      isbn: '978-0-306-40615-7',
      publishedDate: '1988-10-01',
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
