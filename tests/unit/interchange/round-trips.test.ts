import { readImportFile, type ImportedSource } from '@cited-articles/server/src/interchange/read-import';
import { exportItems } from '@cited-articles/server/src/interchange/export-formats';
import { risName, risNameText } from '@cited-articles/server/src/interchange/ris-fields';
import { withBracedOrganisations } from '@cited-articles/server/src/interchange/bibtex-names';
import { cslToSourceFields, sourceToCsl, type CslItem } from '@cited-articles/server/src/csl/source-to-csl';
import { THREE_WORKS } from '../../helpers/source-fixtures';

// Import, export, import again: what a source holds must come back, per format (docs/interchange.md).
const FORMATS = ['csl-json', 'bibtex', 'ris'] as const;

/** Every variable of the model, and then some: what CSL-JSON must give back whole. */
const EVERYTHING: CslItem = {
  id: 'everything-2020',
  type: 'chapter',
  title: 'A chapter with every field',
  'container-title': 'A book of chapters',
  publisher: 'Example Press',
  'publisher-place': 'Leiden',
  author: [
    { family: 'Gogh', given: 'Vincent', 'dropping-particle': 'van' },
    { family: 'Fontaine', given: 'Jean', 'non-dropping-particle': 'de la' },
  ],
  editor: [{ literal: 'Editorial Collective' }],
  translator: [{ family: 'Roe', given: 'Ann', suffix: 'III' }],
  issued: { 'date-parts': [[2020, 2]] },
  accessed: { 'date-parts': [[2024, 1, 31]] },
  URL: 'https://books.example/chapter',
  DOI: '10.5555/chapter.1',
  ISBN: '978-0-306-40615-7',
  ISSN: '1234-5678',
  volume: '2',
  issue: '1',
  page: 'xii-xv',
  edition: '3',
  number: '7',
  genre: 'Conference keynote',
  language: 'fr',
  custom: { archiveUrl: 'https://archive.example/chapter' },
};

const asSource = (item: CslItem): ImportedSource => {
  const read = readImportFile(JSON.stringify([item]), 'csl-json').entries[0]!;
  if ('error' in read) throw new Error(read.error);
  return read.source;
};

/** Export one stored source in a format, and read it back. */
const through = (source: ImportedSource, format: (typeof FORMATS)[number]) => {
  const text = exportItems([sourceToCsl({ ...source, documentId: 'd', key: source.key ?? 'k' })], format);
  const read = readImportFile(text, format).entries;
  expect(read).toHaveLength(1);
  if ('error' in read[0]!) throw new Error(read[0].error);
  return { text, source: read[0].source };
};

