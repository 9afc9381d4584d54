import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, roleWith, type AdminSession } from '../helpers/admin';
import { createSource, SOURCE_UID } from '../helpers/content';
import { DOI, ISBN, MONTH_ISBN, YEAR_ONLY_DOI, fixtureEnv, startFixtureServer, type FixtureServer } from '../helpers/source-fixtures';

// POST /cited-articles/sources/lookup against a local fixture server standing in for doi.org,
// Open Library and article pages (real HTTP; private hosts allowed through the boot environment,
// as the fixture server listens on 127.0.0.1). The SSRF rules are in source-lookup-ssrf.test.ts.
let fixtures: FixtureServer;
const env: Record<string, string> = {};
beforeAll(async () => {
  fixtures = await startFixtureServer();
  Object.assign(env, fixtureEnv(fixtures));
});
afterAll(() => fixtures?.close());

const app = setupStrapi({ env });
let admin: AdminSession;
beforeAll(async () => {
  admin = await createAdmin(app);
});

const lookup = (identifier: unknown, session = admin) => session.post('/cited-articles/sources/lookup').send({ identifier });
const countSources = () => app.strapi.documents(SOURCE_UID as any).count({});

/** What a lookup answers for a field it found nothing for. */
const NOTHING = {
  containerTitle: null,
  publisher: null,
  publisherPlace: null,
  authors: [],
  editors: [],
  translators: [],
  url: null,
  publishedDate: null,
  accessedDate: null,
  doi: null,
  language: null,
  volume: null,
  issue: null,
  pages: null,
  edition: null,
  isbn: null,
  issn: null,
  number: null,
  genre: null,
};

describe('DOI', () => {
  it.each([DOI, `doi:${DOI}`, `https://doi.org/${DOI}`])('fills a journal article from %s by content negotiation', async (identifier) => {
    const before = fixtures.to('/doi/').length;
    const res = await lookup(identifier);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        ...NOTHING,
        title: 'Coal mine safety in northern China, 2000–2019',
        containerTitle: 'Journal of Mining Studies',
        publisher: 'Example Society',
        authors: [{ family: 'Wei', given: 'Li' }, { family: 'Schmidt', given: 'Anna', suffix: 'Jr.' }, { literal: 'Mine Safety Research Group' }],
        url: `https://doi.org/${DOI}`,
        publishedDate: '2020-03-14',
        doi: DOI,
        type: 'journal',
        language: 'en',
        volume: '12',
        issue: '4',
        pages: '210-229',
        issn: '1234-5678',
      },
      meta: { via: 'doi', existing: null },
    });
    const asked = fixtures.to('/doi/').slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0].accept).toContain('application/vnd.citationstyles.csl+json');
    expect(asked[0].userAgent).toMatch(/CitedArticles\/.*strapi-plugin-cited-articles/);
  });

  it('keeps a year alone, an organisation, the number, place and ISBN of a report', async () => {
    const res = await lookup(YEAR_ONLY_DOI);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      ...NOTHING,
      title: 'World report on hearing',
      publisher: 'WHO Press',
      publisherPlace: 'Geneva',
      authors: [{ literal: 'World Health Organization' }],
      url: `https://doi.org/${YEAR_ONLY_DOI}`,
      publishedDate: '2021',
      doi: YEAR_ONLY_DOI,
      type: 'report',
      isbn: '9789240020481',
      number: 'WHO/UCN/NCD/SDR/21.1',
    });
  });

  it('answers 404 for a DOI that is not registered', async () => {
    const res = await lookup('10.5555/not.registered');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/No work is registered with the DOI 10\.5555\/not\.registered/);
  });

  it('answers 502 with a message when the resolver answers badly', async () => {
    const notJson = await lookup('10.5555/bad.answer');
    expect(notJson.status).toBe(502);
    expect(notJson.body).toMatchObject({ data: null, error: { status: 502, name: 'BadGatewayError', message: expect.stringMatching(/not JSON/) } });
    const down = await lookup('10.5555/server.error');
    expect(down.status).toBe(502);
    expect(down.body.error.message).toMatch(/answered 503/);
  });

  it('names a library source with the same DOI (any case) instead of saving a duplicate', async () => {
    const existing = await createSource(admin, { title: 'Already here', doi: DOI.toUpperCase(), type: 'journal' });
    const before = await countSources();
    const res = await lookup(DOI);
    expect(res.status).toBe(200);
    expect(res.body.meta.existing).toBe(existing.documentId);
    expect(await countSources()).toBe(before);
    await app.strapi.documents(SOURCE_UID as any).delete({ documentId: existing.documentId });
  });
});

