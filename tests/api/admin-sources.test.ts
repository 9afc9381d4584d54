import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, defaultRoleId, roleWith, type AdminSession } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';
import { countQueries } from '../helpers/queries';

// GET /cited-articles/sources: the admin Sources page's data (library, citing articles, duplicates).
const app = setupStrapi();
let admin: AdminSession;
let outsider: AdminSession;
let editor: AdminSession;
const ids: Record<string, string> = {};

beforeAll(async () => {
  admin = await createAdmin(app);
  outsider = await createAdmin(app, { roles: [await roleWith(app, 'Nothing', [])] });
  editor = await createAdmin(app, { roles: [await defaultRoleId(app, 'strapi-editor')] });

  const make = async (key: string, data: Record<string, unknown>) => {
    ids[key] = (await createSource(admin, { key, ...data })).documentId;
  };
  await make('alpha-report', { title: 'Alpha report', containerTitle: 'The Daily', url: 'https://www.example.org/alpha/' });
  await make('alpha-copy', { title: 'Alpha copy', url: 'http://example.org/alpha?utm_source=x' });
  await make('beta-paper', { title: 'Beta paper', doi: '10.1000/XYZ' });
  await make('beta-paper-again', { title: 'Beta paper again', doi: 'https://doi.org/10.1000/xyz' });
  await make('gamma-lonely', { title: 'Gamma lonely', url: 'https://gamma.example.com/' });

  await createArticle(admin, { title: 'First story', slug: 'first-story', body: 'See [@alpha-report] and [@beta-paper].' });
  await createArticle(admin, {
    title: 'Second story',
    slug: 'second-story',
    body: 'Again [@alpha-report].',
    publish: false,
  });
});

const list = (session: AdminSession, query = '') => session.get(`/cited-articles/sources${query}`);

describe('GET /cited-articles/sources', () => {
  it('answers 401 without an admin token and 403 without the sources.read action', async () => {
    expect((await request(app.server).get('/cited-articles/sources')).status).toBe(401);
    expect((await list(outsider)).status).toBe(403);
  });

  it('is open to the default Editor role, which receives sources.read', async () => {
    const res = await list(editor);
    expect(res.status).toBe(200);
  });

  it('lists sources by title with the distinct articles citing each, drafts included', async () => {
    const res = await list(admin);
    expect(res.status).toBe(200);
    expect(res.body.data.map((source: any) => source.key)).toEqual(['alpha-copy', 'alpha-report', 'beta-paper', 'beta-paper-again', 'gamma-lonely']);
    const alpha = res.body.data.find((source: any) => source.key === 'alpha-report');
    expect(alpha.citedByCount).toBe(2);
    expect(alpha.citedBy.map((article: any) => article.slug).sort()).toEqual(['first-story', 'second-story']);
    expect(Object.keys(alpha.citedBy[0]).sort()).toEqual(['documentId', 'slug', 'title']);
    expect(res.body.data.find((source: any) => source.key === 'beta-paper').citedByCount).toBe(1);
    expect(res.body.data.find((source: any) => source.key === 'gamma-lonely').citedByCount).toBe(0);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 5 });
    expect(res.body.meta.uncitedCount).toBe(3);
    expect(res.body.meta.capped).toEqual({ total: false, uncited: false });
  });

  it('groups likely duplicates by normalised URL and by DOI', async () => {
    const res = await list(admin);
    const groups = res.body.meta.duplicates.map((group: any) => ({
      reason: group.reason,
      value: group.value,
      keys: group.sources.map((source: any) => source.key).sort(),
    }));
    expect(groups).toEqual([
      { reason: 'url', value: 'https://example.org/alpha', keys: ['alpha-copy', 'alpha-report'] },
      { reason: 'doi', value: '10.1000/xyz', keys: ['beta-paper', 'beta-paper-again'] },
    ]);
  });

  it('filters by search text, by uncited and by duplicates', async () => {
    const keys = async (query: string) => (await list(admin, query)).body.data.map((source: any) => source.key);
    // The newspaper (containerTitle) is searched as the publisher is.
    expect(await keys('?search=daily')).toEqual(['alpha-report']);
    expect(await keys('?search=BETA')).toEqual(['beta-paper', 'beta-paper-again']);
    expect(await keys('?filter=uncited')).toEqual(['alpha-copy', 'beta-paper-again', 'gamma-lonely']);
    expect(await keys('?filter=duplicates')).toEqual(['alpha-copy', 'alpha-report', 'beta-paper', 'beta-paper-again']);
    expect(await keys('?filter=uncited&search=gamma')).toEqual(['gamma-lonely']);
  });

  it('paginates', async () => {
    const res = await list(admin, '?page=2&pageSize=2');
    expect(res.body.data.map((source: any) => source.key)).toEqual(['beta-paper', 'beta-paper-again']);
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 3, total: 5 });
  });

  it('lists the ten newest of many citing articles, counts them all, and reads them in statements that do not grow', async () => {
    const page = () => countQueries(app.strapi, () => list(admin, '?search=gamma'));
    await page(); // the first request of a route loads permissions
    const uncited = await page();
    expect(uncited.result.body.data[0].citedByCount).toBe(0);

    for (let i = 1; i <= 12; i++) {
      await createArticle(admin, { title: `Gamma story ${i}`, slug: `gamma-story-${i}`, body: `On gamma [@gamma-lonely].` });
    }
    const cited = await page();
    const gamma = cited.result.body.data[0];
    expect(gamma.citedByCount).toBe(12);
    expect(gamma.citedBy.map((article: any) => article.slug)).toEqual(Array.from({ length: 10 }, (_, i) => `gamma-story-${12 - i}`));
    expect(cited.count).toBe(uncited.count);
    expect((await list(admin, '?search=alpha-report')).body.data[0].citedByCount).toBe(2);
  });

  it('answers 400 naming the bad parameter', async () => {
    for (const [query, path] of [
      ['?filter=odd', 'filter'],
      ['?pageSize=500', 'pageSize'],
      [`?search=${'x'.repeat(201)}`, 'search'],
    ]) {
      const res = await list(admin, query);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.details.errors[0].path).toEqual([path]);
    }
  });
});