describe('the three works of the product requirements', () => {
  it('are read from CSL-JSON with every variable', () => {
    const [article, report, book] = THREE_WORKS.map((item) => asSource(item as CslItem));
    expect(article).toMatchObject({
      key: 'porter-2019',
      type: 'journal',
      containerTitle: 'Journal of Music Pedagogy',
      authors: [
        { family: 'Porter', given: 'H.' },
        { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      ],
      volume: '12',
      issue: '3',
      pages: '45-67',
      issn: '0027-4321',
      doi: '10.5555/jmp.2019.12.3.45',
      publishedDate: '2019',
    });
    expect(report).toMatchObject({
      type: 'report',
      authors: [{ literal: 'World Health Organization' }],
      number: 'WHO/UCN/NCD/SDR/21.1',
      publisher: 'WHO Press',
      publisherPlace: 'Geneva',
      publishedDate: '2021-03',
    });
    expect(book).toMatchObject({
      type: 'book',
      authors: [],
      editors: [
        { family: 'McPherson', given: 'Gary E.' },
        { family: 'Welch', given: 'Graham F.' },
      ],
      edition: '2',
      isbn: '978-0-19-852663-6',
      publisherPlace: 'Oxford',
      publishedDate: '2010-05-04',
    });
  });

  it.each(FORMATS)('come back unchanged through %s', (format) => {
    for (const item of THREE_WORKS) {
      const source = asSource(item as CslItem);
      expect(through(source, format).source).toEqual(source);
    }
  });

  it('give CSL-JSON back variable for variable', () => {
    const sources = THREE_WORKS.map((item) => asSource(item as CslItem));
    const exported = JSON.parse(
      exportItems(
        sources.map((source) => sourceToCsl({ ...source, documentId: 'd', key: source.key! })),
        'csl-json'
      )
    );
    expect(exported).toEqual(THREE_WORKS.map((item) => ({ ...item, 'citation-key': item.id })));
  });

  it('are written in BibLaTeX and RIS with the fields other tools read', () => {
    const [article, report, book] = THREE_WORKS.map((item) => asSource(item as CslItem));
    const bib = through(article!, 'bibtex').text;
    expect(bib).toContain('author = {Porter, H. and van Beethoven, Ludwig and King, Jr., Martin Luther}');
    expect(bib).toMatch(/volume = \{12\},[\s\S]*|number = \{3\}/);
    expect(bib).toContain('pages = {45--67}');
    expect(bib).toContain('date = {2019}');
    expect(through(report!, 'bibtex').text).toContain('author = {{World Health Organization}}');
    expect(through(report!, 'bibtex').text).toContain('date = {2021-03}');
    expect(through(book!, 'bibtex').text).toContain('editor = {McPherson, Gary E. and Welch, Graham F.}');

    const ris = through(article!, 'ris').text;
    expect(ris).toContain('AU  - van Beethoven, Ludwig\n');
    expect(ris).toContain('AU  - King, Martin Luther, Jr.\n');
    expect(ris).toContain('SP  - 45\nEP  - 67\n');
    expect(ris).toMatch(/^PY {2}- 2019$/m);
    expect(ris).toMatch(/^VL {2}- 12$/m);
    expect(ris).toMatch(/^IS {2}- 3$/m);
    expect(ris).toMatch(/^SN {2}- 0027-4321$/m);
    expect(through(report!, 'ris').text).toMatch(/^AU {2}- World Health Organization$/m);
    const bookRis = through(book!, 'ris').text;
    expect(bookRis).toMatch(/^A2 {2}- McPherson, Gary E\.$/m);
    expect(bookRis).toMatch(/^ET {2}- 2$/m);
    expect(bookRis).toMatch(/^CY {2}- Oxford$/m);
    expect(bookRis).toMatch(/^DA {2}- 2010\/0?5\/0?4\/$/m);
  });
});

describe('every variable of the model', () => {
  it('comes back whole through CSL-JSON', () => {
    const source = asSource(EVERYTHING);
    const back = JSON.parse(exportItems([sourceToCsl({ ...source, documentId: 'd', key: source.key! })], 'csl-json'));
    expect(back).toEqual([{ ...EVERYTHING, 'citation-key': EVERYTHING.id }]);
  });

  it.each(['bibtex', 'ris'] as const)('comes back through %s, but a dropping particle as a non-dropping one', (format) => {
    const source = asSource(EVERYTHING);
    const back = through(source, format).source;
    expect(back).toEqual({
      ...source,
      authors: [{ family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' }, source.authors[1]],
      // BibLaTeX has no place for a chapter's issue; RIS none for its ISSN (SN is the ISBN) or number.
      ...(format === 'bibtex' ? { issue: null } : { issn: null, number: null }),
    });
  });
});

describe('dates as precise as they are known', () => {
  it.each(FORMATS)('%s keeps a year, a year and month and a full date, published and accessed', (format) => {
    for (const type of ['webpage', 'article-newspaper', 'article-journal', 'book', 'report']) {
      for (const [published, accessed] of [
        ['2004', '2024'],
        ['2004-05', '2024-02'],
        ['2004-05-06', '2024-02-03'],
      ]) {
        const source = { ...asSource({ id: 'd', type, title: 'T', URL: 'https://a.example/' }), publishedDate: published, accessedDate: accessed };
        expect({ cslType: type, ...through(source, format).source }).toMatchObject({
          type: source.type,
          publishedDate: published,
          accessedDate: accessed,
        });
      }
    }
  });
});

describe('reading what other tools write', () => {
  it('reads classic BibTeX: year, month, address, institution, braced organisations, von and Jr', () => {
    const bib = `@techreport{who,
  author = {{World Health Organization} and van der Berg, Pieter and King, Jr., Martin Luther},
  editor = {Plato},
  title = {Rep},
  institution = {WHO Press},
  number = {12},
  type = {Technical Report},
  address = {Geneva},
  year = 2021, month = mar,
}
@book{b, editor = {Smith, Jane}, title = {B}, edition = {2}, isbn = {978-0-306-40615-7}, issn = {1234-5678}, publisher = {P}, year = {2004}}
@article{a, author = {Doe, Jane}, title = {A}, journal = {J}, volume = {12}, number = {3}, pages = {45--67}, year = {2019}}`;
    const [report, book, article] = readImportFile(bib).entries.map((entry) => ('source' in entry ? entry.source : entry.error));
    expect(report).toMatchObject({
      type: 'report',
      authors: [
        { literal: 'World Health Organization' },
        { family: 'Berg', given: 'Pieter', 'non-dropping-particle': 'van der' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      ],
      editors: [{ family: 'Plato' }],
      publisher: 'WHO Press',
      publisherPlace: 'Geneva',
      number: '12',
      genre: 'Technical Report',
      publishedDate: '2021-03',
    });
    expect(book).toMatchObject({
      editors: [{ family: 'Smith', given: 'Jane' }],
      edition: '2',
      isbn: '978-0-306-40615-7',
      issn: '1234-5678',
      publishedDate: '2004',
    });
    expect(article).toMatchObject({ containerTitle: 'J', volume: '12', issue: '3', pages: '45-67', publishedDate: '2019' });
  });

  it('reads RIS: A2 editors, ED, EDBOOK, SP/EP, PY with a year only, DA, JO', () => {
    const ris = [
      'TY  - BOOK\nA2  - Smith, Jane\nA4  - Roe, Ann\nTI  - Book\nET  - 2nd\nSN  - 978-0-306-40615-7\nCY  - Oxford\nPB  - OUP\nPY  - 2004\nER  - ',
      'TY  - JOUR\nAU  - de la Fontaine, Jean\nTI  - Article\nJO  - Journal\nVL  - 12\nIS  - 3\nSP  - 45\nEP  - 67\nSN  - 1234-5678\nPY  - 2019\nDA  - 2019/05/\nER  - ',
      'TY  - EDBOOK\nAU  - Welch, Graham F.\nTI  - Edited\nPY  - 2010\nER  - ',
      'TY  - NEWS\nAU  - Doe, Jane\nTI  - News\nT2  - The Post\nPY  - 2023\nDA  - 2023/02/22/\nER  - ',
      'TY  - RPRT\nED  - Smith, Jane\nAU  - World Health Organization\nTI  - Report\nPY  - 2021\nER  - ',
    ].join('\n\n');
    const [book, article, edited, news, report] = readImportFile(ris).entries.map((entry) => ('source' in entry ? entry.source : entry.error));
    expect(book).toMatchObject({
      editors: [{ family: 'Smith', given: 'Jane' }],
      translators: [{ family: 'Roe', given: 'Ann' }],
      edition: '2nd',
      isbn: '978-0-306-40615-7',
      publisherPlace: 'Oxford',
      publishedDate: '2004',
    });
    expect(article).toMatchObject({
      authors: [{ family: 'Fontaine', given: 'Jean', 'non-dropping-particle': 'de la' }],
      containerTitle: 'Journal',
      volume: '12',
      issue: '3',
      pages: '45-67',
      issn: '1234-5678',
      publishedDate: '2019-05',
    });
    expect(edited).toMatchObject({ authors: [], editors: [{ family: 'Welch', given: 'Graham F.' }] });
    expect(news).toMatchObject({
      type: 'news',
      authors: [{ family: 'Doe', given: 'Jane' }],
      containerTitle: 'The Post',
      publishedDate: '2023-02-22',
    });
    expect(report).toMatchObject({ authors: [{ literal: 'World Health Organization' }], editors: [{ family: 'Smith', given: 'Jane' }] });
  });

  it('reads and writes RIS names with particles and suffixes', () => {
    expect(risName('van Beethoven, Ludwig')).toEqual({ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' });
    expect(risName('King, Martin Luther, Jr.')).toEqual({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' });
    expect(risName('World Health Organization')).toEqual({ literal: 'World Health Organization' });
    expect(risName('van, Jan')).toEqual({ family: 'van', given: 'Jan' });
    expect(risNameText({ family: 'Gogh', given: 'Vincent', 'dropping-particle': 'van' })).toBe('van Gogh, Vincent');
    expect(risNameText({ literal: 'WHO' })).toBe('WHO');
  });

  it('keeps a braced BibTeX name whole, matching names by position', () => {
    const raw = '@misc{x, author = "{Acme, Inc.} and Doe, Jane and {{Big Org}}", title = {T}}';
    expect(withBracedOrganisations('authors', [{ family: 'Acme, Inc.' }, { family: 'Doe', given: 'Jane' }, { family: 'Big Org' }], raw)).toEqual([
      { literal: 'Acme, Inc.' },
      { family: 'Doe', given: 'Jane' },
      { literal: 'Big Org' },
    ]);
    // Counts that differ (a name citation-js dropped): left as read.
    expect(withBracedOrganisations('authors', [{ family: 'Doe', given: 'Jane' }], raw)).toEqual([{ family: 'Doe', given: 'Jane' }]);
    expect(withBracedOrganisations('editors', [{ family: 'X' }], raw)).toEqual([{ family: 'X' }]);
  });

  it('maps CSL both ways as the one mapping does', () => {
    expect(
      cslToSourceFields(sourceToCsl({ documentId: 'd', key: 'k', title: 'T', type: 'thesis', genre: 'PhD thesis', publisher: 'Univ' }))
    ).toMatchObject({
      type: 'thesis',
      genre: 'PhD thesis',
      publisher: 'Univ',
    });
  });
});