describe('ISBN', () => {
  it.each(['978-0-306-40615-7', '0-306-40615-2'])('fills a book from Open Library for %s', async (identifier) => {
    const res = await lookup(identifier);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        ...NOTHING,
        title: 'Fantastic Mr. Fox',
        publisher: 'Puffin',
        publisherPlace: 'New York',
        authors: [{ given: 'Roald', family: 'Dahl' }],
        url: 'https://openlibrary.org/books/OL7353617M/Fantastic_Mr._Fox',
        publishedDate: '1988-10-01',
        edition: 'Reissue edition',
        isbn: '978-0-306-40615-7',
        type: 'book',
      },
      meta: { via: 'isbn', existing: null },
    });
    expect(fixtures.requests.at(-1)!.path).toBe(`/api/books?bibkeys=ISBN%3A${ISBN}&format=json&jscmd=data`);
  });

  it('keeps a year and month and an organisation as author', async () => {
    const res = await lookup(MONTH_ISBN);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      authors: [{ literal: 'World Health Organization' }],
      publishedDate: '2021-03',
      publisher: 'WHO Press',
      publisherPlace: 'Geneva',
      isbn: MONTH_ISBN,
    });
  });

  it('answers 404 for an ISBN Open Library does not know', async () => {
    const res = await lookup('978-3-16-148410-0');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/Open Library knows no book with the ISBN 9783161484100/);
  });

  it('answers 400 for a wrong check digit without asking anyone', async () => {
    const before = fixtures.requests.length;
    const res = await lookup('978-0-306-40615-8');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/wrong check digit/) });
    expect(res.body.error.details.errors[0].path).toEqual(['identifier']);
    expect(fixtures.requests.length).toBe(before);
  });
});

