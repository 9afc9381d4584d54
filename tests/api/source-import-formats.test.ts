import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { createArticle, SOURCE_UID } from '../helpers/content';
import { THREE_WORKS } from '../helpers/source-fixtures';

// Three works imported as CSL-JSON through the admin import, exported as CSL-JSON, BibTeX and RIS
// through the public export routes, and imported again: everything each format can say comes back
// (docs/interchange.md).
const app = setupStrapi();
const get = (url: string) => request(app.server).get(`/api/cited-articles${url}`);
const KEYS = THREE_WORKS.map((work) => work.id);
const FORMATS = ['csl-json', 'bibtex', 'ris'] as const;

let admin: AdminSession;
const importFile = (content: string, format?: string) =>
  admin.post('/cited-articles/sources/import').send(format ? { content, format } : { content });
const documents = () => app.strapi.documents(SOURCE_UID);

/** A stored source as the Document Service returns it. */
interface SourceRow {
  documentId: string;
  key: string;
  url: string | null;
  doi: string | null;
  [field: string]: unknown;
}
const rowsWithKeys = async (keys: string[]) => (await documents().findMany({ filters: { key: { $in: keys } } })) as unknown as SourceRow[];
/** Changes a source's key, URL and DOI, the fields that make an import skip or rename an entry. */
const setIdentity = (row: SourceRow, data: Pick<SourceRow, 'key' | 'url' | 'doi'>) =>
  documents().update({ documentId: row.documentId, data: data as Record<string, unknown> });
const createdKeys = (body: { data: { created: Array<{ key: string }> } }) => body.data.created.map((entry) => entry.key);

/** A stored source's own fields, without the ids and timestamps the database gives it. */
const fieldsOf = (row: SourceRow) => {
  const {
    id,
    documentId,
    createdAt,
    updatedAt,
    publishedAt,
    locale,
    linkStatus,
    linkCheckedAt,
    linkHttpStatus,
    linkRedirectUrl,
    retracted,
    retractionNoticeDoi,
    retractionDate,
    retractionCheckedAt,
    ...fields
  } = row;
  return fields;
};
const stored = async (keys: string[]) => {
  return (await rowsWithKeys(keys)).map(fieldsOf).sort((a, b) => KEYS.indexOf(a.key) - KEYS.indexOf(b.key));
};

beforeAll(async () => {
  admin = await createAdmin(app);
  const res = await importFile(JSON.stringify(THREE_WORKS));
  expect(res.status).toBe(200);
  expect(createdKeys(res.body)).toEqual(KEYS);
  await createArticle(admin, { title: 'Music and memory', body: KEYS.map((key) => `[@${key}]`).join(' '), citations: [] });
});

describe('CSL-JSON import through the admin', () => {
  it('stores every variable of the three works', async () => {
    const [article, report, book] = await stored(KEYS);
    expect(article).toMatchObject({
      type: 'journal',
      title: 'Rhythm and memory in early music education',
      containerTitle: 'Journal of Music Pedagogy',
      publisher: null,
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
      language: 'en',
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
      editors: [
        { family: 'McPherson', given: 'Gary E.' },
        { family: 'Welch', given: 'Graham F.' },
      ],
      edition: '2',
      isbn: '978-0-19-852663-6',
      publisher: 'Oxford University Press',
      publisherPlace: 'Oxford',
      publishedDate: '2010-05-04',
    });
  });
});

describe('export of the three works', () => {
  it('gives CSL-JSON back variable for variable, per source and per article', async () => {
    for (const work of THREE_WORKS) {
      const res = await get(`/sources/${work.id}/cite?format=csl-json`);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual([{ ...work, 'citation-key': work.id }]);
    }
    const list = await get('/articles/music-and-memory/references?format=csl-json');
    expect(list.status).toBe(200);
    expect(JSON.parse(list.text)).toEqual(THREE_WORKS.map((work) => ({ ...work, 'citation-key': work.id })));
  });

  it('writes BibLaTeX and RIS with the fields reference managers read', async () => {
    const bib = (await get('/articles/music-and-memory/references?format=bibtex')).text;
    expect(bib).toContain('author = {Porter, H. and van Beethoven, Ludwig and King, Jr., Martin Luther}');
    expect(bib).toContain('author = {{World Health Organization}}');
    expect(bib).toContain('editor = {McPherson, Gary E. and Welch, Graham F.}');
    for (const field of [
      'volume = {12}',
      'number = {3}',
      'pages = {45--67}',
      'issn = {0027-4321}',
      'date = {2019}',
      'date = {2021-03}',
      'location = {Geneva}',
      'edition = {2}',
      'isbn = {978-0-19-852663-6}',
    ]) {
      expect(bib).toContain(field);
    }
    const ris = (await get('/articles/music-and-memory/references?format=ris')).text;
    for (const line of [
      'AU  - van Beethoven, Ludwig',
      'AU  - King, Martin Luther, Jr.',
      'AU  - World Health Organization',
      'A2  - McPherson, Gary E.',
      'VL  - 12',
      'IS  - 3',
      'SP  - 45',
      'EP  - 67',
      'SN  - 0027-4321',
      'PY  - 2019',
      'CY  - Geneva',
      'ET  - 2',
      'SN  - 978-0-19-852663-6',
    ]) {
      expect(ris.split('\n')).toContain(line);
    }
  });

  it.each(FORMATS)('%s export imported into an empty library gives back the same sources', async (format) => {
    const before = await stored(KEYS);
    const exported = await get(`/articles/music-and-memory/references?format=${format}`);
    expect(exported.status).toBe(200);
    // The originals renamed away (key, URL, DOI), as if the file went to another library.
    const originals = await rowsWithKeys(KEYS);
    for (const row of originals) {
      await setIdentity(row, { key: `${row.key}-was`, url: null, doi: null });
    }
    try {
      const res = await importFile(exported.text, format);
      expect(res.status).toBe(200);
      expect(res.body.data.skipped).toEqual([]);
      expect(createdKeys(res.body)).toEqual(KEYS);
      expect(await stored(KEYS)).toEqual(before);
    } finally {
      for (const row of await rowsWithKeys(KEYS)) {
        await documents().delete({ documentId: row.documentId });
      }
      for (const row of originals) {
        await setIdentity(row, { key: row.key, url: row.url, doi: row.doi });
      }
    }
  });
});
