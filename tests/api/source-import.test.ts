import request from 'supertest';
import { errors } from '@strapi/utils';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, defaultRoleId, roleWith, type AdminSession } from '../helpers/admin';
import { createSource, SOURCE_UID } from '../helpers/content';

// POST /cited-articles/sources/import: what is created, skipped, refused; nothing half-imported.
const app = setupStrapi();
let admin: AdminSession;
beforeAll(async () => {
  admin = await createAdmin(app);
});

const importFile = (session: AdminSession, body: Record<string, unknown>) => session.post('/cited-articles/sources/import').send(body);
const countSources = () => app.strapi.documents(SOURCE_UID as any).count({});

const BIBTEX = `% exported from a reference manager
@string{jp = "The Jerusalem Post"}

@article{jpost-2023,
  entrysubtype = {newspaper},
  title = {Two killed, more than 50 trapped in China coal mine collapse},
  journaltitle = jp,
  date = {2023-02-22},
  url = {https://www.jpost.com/international/article-732296},
}

@online{existing-url,
  title = {Already in the library},
  url = {https://existing.example/page},
}

@book{doe2020,
  author = {Doe, Jane and Roe, Richard},
  title = {A Book},
  publisher = {Press},
  date = {2020-05-01},
  doi = {10.1000/BOOK},
}

@misc{dup-in-file,
  title = {Same URL as the first},
  url = {https://www.jpost.com/international/article-732296},
}
`;

describe('importing a BibTeX file', () => {
  it('creates new sources, skips ones whose URL or DOI exists, and reports each by line', async () => {
    await createSource(admin, { title: 'Existing page', url: 'https://existing.example/page', type: 'web' });
    await createSource(admin, { title: 'Existing book', doi: '10.1000/book', type: 'book' });
    const before = await countSources();
    const res = await importFile(admin, { content: BIBTEX });
    expect(res.status).toBe(200);
    expect(res.body.data.created).toEqual([
      { line: 4, key: 'jpost-2023', title: 'Two killed, more than 50 trapped in China coal mine collapse', documentId: expect.any(String) },
    ]);
    expect(res.body.data.skipped).toEqual([
      { line: 12, title: 'Already in the library', reason: expect.stringMatching(/a source with this URL exists/) },
      { line: 17, title: 'A Book', reason: expect.stringMatching(/a source with this DOI exists/) },
      { line: 25, title: 'Same URL as the first', reason: 'line 4 of this file has the same URL' },
    ]);
    expect(await countSources()).toBe(before + 1);
    const created: any = await app.strapi.documents(SOURCE_UID as any).findOne({ documentId: res.body.data.created[0].documentId });
    expect(created).toMatchObject({ type: 'news', containerTitle: 'The Jerusalem Post', publisher: null, publishedDate: '2023-02-22' });
  });

  it('gives a taken key a fresh one derived from the title', async () => {
    const res = await importFile(admin, {
      content: '@online{jpost-2023,\n  title = {Another story},\n  url = {https://other.example/x},\n}\n',
    });
    expect(res.status).toBe(200);
    expect(res.body.data.created[0]).toMatchObject({ line: 1, key: 'another-story' });
  });
});