describe('the duplicate report, found through stored URL and DOI fingerprints', () => {
  const CM = `/content-manager/collection-types/plugin::cited-articles.source`;
  const groupsOf = async () =>
    (await list(admin)).body.meta.duplicates.map((group: any) => `${group.reason} ${group.sources.map((source: any) => source.key).join(',')}`);

  it('follows edits made in the Content Manager', async () => {
    await createSource(admin, { key: 'delta-one', title: 'Delta one', url: 'https://delta.example/x' });
    const two = await createSource(admin, { key: 'delta-two', title: 'Delta two', url: 'https://delta.example/y' });
    expect(await groupsOf()).not.toContainEqual(expect.stringContaining('delta'));

    const edit = (data: Record<string, unknown>) => admin.put(`${CM}/${two.documentId}`).send(data);
    expect((await edit({ url: 'http://www.delta.example/x/?utm_source=mail' })).status).toBe(200);
    expect(await groupsOf()).toContainEqual('url delta-one,delta-two');
    expect((await edit({ url: '', doi: 'https://doi.org/10.1000/XYZ' })).status).toBe(200);
    expect(await groupsOf()).not.toContainEqual(expect.stringContaining('delta-one'));
    expect(await groupsOf()).toContainEqual('doi beta-paper,beta-paper-again,delta-two');
  });

  it('follows clones and deletes: a source left alone with its URL leaves the report', async () => {
    const one = await createSource(admin, { key: 'epsilon-one', title: 'Epsilon one', url: 'https://epsilon.example/a' });
    const two = await createSource(admin, { key: 'epsilon-two', title: 'Epsilon two', url: 'https://www.epsilon.example/a/' });
    expect(await groupsOf()).toContainEqual('url epsilon-one,epsilon-two');
    expect((await admin.del(`${CM}/${two.documentId}`)).status).toBe(200);
    expect(await groupsOf()).not.toContainEqual(expect.stringContaining('epsilon'));
    await app.strapi.documents('plugin::cited-articles.source').clone({ documentId: one.documentId, data: { key: 'epsilon-clone' } } as any);
    expect(await groupsOf()).toContainEqual(expect.stringMatching(/^url epsilon-(one,epsilon-clone|clone,epsilon-one)$/));
  });

  it('fills the fingerprints and the shared flag of sources written without them (an older release, a data transfer) at startup', async () => {
    const before = await groupsOf();
    expect(before.length).toBeGreaterThan(1);
    const table = app.strapi.db.metadata.get('plugin::cited-articles.source').tableName;
    // As a release before the fingerprints and before the flag left them.
    await app.strapi.db.connection(table).update({ url_fingerprint: null, doi_fingerprint: null, shared_fingerprint: null });
    expect(await groupsOf()).toEqual([]);

    const backfill = () => app.strapi.plugin('cited-articles').service('sources').backfillFingerprints();
    const withIdentity = await app.strapi.db.connection(table).whereNotNull('url').orWhereNotNull('doi').count({ n: '*' });
    expect(await backfill()).toBe(Number(withIdentity[0].n));
    expect(await groupsOf()).toEqual(before);
    // Nothing is read again at the next start.
    expect(await backfill()).toBe(0);
    expect(Number((await app.strapi.db.connection(table).whereNull('shared_fingerprint').count({ n: '*' }))[0].n)).toBe(0);
  });

  it('fills the shared flag of sources from a release that had fingerprints but no flag', async () => {
    const before = await groupsOf();
    const table = app.strapi.db.metadata.get('plugin::cited-articles.source').tableName;
    await app.strapi.db.connection(table).update({ shared_fingerprint: null });
    expect(await groupsOf()).toEqual([]);
    expect(await app.strapi.plugin('cited-articles').service('sources').backfillFingerprints()).toBe(0);
    expect(await groupsOf()).toEqual(before);
  });
});

