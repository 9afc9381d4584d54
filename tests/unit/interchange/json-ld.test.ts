import { sourceToCreativeWork } from '@cited-articles/server/src/interchange/json-ld';
import { cslToSourceFields, type CslItem } from '@cited-articles/server/src/csl/source-to-csl';
import { THREE_WORKS } from '../../helpers/source-fixtures';

// schema.org as a page embeds it: the richer fields of a source, in schema.org's own terms.
const source = (index: number) => {
  const { key, ...fields } = cslToSourceFields(THREE_WORKS[index] as CslItem);
  return { ...fields, documentId: 'd', key: key! };
};

describe('sourceToCreativeWork', () => {
  it('puts a journal article in its issue, volume and periodical, with pages, ISSN and structured names', () => {
    expect(sourceToCreativeWork(source(0))).toEqual({
      '@type': 'CreativeWork',
      additionalType: 'https://schema.org/ScholarlyArticle',
      name: 'Rhythm and memory in early music education',
      author: [
        { '@type': 'Person', name: 'H. Porter', givenName: 'H.', familyName: 'Porter' },
        { '@type': 'Person', name: 'Ludwig van Beethoven', givenName: 'Ludwig', familyName: 'van Beethoven' },
        { '@type': 'Person', name: 'Martin Luther King Jr.', givenName: 'Martin Luther', familyName: 'King', honorificSuffix: 'Jr.' },
      ],
      datePublished: '2019',
      isPartOf: {
        '@type': 'PublicationIssue',
        issueNumber: '3',
        isPartOf: {
          '@type': 'PublicationVolume',
          volumeNumber: '12',
          isPartOf: { '@type': 'Periodical', name: 'Journal of Music Pedagogy', issn: '0027-4321' },
        },
      },
      pagination: '45-67',
      pageStart: '45',
      pageEnd: '67',
      url: 'https://journals.example/jmp/12/3/45',
      identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.5555/jmp.2019.12.3.45' },
      inLanguage: 'en',
    });
  });

  it('names an organisation as an Organization, and a year and month as they are', () => {
    expect(sourceToCreativeWork(source(1))).toMatchObject({
      additionalType: 'https://schema.org/Report',
      author: [{ '@type': 'Organization', name: 'World Health Organization' }],
      publisher: { '@type': 'Organization', name: 'WHO Press', location: { '@type': 'Place', name: 'Geneva' } },
      datePublished: '2021-03',
    });
  });

  it('gives an edited book its editors, edition and ISBN; a chapter its book; a translator', () => {
    expect(sourceToCreativeWork(source(2))).toMatchObject({
      additionalType: 'https://schema.org/Book',
      editor: [
        { '@type': 'Person', givenName: 'Gary E.', familyName: 'McPherson' },
        { '@type': 'Person', givenName: 'Graham F.', familyName: 'Welch' },
      ],
      bookEdition: '2',
      isbn: '978-0-19-852663-6',
      datePublished: '2010-05-04',
    });
    expect(
      sourceToCreativeWork({
        documentId: 'd',
        key: 'c',
        title: 'C',
        type: 'chapter',
        containerTitle: 'The book',
        pages: 'xii',
        translators: [{ literal: 'Translation Bureau' }],
      })
    ).toMatchObject({
      additionalType: 'https://schema.org/Chapter',
      isPartOf: { '@type': 'Book', name: 'The book' },
      pagination: 'xii',
      translator: [{ '@type': 'Organization', name: 'Translation Bureau' }],
    });
  });

  it('says a volume and an ISSN on the work when it names no container', () => {
    const work = sourceToCreativeWork({ documentId: 'd', key: 'n', title: 'N', type: 'news', volume: '4', issn: '1111-2222' });
    expect(work).toMatchObject({ volumeNumber: '4', issn: '1111-2222' });
    expect(work.isPartOf).toBeUndefined();
  });
});