describe('matching the library as the Sources page does', () => {
  it('skips entries whose URL or DOI only differs in form, so the Sources page finds no new duplicate', async () => {
    await createSource(admin, { title: 'Council budget', url: 'http://www.news.example/budget/?utm_source=feed', type: 'web' });
    await createSource(admin, { title: 'Road study', doi: '10.5555/ROADS.2024', type: 'journal' });
    const before = await countSources();
    const res = await importFile(admin, {
      content: [
        '@online{budget-copy,\n  title = {Budget again},\n  url = {https://news.example/budget},\n}',
        '@article{roads-copy,\n  title = {Roads again},\n  doi = {https://doi.org/10.5555/roads.2024},\n}',
        '@online{budget-copy-2,\n  title = {Budget, third copy},\n  url = {HTTPS://NEWS.EXAMPLE/budget/#top},\n}',
      ].join('\n\n'),
    });
    expect(res.status).toBe(200);
    expect(res.body.data.created).toEqual([]);
    expect(res.body.data.skipped).toEqual([
      { line: 1, title: 'Budget again', reason: expect.stringMatching(/a source with this URL exists/) },
      { line: 6, title: 'Roads again', reason: expect.stringMatching(/a source with this DOI exists/) },
      { line: 11, title: 'Budget, third copy', reason: expect.stringMatching(/a source with this URL exists/) },
    ]);
    expect(await countSources()).toBe(before);
    const page = await admin.get('/cited-articles/sources?filter=duplicates');
    expect(page.status).toBe(200);
    const titles = page.body.data.map((source: any) => source.title);
    expect(titles).not.toContain('Budget again');
    expect(titles).not.toContain('Roads again');
  });

  it('skips the second of two entries in one file that differ only in form', async () => {
    const res = await importFile(admin, {
      content: [
        '@online{first,\n  title = {First form},\n  url = {https://forms.example/a/?b=2&a=1},\n}',
        '@online{second,\n  title = {Second form},\n  url = {http://www.forms.example/a?a=1&b=2&utm_medium=x},\n}',
      ].join('\n\n'),
    });
    expect(res.status).toBe(200);
    expect(res.body.data.created.map((entry: any) => entry.title)).toEqual(['First form']);
    expect(res.body.data.skipped).toEqual([{ line: 6, title: 'Second form', reason: 'line 1 of this file has the same URL' }]);
  });
});

