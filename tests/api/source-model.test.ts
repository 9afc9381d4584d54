/**
 * The source model end to end: an editor saves sources through the Content Manager with persons
 * (particles, suffixes), organisations, editors, translators, partial dates and every CSL field; a
 * frontend reads them back through the public REST routes (a source, an article's references) and
 * GraphQL's CitedName. Bad names and dates answer 400 naming the field and what to fix, on every
 * write path, and write nothing.
 */
import request from 'supertest';
import type { SourceName } from '@cited-articles/server/src/citations/types';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { SOURCE_UID, createArticle, createSource } from '../helpers/content';
import { graphql } from '../helpers/graphql';
import { setupStrapi } from '../helpers/strapi';

const app = setupStrapi();
const CM = `/content-manager/collection-types/${SOURCE_UID}`;
const API = '/api/cited-articles';

let admin: AdminSession;
let journal: { documentId: string };
let report: { documentId: string };

const JOURNAL = {
  key: 'model-journal',
  title: 'Rescue times in collapsed mines',
  containerTitle: 'Journal of Mine Safety',
  authors: [
    { family: 'Berg', given: 'Anna', 'non-dropping-particle': 'van den' },
    { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
    { family: 'Gaulle', given: 'Charles', 'dropping-particle': 'de' },
  ],
  translators: [{ family: 'Tran', given: 'Lee' }],
  volume: '12',
  issue: '3',
  pages: '45-67',
  issn: '1234-5678',
  doi: '10.1234/mines.12',
  type: 'journal',
  language: 'en',
  publishedDate: '2023-03',
  accessedDate: '2024-02-29',
};

const REPORT = {
  key: 'model-report',
  title: 'Mine safety worldwide',
  authors: [{ literal: 'World Health Organization' }],
  publisher: 'WHO Press',
  publisherPlace: 'Geneva',
  number: 'WHO/MS/04.1',
  genre: 'Technical report',
  type: 'report',
  publishedDate: '2004',
};

const BOOK = {
  key: 'model-book',
  title: 'Underground',
  editors: [{ family: 'Quist', given: 'Ada' }, { literal: 'Mining History Society' }],
  publisher: 'Quiet House',
  publisherPlace: 'London',
  edition: '2',
  isbn: '978-3-16-148410-0',
  type: 'book',
  publishedDate: '2019-11-05',
};

/** What a CSL name looks like in GraphQL: the hyphenated parts in camel case, every part present. */
const graphqlName = (name: SourceName) => ({
  family: name.family ?? null,
  given: name.given ?? null,
  nonDroppingParticle: name['non-dropping-particle'] ?? null,
  droppingParticle: name['dropping-particle'] ?? null,
  suffix: name.suffix ?? null,
  literal: name.literal ?? null,
});

/** A reference as the REST and GraphQL answers give it (only its source is read here). */
type AnsweredReference = { source: Record<string, unknown> };

const sourceCount = async () => (await admin.get(`${CM}?page=1&pageSize=1`)).body.pagination.total as number;

beforeAll(async () => {
  admin = await createAdmin(app);
  journal = await createSource(admin, JOURNAL);
  report = await createSource(admin, REPORT);
  const book = await createSource(admin, BOOK);
  await createArticle(admin, {
    title: 'Model article',
    slug: 'model-article',
    body: 'A study [@model-journal, p. 50], a report [@model-report] and a book [@model-book].',
    citations: [journal.documentId, report.documentId, book.documentId],
  });
});

describe('sources saved through the Content Manager', () => {
  it('keep persons with particles and suffixes, organisations, editors, translators, partial dates and every field', async () => {
    const saved = (await admin.get(`${CM}/${journal.documentId}`)).body.data;
    expect(saved).toMatchObject({ ...JOURNAL, editors: null });
    expect((await admin.get(`${CM}/${report.documentId}`)).body.data).toMatchObject(REPORT);
  });

  it('are read back through GET /sources/:key with names as CSL-JSON writes them', async () => {
    const res = await request(app.server).get(`${API}/sources/model-journal`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ...JOURNAL, publisher: null, editors: [], translators: JOURNAL.translators });
    const book = await request(app.server).get(`${API}/sources/model-book`);
    expect(book.body.data).toMatchObject({ ...BOOK, authors: [], translators: [] });
  });

  it("are an article's references, as GET /articles/:slug answers them", async () => {
    const res = await request(app.server).get(`${API}/articles/model-article`);
    expect(res.status).toBe(200);
    const sources = (res.body.data.references as AnsweredReference[]).map((reference) => reference.source);
    expect(sources.map((source) => source.key)).toEqual(['model-journal', 'model-report', 'model-book']);
    expect(sources[0]).toMatchObject({ authors: JOURNAL.authors, containerTitle: 'Journal of Mine Safety', publishedDate: '2023-03' });
    expect(sources[1]).toMatchObject({ authors: REPORT.authors, publisherPlace: 'Geneva', number: 'WHO/MS/04.1', publishedDate: '2004' });
    expect(sources[2]).toMatchObject({ editors: BOOK.editors, edition: '2', isbn: BOOK.isbn });
  });

  it('are read through GraphQL, names as CitedName', async () => {
    const res = await graphql(
      app,
      `
        {
          citedSource(key: "model-journal") {
            key
            containerTitle
            publishedDate
            accessedDate
            volume
            issue
            pages
            issn
            authors {
              family
              given
              nonDroppingParticle
              droppingParticle
              suffix
              literal
            }
            editors {
              family
            }
            translators {
              family
              given
            }
          }
          citedArticle(slug: "model-article") {
            references {
              source {
                key
                publisherPlace
                number
                genre
                edition
                isbn
                authors {
                  literal
                }
                editors {
                  family
                  literal
                }
              }
            }
          }
        }
      `
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.citedSource).toEqual({
      key: 'model-journal',
      containerTitle: JOURNAL.containerTitle,
      publishedDate: '2023-03',
      accessedDate: '2024-02-29',
      volume: '12',
      issue: '3',
      pages: '45-67',
      issn: '1234-5678',
      authors: JOURNAL.authors.map(graphqlName),
      editors: [],
      translators: [{ family: 'Tran', given: 'Lee' }],
    });
    const [, who, book] = (res.body.data.citedArticle.references as AnsweredReference[]).map((reference) => reference.source);
    expect(who).toMatchObject({
      publisherPlace: 'Geneva',
      number: 'WHO/MS/04.1',
      genre: 'Technical report',
      authors: [{ literal: 'World Health Organization' }],
    });
    expect(book).toMatchObject({
      edition: '2',
      isbn: BOOK.isbn,
      editors: [
        { family: 'Quist', literal: null },
        { family: null, literal: 'Mining History Society' },
      ],
    });
  });

  it('are updated: names trimmed, a day added to a year, a date and a list cleared', async () => {
    const res = await admin.put(`${CM}/${report.documentId}`).send({
      ...REPORT,
      authors: [{ literal: '  World   Health Organization ' }, { family: 'Doe', given: 'Jane', literal: '' }],
      editors: [],
      publishedDate: '2004-06-30',
      accessedDate: '',
    });
    expect(res.status).toBe(200);
    const source = (await request(app.server).get(`${API}/sources/model-report`)).body.data;
    expect(source).toMatchObject({
      authors: [{ literal: 'World Health Organization' }, { family: 'Doe', given: 'Jane' }],
      editors: [],
      publishedDate: '2004-06-30',
      accessedDate: null,
    });
  });
});

