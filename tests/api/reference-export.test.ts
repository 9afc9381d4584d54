import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { createArticle, createSource, SOURCE_UID } from '../helpers/content';

// Export (BibTeX, RIS, CSL-JSON), "cite this article", JSON-LD, and import round trips.
const app = setupStrapi({ seed: true });
const get = (url: string) => request(app.server).get(`/api/cited-articles${url}`);
const DEMO = 'inner-mongolia-coal-mine-collapse';
const DEMO_KEYS = ['jpost-2023', 'bbc-2023', 'cnn-2023', 'boing-boing-2023', 'bangkok-post-2023', 'guardian-2023'];
const FORMATS = ['bibtex', 'ris', 'csl-json'] as const;

let admin: AdminSession;
beforeAll(async () => {
  admin = await createAdmin(app);
});

const importFile = (content: string, format?: string) =>
  admin.post('/cited-articles/sources/import').send(format ? { content, format } : { content });

describe('GET /articles/:slug/references?format=', () => {
  it('exports BibTeX with its content type, a file name, and one record per reference in order', async () => {
    const res = await get(`/articles/${DEMO}/references?format=bibtex`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-bibtex; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${DEMO}-references.bib"`);
    const keys = [...res.text.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1]);
    expect(keys).toHaveLength(6);
    expect(res.text).toContain('@article{jpost-2023,\n\tentrysubtype = {newspaper},');
    expect(res.text).toContain('journaltitle = {The Jerusalem Post}');
    expect(res.text).toContain('date = {2023-02-22}');
  });

  it('exports RIS and CSL-JSON in reference order', async () => {
    const ris = await get(`/articles/${DEMO}/references?format=ris`);
    expect(ris.status).toBe(200);
    expect(ris.headers['content-type']).toBe('application/x-research-info-systems; charset=utf-8');
    expect(ris.headers['content-disposition']).toContain(`${DEMO}-references.ris`);
    expect([...ris.text.matchAll(/^ID {2}- (.+)$/gm)].map((match) => match[1])).toEqual(DEMO_KEYS);
    expect(ris.text).toMatch(/^TY {2}- NEWS\nDA {2}- 2023\/02\/22\//m);

    const csl = await get(`/articles/${DEMO}/references?format=csl-json`);
    expect(csl.status).toBe(200);
    expect(csl.headers['content-type']).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    const items = JSON.parse(csl.text);
    expect(items.map((item: any) => item.id)).toEqual(DEMO_KEYS);
    expect(items[0]).toMatchObject({
      type: 'article-newspaper',
      title: 'Two killed, more than 50 trapped in China coal mine collapse',
      'container-title': 'The Jerusalem Post',
      issued: { 'date-parts': [[2023, 2, 22]] },
    });
  });

  it('exports one source, and "cite this article" as the article itself', async () => {
    const one = await get('/sources/bbc-2023/cite?format=ris');
    expect(one.status).toBe(200);
    expect(one.headers['content-disposition']).toBe('attachment; filename="bbc-2023.ris"');
    expect(one.text.match(/^TY {2}- /gm)).toHaveLength(1);
    expect(one.text).toContain('TI  - Scores missing after large mine collapse in China');

    app.strapi.config.set('plugin::cited-articles.publication', {
      name: 'The Daily Planet',
      articleUrl: 'https://planet.example/news/{slug}',
    });
    try {
      const cite = await get(`/articles/${DEMO}/cite?format=csl-json`);
      expect(cite.status).toBe(200);
      const [item] = JSON.parse(cite.text);
      expect(item).toMatchObject({
        id: DEMO,
        type: 'article-newspaper',
        'container-title': 'The Daily Planet',
        URL: `https://planet.example/news/${DEMO}`,
      });
      expect(item.issued['date-parts'][0]).toHaveLength(3);
      const bib = await get(`/articles/${DEMO}/cite?format=bibtex`);
      expect(bib.text).toMatch(new RegExp(`^@article\\{${DEMO},`));
    } finally {
      app.strapi.config.set('plugin::cited-articles.publication', { name: null, articleUrl: null });
    }
  });

  it('answers 400 for an unknown format and 404 for an unknown article or source', async () => {
    const bad = await get(`/articles/${DEMO}/references?format=endnote`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/format must be "bibtex", "ris" or "csl-json"/);
    expect((await get('/articles/nope/references?format=ris')).status).toBe(404);
    expect((await get('/articles/nope/cite')).status).toBe(404);
    expect((await get('/sources/nope/cite')).status).toBe(404);
  });
});

describe('?format=jsonld', () => {
  it('describes the article as a NewsArticle citing one CreativeWork per reference', async () => {
    const archived = await createSource(admin, {
      title: 'Archived story',
      containerTitle: 'Wire',
      url: 'https://wire.example/story',
      archiveUrl: 'https://web.archive.org/web/2024/https://wire.example/story',
      publishedDate: '2024-03-01',
      authors: [{ given: 'Ann', family: 'Author' }],
      doi: '10.1234/wire.1',
      type: 'news',
    });
    await createArticle(admin, { title: 'JSON-LD check', summary: 'Short.', body: `See [@${archived.key}].`, citations: [archived.documentId] });
    const res = await get('/articles/json-ld-check?format=jsonld');
    expect(res.status).toBe(200);
    const ld = res.body.data.jsonLd;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'JSON-LD check',
      description: 'Short.',
    });
    expect(ld.datePublished).toBe(res.body.data.publishedAt);
    expect(ld.citation).toEqual([
      {
        '@type': 'CreativeWork',
        additionalType: 'https://schema.org/NewsArticle',
        name: 'Archived story',
        author: [{ '@type': 'Person', name: 'Ann Author', givenName: 'Ann', familyName: 'Author' }],
        datePublished: '2024-03-01',
        isPartOf: { '@type': 'Newspaper', name: 'Wire' },
        url: 'https://wire.example/story',
        archivedAt: 'https://web.archive.org/web/2024/https://wire.example/story',
        identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1234/wire.1' },
      },
    ]);
    const demo = await get(`/articles/${DEMO}?format=jsonld`);
    expect(demo.body.data.jsonLd.citation.map((work: any) => work.name)).toEqual(
      demo.body.data.references.map((reference: any) => reference.source.title)
    );
    expect(demo.body.data.jsonLd.citation[0].archivedAt).toBeUndefined();
  });

  it('follows a change of the publication options at runtime (the memo keys on them)', async () => {
    const before = await get(`/articles/${DEMO}?format=jsonld`);
    expect(before.body.data.jsonLd.publisher).toBeUndefined();
    app.strapi.config.set('plugin::cited-articles.publication', {
      name: 'The Daily Planet',
      articleUrl: 'https://planet.example/news/{slug}',
    });
    try {
      const after = await get(`/articles/${DEMO}?format=jsonld`);
      expect(after.body.data.jsonLd).toMatchObject({
        publisher: { '@type': 'Organization', name: 'The Daily Planet' },
        url: `https://planet.example/news/${DEMO}`,
      });
    } finally {
      app.strapi.config.set('plugin::cited-articles.publication', { name: null, articleUrl: null });
    }
    const reset = await get(`/articles/${DEMO}?format=jsonld`);
    expect(reset.body.data.jsonLd.publisher).toBeUndefined();
  });
});