describe('malformed files', () => {
  it('reports every unreadable entry with its line, and writes nothing', async () => {
    const before = await countSources();
    const content = [
      '@online{good-one,',
      '  title = {Fine},',
      '  url = {https://fine.example/}',
      '}', // 1-4
      '@article{broken,',
      '  title = {Unclosed',
      '', // 5-7
      '@misc{no-title,',
      '  url = {https://no-title.example/},',
      '}', // 8-10
      '@misc{evil,',
      '  title = {Evil},',
      '  url = {javascript:alert(1)},',
      '}', // 11-14
    ].join('\n');
    const res = await importFile(admin, { content });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toMatch(/^3 of 4 entries cannot be read \(first, line 5: .*\)\. Nothing was imported\.$/);
    const errors = res.body.error.details.errors;
    expect(errors.map((error: any) => error.path)).toEqual([
      ['content', '5'],
      ['content', '8'],
      ['content', '11'],
    ]);
    expect(errors[0].message).toMatch(/^Line 5: cannot read this BibTeX entry: .* at line \d+, column \d+/);
    expect(errors[1].message).toBe('Line 8: the entry has no title');
    expect(errors[2].message).toBe('Line 11: url "javascript:alert(1)" is not an http(s) URL');
    expect(await countSources()).toBe(before);
  });

  it('reports bad RIS and CSL-JSON entries by line', async () => {
    const ris = 'TY  - ELEC\nTI  - Good\nUR  - https://ris.example/1\nER  - \n\nTY  - ELEC\nUR  - https://ris.example/2\nER  - \n';
    const risRes = await importFile(admin, { content: ris });
    expect(risRes.status).toBe(400);
    expect(risRes.body.error.details.errors).toEqual([
      { path: ['content', '6'], message: 'Line 6: the entry has no title', name: 'ValidationError' },
    ]);

    const json = '[\n  {"type": "book", "title": "Fine"},\n  {"type": "book"},\n  "nonsense"\n]';
    const jsonRes = await importFile(admin, { content: json });
    expect(jsonRes.status).toBe(400);
    expect(jsonRes.body.error.details.errors.map((error: any) => error.message)).toEqual([
      'Line 3: the entry has no title',
      'Line 4: a CSL-JSON entry must be an object',
    ]);

    const broken = await importFile(admin, { content: '[\n  {"type": "book",\n   "title": }\n]' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/^The file cannot be read: the file is not valid JSON/);
    // The line where the element that does not parse starts.
    expect(broken.body.error.details.errors[0].path).toEqual(['content', '2']);
  });

  it('refuses a file in no known format, a wrong format, an empty or oversized body', async () => {
    const unknown = await importFile(admin, { content: 'just some words' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/not BibTeX, RIS or CSL-JSON/);
    const wrong = await importFile(admin, { content: '@misc{a, title = {A}}', format: 'ris' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/no ris entries/);
    const badFormat = await importFile(admin, { content: 'x', format: 'endnote' });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.error.details.errors[0].path).toEqual(['format']);
    const empty = await importFile(admin, { content: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.errors[0].path).toEqual(['content']);
    const tooLong = await importFile(admin, { content: 'x'.repeat(1_000_001) });
    expect([400, 413]).toContain(tooLong.status);
  });

  /** A database lifecycle that refuses to write the source with this title (an import writes its rows with createMany). */
  const refuseCreating = (title: string, message: string) =>
    app.strapi.db.lifecycles.subscribe({
      models: [SOURCE_UID],
      beforeCreateMany(event: any) {
        if (event.params.data.some((row: any) => row.title === title)) throw new errors.ValidationError(message);
      },
    });

  /** Imports these entries, expecting the refusal's 400 and no source more than before. */
  const expectNothingImported = async (entries: Array<Record<string, unknown>>, message: string, urlPrefix: string) => {
    const before = await countSources();
    const res = await importFile(admin, { content: JSON.stringify(entries) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
    expect(await countSources()).toBe(before);
    const leftover = await app.strapi.documents(SOURCE_UID as any).findMany({ filters: { url: { $startsWith: urlPrefix } } });
    expect(leftover).toEqual([]);
  };

  it('writes nothing when the database refuses an entry midway', async () => {
    // The second entry is refused after the first was created: its transaction undoes the first.
    refuseCreating('Refused second', 'refused by the test');
    await expectNothingImported(
      [
        { type: 'book', title: 'First, created then rolled back', URL: 'https://rollback.example/1' },
        { type: 'book', title: 'Refused second', URL: 'https://rollback.example/2' },
      ],
      'refused by the test',
      'https://rollback.example/'
    );
  });

  it('writes nothing when an entry is refused after hundreds were written (undoes committed transactions)', async () => {
    // An import writes in short transactions, so that readers are answered between them: a refusal
    // near the end must also remove what the earlier, committed transactions created.
    refuseCreating('Refused last', 'refused at the end by the test');
    const entries = Array.from({ length: 600 }, (_, i) => ({ type: 'book', title: `Batch ${i}`, URL: `https://batches.example/${i}` }));
    entries.push({ type: 'book', title: 'Refused last', URL: 'https://batches.example/last' });
    await expectNothingImported(entries, 'refused at the end by the test', 'https://batches.example/');
  }, 120_000);
});

describe('an import failing after a committed transaction', () => {
  it('deletes what the earlier transactions created when its second transaction is refused', async () => {
    // Counts the import's transactions (the outermost ones) and refuses the first write of the second.
    const db = app.strapi.db as any;
    const transaction = db.transaction;
    let transactions = 0;
    db.transaction = function (this: unknown, ...args: unknown[]) {
      if (args[0] && !db.inTransaction()) transactions += 1;
      return transaction.apply(this, args);
    };
    const writes: number[] = [];
    app.strapi.db.lifecycles.subscribe({
      models: [SOURCE_UID],
      beforeCreateMany(event: any) {
        if (!event.params.data.some((row: any) => String(row.url).startsWith('https://second-batch.example/'))) return;
        writes.push(transactions);
        if (writes.filter((n) => n === writes[0]).length < writes.length) throw new errors.ValidationError('refused in the second transaction');
      },
    });
    try {
      const before = await countSources();
      const entries = Array.from({ length: 3000 }, (_, i) => ({
        type: 'book',
        title: `Second batch ${i}`,
        URL: `https://second-batch.example/${i}`,
      }));
      const res = await importFile(admin, { content: JSON.stringify(entries) });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('refused in the second transaction');
      // Rows were written (and committed) by the first transaction before the second was refused.
      expect(new Set(writes).size).toBe(2);
      expect(await countSources()).toBe(before);
      expect(await app.strapi.db.query(SOURCE_UID).count({ where: { url: { $startsWith: 'https://second-batch.example/' } } })).toBe(0);
    } finally {
      db.transaction = transaction;
    }
  }, 120_000);
});

describe('an imported source', () => {
  const CM = `/content-manager/collection-types/${SOURCE_UID}`;
  const api = (path: string) => request(app.server).get(`/api/cited-articles${path}`);
  // What differs between any two sources, whichever way they were saved.
  const OWN = ['id', 'documentId', 'key', 'createdAt', 'updatedAt', 'publishedAt'];
  const without = (row: Record<string, unknown>, fields: string[]) =>
    Object.fromEntries(Object.entries(row).filter(([field]) => !fields.includes(field)));

  it('reads the same, in the admin and the content API, as one saved in the Content Manager', async () => {
    const entry = {
      id: 'shape-imported',
      type: 'article-journal',
      title: 'A source to compare',
      'container-title': 'Mining Review',
      publisher: 'Review Press',
      author: [{ family: 'Writer', given: 'Ann' }, { literal: 'Mine Safety Board' }],
      editor: [{ family: 'Other', given: 'Bob' }],
      issued: { 'date-parts': [[2024, 3]] },
      accessed: { 'date-parts': [[2024, 4, 2]] },
      URL: 'https://shape.example/report',
      DOI: '10.5555/Shape.1',
      volume: '12',
      issue: '3',
      page: '10-12',
      language: 'en',
    };
    const res = await importFile(admin, { content: JSON.stringify([entry]) });
    expect(res.status).toBe(200);
    const [created] = res.body.data.created;
    expect(created).toEqual({ line: expect.any(Number), key: 'shape-imported', title: 'A source to compare', documentId: expect.any(String) });

    // The editor saves the same fields in the Content Manager (the duplicate URL and DOI are allowed there).
    const importedAdmin = (await admin.get(`${CM}/${created.documentId}`)).body.data;
    const fields = without(importedAdmin, [...OWN, 'createdBy', 'updatedBy', 'citedBy', 'localizations', 'locale', 'linkStatus', 'retracted']);
    // Imported alone, it shares its URL and DOI with no other source.
    expect(importedAdmin.sharedFingerprint).toBe(false);
    const saved = (await admin.post(CM).send({ ...fields, key: 'shape-saved' })).body.data;
    const savedAdmin = (await admin.get(`${CM}/${saved.documentId}`)).body.data;
    // The saved one shares both with it: each is flagged as a likely duplicate of the other.
    expect(savedAdmin.sharedFingerprint).toBe(true);
    importedAdmin.sharedFingerprint = (await admin.get(`${CM}/${created.documentId}`)).body.data.sharedFingerprint;

    // The admin's read: the same fields and values, documentIds of one form, timestamps set.
    expect(without(importedAdmin, [...OWN, 'createdBy', 'updatedBy'])).toEqual(without(savedAdmin, [...OWN, 'createdBy', 'updatedBy']));
    for (const row of [importedAdmin, savedAdmin]) {
      expect(row.documentId).toMatch(/^[a-z0-9]{24}$/);
      for (const field of ['createdAt', 'updatedAt', 'publishedAt']) expect(new Date(row[field]).toISOString()).toBe(row[field]);
    }
    expect(importedAdmin.authors).toEqual([{ family: 'Writer', given: 'Ann' }, { literal: 'Mine Safety Board' }]);
    expect(importedAdmin.publishedDate).toBe('2024-03');
    // An import names no author, as when it created sources through the Document Service.
    expect(importedAdmin.createdBy ?? null).toBeNull();
    expect(savedAdmin.createdBy).toEqual(expect.objectContaining({ id: expect.any(Number) }));

    // The content API's read.
    const importedPublic = (await api('/sources/shape-imported')).body;
    const savedPublic = (await api('/sources/shape-saved')).body;
    expect(importedPublic.data.title).toBe('A source to compare');
    expect(without(importedPublic.data, ['documentId', 'key'])).toEqual(without(savedPublic.data, ['documentId', 'key']));
    expect(Object.keys(importedPublic.data)).toEqual(Object.keys(savedPublic.data));

    // The stored rows: defaults, locale, fingerprints (private) and every other column alike.
    const rows = await app.strapi.db
      .query(SOURCE_UID)
      .findMany({ where: { documentId: { $in: [created.documentId, saved.documentId] } }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(2);
    expect(without(rows[0], OWN)).toEqual(without(rows[1], OWN));
    expect(rows[0].urlFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].doiFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('an imported source whose key is derived from a long title', () => {
  it('is handled as a Document Service create of the same title handles it', async () => {
    // A title of 200 characters makes a key longer than the 120 a key may have.
    const title = (n: number) => `${'Long title word '.repeat(12)}${n}`.padEnd(200, 'x');
    let direct: { ok: true } | { ok: false; message: string };
    try {
      await app.strapi.documents(SOURCE_UID as any).create({ data: { title: title(1), type: 'book' } as any });
      direct = { ok: true };
    } catch (error) {
      direct = { ok: false, message: (error as Error).message };
    }
    const before = await countSources();
    const res = await importFile(admin, { content: JSON.stringify([{ type: 'book', title: title(2) }]) });
    if (direct.ok) {
      expect(res.status).toBe(200);
      expect(res.body.data.created).toHaveLength(1);
      expect(await countSources()).toBe(before + 1);
    } else {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(direct.message);
      expect(await countSources()).toBe(before);
    }
  });
});

describe('events', () => {
  it('sends cited-articles.sources.imported once per import, and no entry.create per source', async () => {
    const seen: Array<[string, any]> = [];
    const onImported = async (payload: any) => {
      seen.push(['imported', payload]);
    };
    const onEntryCreate = async (payload: any) => {
      if (payload.uid === SOURCE_UID) seen.push(['entry.create', payload]);
    };
    app.strapi.eventHub.on('cited-articles.sources.imported', onImported);
    app.strapi.eventHub.on('entry.create', onEntryCreate);
    try {
      const entries = [
        { id: 'event-one', type: 'book', title: 'Event one', URL: 'https://events.example/1' },
        { id: 'event-two', type: 'book', title: 'Event two', URL: 'https://events.example/2' },
        { id: 'event-again', type: 'book', title: 'Event again', URL: 'https://events.example/1' },
      ];
      const res = await importFile(admin, { content: JSON.stringify(entries) });
      expect(res.status).toBe(200);
      // Strapi sends entry events after the commit without waiting: give them time to show.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen).toEqual([
        [
          'imported',
          {
            format: 'csl-json',
            created: res.body.data.created.map(({ documentId, key, title }: any) => ({ documentId, key, title })),
            skipped: 1,
          },
        ],
      ]);
      expect((app.strapi.get('webhookStore') as any).listAllowedEvents()).toContain('CITED_ARTICLES_SOURCES_IMPORTED');
    } finally {
      app.strapi.eventHub.off('cited-articles.sources.imported', onImported);
      app.strapi.eventHub.off('entry.create', onEntryCreate);
    }
  });
});

describe('the response cache', () => {
  it("purges each imported source's keys, not every answer", async () => {
    const caching = (app.strapi as any).plugin('cited-articles').service('caching');
    const purged: string[][] = [];
    const stop = caching.onPurge((keys: string[]) => purged.push(keys));
    try {
      const entries = [
        { id: 'purge-one', type: 'book', title: 'Purge one', URL: 'https://purges.example/1' },
        { id: 'purge-two', type: 'book', title: 'Purge two', URL: 'https://purges.example/2' },
      ];
      const res = await importFile(admin, { content: JSON.stringify(entries) });
      expect(res.status).toBe(200);
      await caching.settled();
      const keys = purged.flat();
      for (const { documentId, key } of res.body.data.created) {
        expect(keys).toEqual(expect.arrayContaining([`cited-source-${documentId}`, `cited-key-${key}`]));
      }
      expect(keys).not.toContain('cited-articles');
    } finally {
      stop();
    }
  });
});

describe('access', () => {
  it('needs an admin with the import action', async () => {
    const anonymous = await request(app.server).post('/cited-articles/sources/import').send({ content: '[]' });
    expect(anonymous.status).toBe(401);
    const strapi: any = app.strapi;
    const limited = await createAdmin(app, { roles: [await roleWith(app, `No import ${Date.now()}`, [])] });
    const res = await importFile(limited, { content: '[{"type":"book","title":"X"}]' });
    expect(res.status).toBe(403);
    const permissions = await strapi.db.query('admin::permission').findMany({ where: { role: await defaultRoleId(app, 'strapi-editor') } });
    expect(permissions.map((permission: any) => permission.action)).toContain('plugin::cited-articles.sources.import');
  });
});