describe('bad names and dates', () => {
  const person = { family: 'Doe', given: 'Jane' };
  it.each([
    [
      'a person and an organisation in one name',
      { authors: [person, { family: 'Health', literal: 'World Health Organization' }] },
      'authors[1]: a name is a person (family, given) or an organisation (literal), not both',
    ],
    ['a name as text', { editors: ['Jane Doe'] }, 'editors[0]: a name is an object: a person { "family": "Doe", "given": "Jane" }'],
    ['an unknown part', { translators: [{ ...person, firstName: 'Jane' }] }, 'translators[0]: unknown part "firstName": a name has family, given'],
    [
      'a name with no name',
      { authors: [{ suffix: 'Jr.' }] },
      'authors[0]: a name needs a family or given name (a person) or a literal (an organisation)',
    ],
    ['a part that is not text', { authors: [{ family: 42 }] }, 'authors[0].family: must be text'],
    ['a part too long', { authors: [{ family: 'x'.repeat(256) }] }, 'authors[0].family: is at most 255 characters'],
    ['too many names', { authors: Array.from({ length: 101 }, () => person) }, 'authors: lists at most 100 names'],
    ['names that are not a list', { authors: { family: 'Doe' } }, 'authors: must be a list of names'],
    ['a day that does not exist', { publishedDate: '2023-02-30' }, `publishedDate: "2023-02-30" is not a date that exists: write a year ('2004')`],
    ['a month that does not exist', { accessedDate: '2023-13' }, 'accessedDate: "2023-13" is not a date that exists'],
    ['a date in another order', { publishedDate: '05/03/2023' }, 'publishedDate: "05/03/2023" is not a date that exists'],
  ])('%s: 400 naming the field, nothing written', async (_what, fields, message) => {
    const before = await sourceCount();
    const created = await admin.post(CM).send({ title: 'Refused', ...fields });
    expect(created.status).toBe(400);
    expect(created.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(created.body.error.message).toContain(message);
    expect(created.body.error.details.errors[0].message).toContain(message);
    expect(await sourceCount()).toBe(before);

    const updated = await admin.put(`${CM}/${journal.documentId}`).send({ ...JOURNAL, ...fields });
    expect(updated.status).toBe(400);
    expect(updated.body.error.message).toContain(message);
    expect((await request(app.server).get(`${API}/sources/model-journal`)).body.data).toMatchObject({
      authors: JOURNAL.authors,
      publishedDate: JOURNAL.publishedDate,
      accessedDate: JOURNAL.accessedDate,
    });
  });

  it("are refused on the Content Manager's duplicate (clone) too", async () => {
    const before = await sourceCount();
    const refused = await admin
      .post(`${CM}/clone/${journal.documentId}`)
      .send({ key: 'model-clone', authors: [{ family: 'Doe', literal: 'Doe Inc.' }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('authors[0]: a name is a person (family, given) or an organisation (literal), not both');
    expect(await sourceCount()).toBe(before);
    const cloned = await admin.post(`${CM}/clone/${journal.documentId}`).send({ key: 'model-clone', publishedDate: '2023' });
    expect(cloned.status).toBe(200);
    expect((await request(app.server).get(`${API}/sources/model-clone`)).body.data).toMatchObject({
      authors: JOURNAL.authors,
      publishedDate: '2023',
    });
  });

  it('are refused on the Document Service too (imports, seeds, other plugins)', async () => {
    const before = await sourceCount();
    await expect(
      app.strapi.documents(SOURCE_UID).create({ data: { title: 'Imported', authors: [{ given: 'Jane', literal: 'Doe Inc.' }] } as never })
    ).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringContaining('authors[0]: a name is a person') });
    await expect(
      app.strapi.documents(SOURCE_UID).update({ documentId: journal.documentId, data: { publishedDate: '2023-02-29' } as never })
    ).rejects.toMatchObject({
      message: expect.stringContaining('publishedDate: "2023-02-29" is not a date that exists'),
    });
    expect(await sourceCount()).toBe(before);
  });
});
