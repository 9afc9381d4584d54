import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, defaultRoleId, type AdminSession } from '../helpers/admin';
import { ARTICLE_UID, createArticle, createSource, SOURCE_UID } from '../helpers/content';
import {
  DOI,
  LEGACY_RETRACTED_DOI,
  RETRACTED_DOI,
  RETRACTION_NOTICE_DOI,
  fixtureEnv,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/source-fixtures';

// POST /cited-articles/sources/check-links against the local fixture server (pages, Wayback
// availability API, Crossref works API), and what the check's findings change: the Sources page's
// filter, the public article's archiveUrl and meta.issues, and the publish guard.
let fixtures: FixtureServer;
const env: Record<string, string> = {};
beforeAll(async () => {
  fixtures = await startFixtureServer();
  Object.assign(env, fixtureEnv(fixtures));
});
afterAll(() => fixtures?.close());

const app = setupStrapi({ env });
let admin: AdminSession;
const page = (path: string) => `${fixtures.url}/pages/${path}`;
const sources: Record<string, any> = {};
const row = (documentId: string) => app.strapi.db.query(SOURCE_UID as any).findOne({ where: { documentId } });
const checkLinks = (body?: unknown) => admin.post('/cited-articles/sources/check-links').send(body as any);

beforeAll(async () => {
  admin = await createAdmin(app);
  const make = async (name: string, data: Record<string, unknown>) => {
    sources[name] = await createSource(admin, { key: name, title: `Source ${name}`, ...data });
  };
  await make('fine', { url: page('title-only') });
  await make('moved', { url: page('moved') });
  await make('gone', { url: page('gone') });
  await make('failing', { url: page('server-error'), archiveUrl: 'https://web.archive.org/web/2020/x' });
  await make('no-head', { url: page('no-head') });
  await make('retracted', { doi: RETRACTED_DOI, type: 'journal' });
  await make('legacy-retracted', { doi: LEGACY_RETRACTED_DOI, type: 'journal' });
  await make('sound', { doi: DOI, type: 'journal' });
  await make('offline', { title: 'No URL, no DOI' });
});

describe('checking every source', () => {
  let report: any;
  let started: number;
  beforeAll(async () => {
    started = fixtures.requests.length;
    const res = await checkLinks();
    expect(res.status).toBe(200);
    report = res.body.data;
  });

  it('reports what it found', () => {
    expect(report).toEqual({ checked: 5, ok: 2, redirected: 1, broken: 2, archived: 1, retracted: 2 });
  });

  it('records link status, HTTP status, redirect target and check time', async () => {
    expect(await row(sources.fine.documentId)).toMatchObject({
      linkStatus: 'ok',
      linkHttpStatus: 200,
      linkRedirectUrl: null,
      linkCheckedAt: expect.anything(),
    });
    expect(await row(sources.moved.documentId)).toMatchObject({ linkStatus: 'redirected', linkHttpStatus: 200, linkRedirectUrl: page('opengraph') });
    expect(await row(sources.gone.documentId)).toMatchObject({ linkStatus: 'broken', linkHttpStatus: 404 });
    expect(await row(sources.failing.documentId)).toMatchObject({ linkStatus: 'broken', linkHttpStatus: 500 });
    // HEAD answered 405: asked again with GET.
    expect(await row(sources['no-head'].documentId)).toMatchObject({ linkStatus: 'ok', linkHttpStatus: 200 });
    expect(fixtures.to('/pages/no-head').map((request) => request.method)).toEqual(['HEAD', 'GET']);
    expect(await row(sources.offline.documentId)).toMatchObject({ linkStatus: 'unchecked', linkCheckedAt: null });
  });

  it('fills archiveUrl of a broken link from the Wayback Machine, and keeps an existing one', async () => {
    expect((await row(sources.gone.documentId)).archiveUrl).toBe(`https://web.archive.org/web/20230101000000/${page('gone')}`);
    expect((await row(sources.failing.documentId)).archiveUrl).toBe('https://web.archive.org/web/2020/x');
    const asked = fixtures.to('/wayback/available').map((request) => new URL(request.path, fixtures.url).searchParams.get('url'));
    expect(asked).toEqual([page('gone')]);
  });

  it('records retractions from Crossref (updated-by, and a notice whose update-to names the DOI)', async () => {
    expect(await row(sources.retracted.documentId)).toMatchObject({
      retracted: true,
      retractionDoi: RETRACTION_NOTICE_DOI,
      retractionDate: '2021-06-02',
    });
    expect(await row(sources['legacy-retracted'].documentId)).toMatchObject({
      retracted: true,
      retractionDoi: '10.5555/cited.2020.notice',
      retractionDate: '2020-09-30',
    });
    expect(await row(sources.sound.documentId)).toMatchObject({ retracted: false, retractionDoi: null });
  });

  it('is polite: one request at a time per host, HEAD first, a User-Agent naming the plugin', () => {
    const pages = fixtures.requests.slice(started).filter((request) => request.path.startsWith('/pages/'));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    const sorted = [...pages].sort((a, b) => a.started - b.started);
    for (let i = 1; i < sorted.length; i += 1) expect(sorted[i].started).toBeGreaterThanOrEqual(sorted[i - 1].ended);
    expect(pages.filter((request) => request.path === '/pages/title-only').map((request) => request.method)).toEqual(['HEAD']);
    for (const request of fixtures.requests.slice(started))
      expect(request.userAgent).toMatch(/^CitedArticles\/\S+ \(Strapi plugin strapi-plugin-cited-articles/);
  });

  it('does not move updatedAt: a check is not an edit', async () => {
    const after = await row(sources.gone.documentId);
    expect(new Date(after.updatedAt).toISOString()).toBe(new Date(sources.gone.updatedAt).toISOString());
  });
});

describe('what the findings change', () => {
  it('the Sources page filters broken links and shows the link status', async () => {
    const res = await admin.get('/cited-articles/sources?filter=broken');
    expect(res.status).toBe(200);
    expect(res.body.data.map((source: any) => source.key).sort()).toEqual(['failing', 'gone']);
    expect(res.body.data[0]).toMatchObject({ linkStatus: 'broken', linkHttpStatus: expect.any(Number) });
  });

  it('the public article shows archiveUrl, warns of broken links and retractions, and leaks no health field', async () => {
    const article = await createArticle(admin, {
      title: 'Mine safety',
      body: 'Collapse [@gone]. Data [@retracted]. Fine [@fine].',
      citations: [sources.gone.documentId, sources.retracted.documentId, sources.fine.documentId],
    });
    const res = await request(app.server).get(`/api/cited-articles/articles/${article.slug}`);
    expect(res.status).toBe(200);
    const gone = res.body.data.references.find((reference: any) => reference.source.key === 'gone').source;
    expect(gone.archiveUrl).toBe(`https://web.archive.org/web/20230101000000/${page('gone')}`);
    expect(Object.keys(gone).sort()).toEqual(
      [
        'accessedDate',
        'archiveUrl',
        'authors',
        'containerTitle',
        'documentId',
        'doi',
        'edition',
        'editors',
        'genre',
        'isbn',
        'issn',
        'issue',
        'key',
        'language',
        'number',
        'pages',
        'publishedDate',
        'publisher',
        'publisherPlace',
        'title',
        'translators',
        'type',
        'url',
        'volume',
      ].sort()
    );
    expect(JSON.stringify(res.body)).not.toMatch(
      /"(?:linkStatus|linkCheckedAt|linkHttpStatus|linkRedirectUrl|retracted|retractionDoi|retractionDate)":/
    );
    // In reference order: [@gone] is reference 1, [@retracted] reference 2; [@fine] is healthy.
    expect(res.body.meta.issues).toEqual([
      expect.objectContaining({
        code: 'broken-link',
        severity: 'warning',
        sourceKey: 'gone',
        message: expect.stringMatching(/is broken .*an archived copy is on record/),
      }),
      expect.objectContaining({
        code: 'retracted-source',
        severity: 'warning',
        sourceKey: 'retracted',
        message: expect.stringMatching(/has been retracted/),
      }),
    ]);
  });

  it('the editor preview (References panel) shows the same warnings', async () => {
    const res = await admin.post('/cited-articles/preview').send({ body: 'See [@retracted].', citations: [sources.retracted.documentId] });
    expect(res.status).toBe(200);
    expect(res.body.meta.issues.map((issue: any) => issue.code)).toEqual(['retracted-source']);
  });

  it('a retracted source blocks publishing when blockPublishOnCitationErrors is on; a broken link does not', async () => {
    const OPTION = 'plugin::cited-articles.blockPublishOnCitationErrors';
    app.strapi.config.set(OPTION, true);
    try {
      const publish = (documentId: string) => admin.post(`/content-manager/collection-types/${ARTICLE_UID}/${documentId}/actions/publish`).send({});
      const blocked = await createArticle(admin, {
        title: 'Cites a retracted work',
        body: 'See [@retracted].',
        citations: [sources.retracted.documentId],
        publish: false,
      });
      const res = await publish(blocked.documentId);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors).toEqual([expect.objectContaining({ code: 'retracted-source' })]);
      const allowed = await createArticle(admin, {
        title: 'Cites a broken link',
        body: 'See [@gone].',
        citations: [sources.gone.documentId],
        publish: false,
      });
      expect((await publish(allowed.documentId)).status).toBe(200);
    } finally {
      app.strapi.config.set(OPTION, false);
    }
  });
});

describe('findings about what was read', () => {
  it('never replace an archive or a URL an editor changed while the check ran', async () => {
    const source = await createSource(admin, { key: 'edited-meanwhile', title: 'Edited meanwhile', url: page('gone') });
    // The row as the check read it, before the editor's changes below.
    const stale = await app.strapi.db
      .query(SOURCE_UID as any)
      .findOne({ where: { documentId: source.documentId }, select: ['id', 'documentId', 'url', 'archiveUrl', 'doi'] });
    await app.strapi.db.query(SOURCE_UID as any).updateMany({
      where: { documentId: source.documentId },
      data: { archiveUrl: 'https://archive.example/editor-chose-this' },
    });
    const report = { checked: 0, ok: 0, redirected: 0, broken: 0, archived: 0, retracted: 0 };
    await (app.strapi.plugin('cited-articles').service('sources') as any).checkLinkPage([stale], report);
    expect(report).toMatchObject({ checked: 1, broken: 1 });
    const after = await row(source.documentId);
    expect(after.archiveUrl).toBe('https://archive.example/editor-chose-this');
    expect(after.linkStatus).toBe('broken');

    // The URL changed after the read: the old URL's verdict is not written onto the new one.
    await app.strapi.db
      .query(SOURCE_UID as any)
      .updateMany({ where: { documentId: source.documentId }, data: { url: page('title-only'), linkStatus: 'unchecked' } });
    await (app.strapi.plugin('cited-articles').service('sources') as any).checkLinkPage([stale], report);
    expect((await row(source.documentId)).linkStatus).toBe('unchecked');
  });
});

describe('the route', () => {
  it('checks only the sources named', async () => {
    const before = fixtures.requests.length;
    const res = await checkLinks({ documentIds: [sources.fine.documentId] });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ checked: 1, ok: 1 });
    expect(fixtures.requests.slice(before).map((request) => request.path)).toEqual(['/pages/title-only']);
  });

  it.each([
    [{ documentIds: [] }, /documentIds is empty/],
    [{ documentIds: 'abc' }, /documentIds must be a list/],
    [{ other: 1 }, /Unrecognized key/],
  ])('refuses %j with 400', async (body, message) => {
    const res = await checkLinks(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('needs the plugin action: an Author gets 403, an Editor may', async () => {
    const checkAs = async (code: 'strapi-author' | 'strapi-editor') =>
      (
        await (
          await createAdmin(app, { roles: [await defaultRoleId(app, code)] })
        )
          .post('/cited-articles/sources/check-links')
          .send({ documentIds: [sources.offline.documentId] })
      ).status;
    expect(await checkAs('strapi-author')).toBe(403);
    expect(await checkAs('strapi-editor')).toBe(200);
  });
});

describe('one run at a time', () => {
  const lock = () => app.strapi.plugin('cited-articles').service('platform') as any;

  it('answers 409 while another instance holds the lock (database lock)', async () => {
    const release = await lock().acquireLock('link-check', 60_000);
    expect(release).toEqual(expect.any(Function));
    try {
      const res = await checkLinks({ documentIds: [sources.offline.documentId] });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ name: 'ConflictError', message: expect.stringMatching(/running already/) });
    } finally {
      await release();
    }
    expect((await checkLinks({ documentIds: [sources.offline.documentId] })).status).toBe(200);
  });

  it('database lock: taken once among simultaneous attempts; an expired lock can be taken over', async () => {
    const attempts = await Promise.all([1, 2, 3, 4].map(() => lock().acquireLock('test-task', 60_000)));
    expect(attempts.filter(Boolean)).toHaveLength(1);
    await attempts.find(Boolean)();
    const short = await lock().acquireLock('test-expiry', 1);
    expect(short).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const next = await lock().acquireLock('test-expiry', 60_000);
    expect(next).toBeTruthy();
    // The first holder's late release must not free the second holder's lock.
    await short();
    expect(await lock().acquireLock('test-expiry', 60_000)).toBeNull();
    await next();
  });

  it('Redis lock when the plugin has Redis: taken once, released by its holder only', async () => {
    const KEY = 'plugin::cited-articles.comments';
    const previous = app.strapi.config.get(KEY);
    app.strapi.config.set(KEY, { ...(previous as object), redisUrl: 'redis://127.0.0.1:6379', redisKeyPrefix: `test-${Date.now()}` });
    try {
      const attempts = await Promise.all([1, 2, 3].map(() => lock().acquireLock('link-check', 60_000)));
      expect(attempts.filter(Boolean)).toHaveLength(1);
      // The database lock is untouched: Redis holds this one.
      expect(await app.strapi.db.query('plugin::cited-articles.task-lock' as any).count({ where: { name: 'link-check' } })).toBe(0);
      await attempts.find(Boolean)();
      const again = await lock().acquireLock('link-check', 60_000);
      expect(again).toBeTruthy();
      await again();
    } finally {
      app.strapi.config.set(KEY, previous);
    }
  });

  it('runs a scheduled check once per firing across instances: a second run of the same minute is skipped, the next minute’s runs', async () => {
    const service = app.strapi.plugin('cited-articles').service('sources') as any;
    const checks = () => fixtures.to('/pages/title-only').length;
    const slot = '2026-01-01T03:00:00.000Z';
    const before = checks();
    // Two instances' crons firing together (the loser finds the lock held or the slot done)…
    await Promise.all([service.runScheduledLinkCheck(slot), service.runScheduledLinkCheck(slot)]);
    // One run asks the page once per source that links it (earlier tests add some).
    const oneRun = checks() - before;
    expect(oneRun).toBeGreaterThan(0);
    // …and one firing a little later, after the first run finished: the slot is done.
    await service.runScheduledLinkCheck(slot);
    expect(checks() - before).toBe(oneRun);
    // The next firing runs again, once: had both instances run the first firing, this would be 1.5x.
    await service.runScheduledLinkCheck('2026-01-02T03:00:00.000Z');
    expect(checks() - before).toBe(2 * oneRun);
  });

  it('schedules nothing in tests (linkCheck.cron off)', () => {
    expect(app.strapi.config.get('plugin::cited-articles.linkCheck')).toMatchObject({ cron: null });
  });
});