describe('round trips: export, then import into an empty library', () => {
  it.each(FORMATS)('%s gives back the same sources', async (format) => {
    const exported = await get(`/articles/${DEMO}/references?format=${format}`);
    const before = await app.strapi.documents(SOURCE_UID as any).findMany({ filters: { key: { $in: DEMO_KEYS } } });
    const strip = (row: any) => {
      const { id, documentId, createdAt, updatedAt, publishedAt, locale, ...fields } = row;
      return fields;
    };
    const snapshot = before.map(strip).sort((a: any, b: any) => a.key.localeCompare(b.key));

    // Import into the same database with the originals renamed away, as into an empty library.
    await app.strapi.db.transaction(async () => {
      for (const row of before as any[]) {
        await app.strapi.documents(SOURCE_UID as any).update({
          documentId: row.documentId,
          data: { key: `${row.key}-was`, url: row.url ? `${row.url}#was` : null, doi: null } as any,
        });
      }
    });
    try {
      const res = await importFile(exported.text, format);
      expect(res.status).toBe(200);
      expect(res.body.data.skipped).toEqual([]);
      expect(res.body.data.created.map((entry: any) => entry.key)).toEqual(DEMO_KEYS);
      const after = await app.strapi.documents(SOURCE_UID as any).findMany({ filters: { key: { $in: DEMO_KEYS } } });
      expect(after.map(strip).sort((a: any, b: any) => a.key.localeCompare(b.key))).toEqual(snapshot);
    } finally {
      await app.strapi.db.transaction(async () => {
        const created = await app.strapi.documents(SOURCE_UID as any).findMany({ filters: { key: { $in: DEMO_KEYS } } });
        for (const row of created as any[]) await app.strapi.documents(SOURCE_UID as any).delete({ documentId: row.documentId });
        for (const row of before as any[]) {
          await app.strapi
            .documents(SOURCE_UID as any)
            .update({ documentId: row.documentId, data: { key: row.key, url: row.url, doi: row.doi } as any });
        }
      });
    }
  });

  it('keeps names, container, volume, issue, pages, ISSN, DOI, accessed date and archive URL through every format', async () => {
    const full = await createSource(admin, {
      title: 'Full record',
      containerTitle: 'Journal of Tests',
      publisher: 'Test Society',
      volume: '7',
      issue: '2',
      pages: '101-120',
      issn: '2345-6789',
      url: 'https://journal.example/full',
      archiveUrl: 'https://archive.example/full',
      publishedDate: '2021-06-30',
      accessedDate: '2022-01-02',
      authors: [
        { given: 'Jane', family: 'Doe' },
        { given: 'John Q.', family: 'Public' },
      ],
      editors: [{ literal: 'Editorial Board of Tests' }],
      doi: '10.5555/full',
      type: 'journal',
      language: 'en',
    });
    for (const format of FORMATS) {
      const exported = await get(`/sources/${full.key}/cite?format=${format}`);
      const original = await app.strapi.documents(SOURCE_UID as any).findOne({ documentId: full.documentId });
      const { documentId, id, createdAt, updatedAt, publishedAt, locale, ...expected } = original as any;
      await app.strapi
        .documents(SOURCE_UID as any)
        .update({ documentId: full.documentId, data: { key: `${full.key}-old`, url: 'https://journal.example/old', doi: null } as any });
      const res = await importFile(exported.text);
      expect(res.status).toBe(200);
      const created = await app.strapi.documents(SOURCE_UID as any).findOne({ documentId: res.body.data.created[0].documentId });
      const { documentId: d, id: i, createdAt: c, updatedAt: u, publishedAt: p, locale: l, ...fields } = created as any;
      expect({ format, ...fields }).toEqual({ format, ...expected });
      await app.strapi.documents(SOURCE_UID as any).delete({ documentId: (created as any).documentId });
      await app.strapi
        .documents(SOURCE_UID as any)
        .update({ documentId: full.documentId, data: { key: full.key, url: full.url, doi: full.doi } as any });
    }
  });
});
