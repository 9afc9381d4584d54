import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, roleWith, type AdminSession } from '../helpers/admin';
import { createSource, SOURCE_UID } from '../helpers/content';
import { DOI, ISBN, fixtureEnv, startFixtureServer, type FixtureServer } from '../helpers/source-fixtures';

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

describe('DOI', () => {
  it.each([DOI, `doi:${DOI}`, `https://doi.org/${DOI}`])('fills a journal article from %s by content negotiation', async (identifier) => {
    const before = fixtures.to('/doi/').length;
    const res = await lookup(identifier);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        title: 'Coal mine safety in northern China, 2000–2019',
        publisher: 'Journal of Mining Studies',
        authors: ['Li Wei', 'Anna Schmidt'],
        url: `https://doi.org/${DOI}`,
        publishedDate: '2020-03-14',
        accessedDate: null,
        doi: DOI,
        type: 'journal',
        language: 'en',
      },
      meta: { via: 'doi', existing: null },
    });
    const asked = fixtures.to('/doi/').slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0].accept).toContain('application/vnd.citationstyles.csl+json');
    expect(asked[0].userAgent).toMatch(/CitedArticles\/.*strapi-plugin-cited-articles/);
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
        title: 'Fantastic Mr. Fox',
        publisher: 'Puffin',
        authors: ['Roald Dahl'],
        url: 'https://openlibrary.org/books/OL7353617M/Fantastic_Mr._Fox',
        publishedDate: '1988-10-01',
        accessedDate: null,
        doi: null,
        type: 'book',
        language: null,
      },
      meta: { via: 'isbn', existing: null },
    });
    expect(fixtures.requests.at(-1)!.path).toBe(`/api/books?bibkeys=ISBN%3A${ISBN}&format=json&jscmd=data`);
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
      title: 'Methane drainage and outbursts',
      publisher: 'International Journal of Coal Geology',
      authors: ['Zhang, Hui', 'Okafor, Chidi'],
      url: page('highwire'),
      publishedDate: '2022-11-03',
      accessedDate: today(),
      doi: '10.5555/cited.2022.303',
      type: 'journal',
      language: 'en',
    });
    expect(res.body.meta).toEqual({ via: 'url', existing: null });
  });

  it('reads schema.org JSON-LD (a NewsArticle in an @graph) before OpenGraph', async () => {
    const res = await lookup(page('json-ld'));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      title: 'Two killed, more than 50 trapped in coal mine collapse',
      publisher: 'The Example Post',
      authors: ['Jane Reporter', 'Sam Writer'],
      publishedDate: '2023-02-22',
      type: 'news',
      language: 'en-GB',
    });
  });

  it('reads OpenGraph and article:* tags, following a redirect, and takes the canonical URL', async () => {
    const res = await lookup(page('moved'));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      title: 'Budget vote delayed & debated',
      publisher: 'Daily Example',
      authors: ['Inès Dupont'],
      url: `${fixtures.url}/politics/budget-vote`,
      publishedDate: '2024-05-17',
      type: 'news',
      language: 'fr-FR',
    });
  });

  it('falls back to <title>', async () => {
    const res = await lookup(page('title-only'));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ title: 'A plain page', publisher: null, authors: [], publishedDate: null, type: 'web' });
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