describe('trigram indexes for the search', () => {
  it('are there on PostgreSQL with pg_trgm, and nothing is tried elsewhere', async () => {
    const created = await app.strapi.plugin('cited-articles').service('sources').ensureSearchIndexes();
    const client = String(app.strapi.db.connection.client.config.client);
    if (!/pg|postgres/.test(client)) {
      expect(created).toBe(false);
      return;
    }
    const available = (await app.strapi.db.connection.raw(`select 1 from pg_available_extensions where name = 'pg_trgm'`)).rows.length > 0;
    expect(created).toBe(available);
    if (!available) return;
    const indexes = await app.strapi.db.connection.raw(
      `select indexname from pg_indexes where tablename = 'cited_articles_sources' and indexname like '%trgm%'`
    );
    expect(indexes.rows.map((row: any) => row.indexname).sort()).toEqual(
      ['container_title', 'doi', 'key', 'publisher', 'title', 'url'].map((column) => `cited_articles_sources_${column}_trgm_idx`)
    );
    // The search still answers the same through them.
    expect((await list(admin, '?search=DAILY')).body.data.map((source: any) => source.key)).toEqual(['alpha-report']);
  });
});

describe('counts on a large library', () => {
  it('stop at 1,000 (meta.capped), and past the next page when further', async () => {
    const table = app.strapi.db.metadata.get('plugin::cited-articles.source').tableName;
    const now = new Date();
    const rows = Array.from({ length: 1100 }, (_, i) => ({
      document_id: `zetabulk${String(i).padStart(16, '0')}`,
      key: `zeta-bulk-${i}`,
      title: `Zeta bulk ${String(i).padStart(4, '0')}`,
      created_at: now,
      updated_at: now,
      published_at: now,
    }));
    for (let i = 0; i < rows.length; i += 100) await app.strapi.db.connection(table).insert(rows.slice(i, i + 100));

    const meta = async (query: string) => (await list(admin, query)).body.meta;
    const first = await meta('?search=zeta-bulk&pageSize=25');
    expect(first.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 41, total: 1000 });
    expect(first.capped).toEqual({ total: true, uncited: true });
    expect(first.uncitedCount).toBe(1000);
    expect((await meta('?search=zeta-bulk&page=40&pageSize=25')).pagination).toEqual({ page: 40, pageSize: 25, pageCount: 42, total: 1025 });
    const last = await meta('?search=zeta-bulk&page=44&pageSize=25');
    expect(last.pagination).toEqual({ page: 44, pageSize: 25, pageCount: 44, total: 1100 });
    expect(last.capped.total).toBe(false);
    expect((await list(admin, '?search=zeta-bulk&page=44&pageSize=25')).body.data.map((source: any) => source.key)[24]).toBe('zeta-bulk-1099');
    const few = await meta('?search=alpha');
    expect(few.capped.total).toBe(false);
    expect(few.pagination.total).toBe(2);
  });
});