describe('URL', () => {
  const page = (path: string) => `${fixtures.url}/pages/${path}`;
  const today = () => new Date().toISOString().slice(0, 10);

  it('reads Highwire citation_* tags first', async () => {
    const res = await lookup(page('highwire'));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      ...NOTHING,
      title: 'Methane drainage and outbursts',
      containerTitle: 'International Journal of Coal Geology',
      publisher: 'Example Science Publishers',
      authors: [
        { family: 'Zhang', given: 'Hui' },
        { family: 'Berg', given: 'Pieter', 'non-dropping-particle': 'van der' },
        { literal: 'Mine Safety Research Group' },
      ],
      url: page('highwire'),
      publishedDate: '2022',
      accessedDate: today(),
      doi: '10.5555/cited.2022.303',
      type: 'journal',
      language: 'en',
      volume: '254',
      issue: '2',
      pages: '103-118',
      issn: '0166-5162',
    });
    expect(res.body.meta).toEqual({ via: 'url', existing: null });
  });

  it('reads schema.org JSON-LD (a NewsArticle in an @graph) before OpenGraph', async () => {
    const res = await lookup(page('json-ld'));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      title: 'Two killed, more than 50 trapped in coal mine collapse',
      containerTitle: 'The Example Post',
      publisher: null,
      authors: [
        { given: 'Jane', family: 'Reporter' },
        { given: 'Sam', family: 'Writer' },
      ],
      publishedDate: '2023-02-22',
      type: 'news',
      language: 'en-GB',
    });
  });

  it('reads a ScholarlyArticle in its issue, volume and periodical, and a Book with editors, edition and ISBN', async () => {
    const article = await lookup(page('json-ld-article'));
    expect(article.status).toBe(200);
    expect(article.body.data).toMatchObject({
      title: 'Outbursts in deep seams',
      type: 'journal',
      containerTitle: 'Journal of Mining Studies',
      publisher: 'Example Society',
      authors: [{ family: 'Zhang', given: 'Hui' }, { literal: 'Mine Safety Research Group' }],
      volume: '12',
      issue: '3',
      pages: '45-67',
      issn: '1234-5678',
      publishedDate: '2021-07',
    });
    const book = await lookup(page('json-ld-book'));
    expect(book.status).toBe(200);
    expect(book.body.data).toMatchObject({
      title: 'A handbook of mine ventilation',
      type: 'book',
      editors: [{ family: 'Smith', given: 'Jane' }],
      edition: '2nd ed.',
      isbn: '9780198526636',
      publisher: 'Oxford University Press',
      containerTitle: null,
      publishedDate: '2004',
    });
  });

  it('reads OpenGraph and article:* tags, following a redirect, and takes the canonical URL', async () => {
    const res = await lookup(page('moved'));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      title: 'Budget vote delayed & debated',
      containerTitle: 'Daily Example',
      publisher: null,
      authors: [{ given: 'Inès', family: 'Dupont' }],
      url: `${fixtures.url}/politics/budget-vote`,
      publishedDate: '2024-05-17',
      type: 'news',
      language: 'fr-FR',
    });
  });

  it('falls back to <title>', async () => {
    const res = await lookup(page('title-only'));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      title: 'A plain page',
      containerTitle: null,
      publisher: null,
      authors: [],
      publishedDate: null,
      type: 'web',
    });
  });

  it('names a library source whose URL is the same after normalisation', async () => {
    const existing = await createSource(admin, { title: 'Budget', url: `${fixtures.url}/politics/budget-vote/?utm_source=x`, type: 'news' });
    const res = await lookup(page('opengraph'));
    expect(res.body.meta.existing).toBe(existing.documentId);
  });

  it('answers 404 for a page that is gone, 502 for a server error, 400 for a PDF', async () => {
    expect((await lookup(page('gone'))).status).toBe(404);
    const failing = await lookup(page('server-error'));
    expect(failing.status).toBe(502);
    expect(failing.body.error.message).toMatch(/answered 500/);
    const pdf = await lookup(page('pdf'));
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.message).toMatch(/application\/pdf, not a web page/);
  });

  it('stops after 5 redirects', async () => {
    const res = await lookup(page('loop'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/more than 5 redirects/);
    expect(fixtures.to('/pages/loop').length).toBeLessThanOrEqual(6);
  });

  it('reads at most 2 MB of an endless page and still fills what the head gives', async () => {
    const res = await lookup(page('huge'));
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Huge');
  });

  it('gives up on a page that does not answer within 5 s with a 502', async () => {
    const started = Date.now();
    const res = await lookup(page('slow'));
    expect(res.status).toBe(502);
    expect(res.body.error.message).toMatch(/did not answer within 5 s/);
    expect(Date.now() - started).toBeLessThan(7900);
  }, 20_000);
});

describe('the request', () => {
  it.each([
    [{}, /identifier must be a DOI, an ISBN or a URL/],
    [{ identifier: 42 }, /identifier must be a DOI, an ISBN or a URL/],
    [{ identifier: '   ' }, /identifier is empty/],
    [{ identifier: 'x'.repeat(3000) }, /at most 2048/],
  ])('refuses %j with 400', async (body, message) => {
    const res = await admin.post('/cited-articles/sources/lookup').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('needs the Content Manager create permission on sources, not just a login', async () => {
    const reader = await roleWith(app, 'Source readers', [
      { action: 'plugin::content-manager.explorer.read', subject: SOURCE_UID },
      { action: 'plugin::content-manager.explorer.create', subject: 'plugin::cited-articles.article' },
    ]);
    const readOnly = await createAdmin(app, { roles: [reader] });
    expect((await lookup(DOI, readOnly)).status).toBe(403);

    const creator = await roleWith(app, 'Source creators', [{ action: 'plugin::content-manager.explorer.create', subject: SOURCE_UID }]);
    const canCreate = await createAdmin(app, { roles: [creator] });
    expect((await lookup(DOI, canCreate)).status).toBe(200);
  });

  it('is an admin route: the content API does not have it', async () => {
    const res = await request(app.server).post('/cited-articles/sources/lookup').send({ identifier: DOI });
    expect(res.status).toBe(401);
  });
});
