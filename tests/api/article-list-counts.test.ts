/**
 * GET /articles counts references from what each article row stores when it is saved (the keys and
 * positions its body cites), not by parsing every body of the page on every request.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { ARTICLE_UID, createArticle, createSource, publishArticle, updateArticle } from '../helpers/content';
import { countQueries } from '../helpers/queries';

// These tests write rows behind Strapi's back (raw SQL) and measure the list's own work on each
// request: the in-process response cache, which hears only writes made through Strapi, is off.
const app = setupStrapi({ env: { CITED_ARTICLES_ORIGIN_CACHE: 'false' } });
let admin: AdminSession;
const sources: Record<string, string> = {};

const list = async (query = '?pageSize=100') => {
  const res = await request(app.server).get(`/api/cited-articles/articles${query}`);
  expect(res.status).toBe(200);
  return res;
};
const countOf = async (slug: string) => {
  const item = (await list()).body.data.find((entry: any) => entry.slug === slug);
  if (!item) throw new Error(`${slug} is not in the list`);
  return item.referenceCount as number;
};
/** What the article's own page says: the list must agree with it. */
const referencesOf = async (slug: string) => (await request(app.server).get(`/api/cited-articles/articles/${slug}`)).body.data.references.length;

const plugin = () => app.strapi.plugin('cited-articles');
const articleTable = () => app.strapi.db.metadata.get(ARTICLE_UID as any).tableName;

beforeAll(async () => {
  admin = await createAdmin(app);
  for (const key of ['a', 'b', 'c']) {
    sources[key] = (await createSource(admin, { key, title: `Source ${key}`, url: `https://example.org/${key}` })).documentId;
  }
});

describe('reference counts in the article list', () => {
  it('is right after create, and follows an update only once it is published', async () => {
    // citation sync appends c (cited by key, not listed) to the list.
    const article = await createArticle(admin, { title: 'Created', slug: 'created', body: 'Only [@c].' });
    expect(await countOf('created')).toBe(1);

    await updateArticle(admin, article.documentId, { body: '[@a] [@b] [@c] and [@a] again' });
    expect(await countOf('created')).toBe(1); // the draft changed, the published article did not
    await publishArticle(admin, article.documentId);
    expect(await countOf('created')).toBe(3);
    expect(await referencesOf('created')).toBe(3);
  });

  it('follows a reorder of the citations (a positional marker then reaches another source)', async () => {
    const article = await createArticle(admin, {
      title: 'Reordered',
      slug: 'reordered',
      body: 'First [1], then [@a].',
      citations: [sources.a, sources.b],
    });
    expect(await countOf('reordered')).toBe(1); // [1] is a, cited by key too
    await updateArticle(admin, article.documentId, {
      citations: { connect: [{ documentId: sources.b, position: { start: true } }] },
    });
    await publishArticle(admin, article.documentId);
    expect(await countOf('reordered')).toBe(2); // [1] is b now
    expect(await referencesOf('reordered')).toBe(2);
  });

  it('follows the library: a source created later for a key the body already cites', async () => {
    await createArticle(admin, { title: 'Waiting', slug: 'waiting', body: 'Cites [@later] and [@a].' });
    expect(await countOf('waiting')).toBe(1);
    await createSource(admin, { key: 'later', title: 'Later source' });
    expect(await countOf('waiting')).toBe(2);
    expect(await referencesOf('waiting')).toBe(2);
  });

  it('counts rows whose stored value is missing, and the startup backfill fills them', async () => {
    const knex = app.strapi.db.connection;
    await knex(articleTable()).whereIn('slug', ['created', 'reordered']).update({ reference_targets: null });
    // Missing: computed from the body for this request.
    expect(await countOf('created')).toBe(3);
    expect(await countOf('reordered')).toBe(2);

    const filled = await plugin().service('articles').backfillReferenceTargets();
    expect(filled).toBeGreaterThanOrEqual(4); // draft and published row of each
    const empty = await knex(articleTable()).whereNull('reference_targets').count({ n: '*' });
    expect(Number(empty[0].n)).toBe(0);
    expect(await countOf('created')).toBe(3);
    expect(await countOf('reordered')).toBe(2);
  });

  it('recomputes every row at startup when the stored rules are of another version', async () => {
    const knex = app.strapi.db.connection;
    const stale = JSON.stringify({ version: 1, keys: [], positions: [] });
    await knex(articleTable()).where('slug', 'created').update({ reference_targets: stale });
    expect(await countOf('created')).toBe(0); // what is stored is what is counted
    await app.strapi.store({ type: 'plugin', name: 'cited-articles' }).set({ key: 'reference-targets-version', value: 0 });
    await plugin().service('articles').backfillReferenceTargets();
    expect(await countOf('created')).toBe(3);
  });

  it('sends a constant number of SQL statements, reads no body and does not resolve articles', async () => {
    const measure = () => countQueries(app.strapi, () => list());
    await measure();
    const few = await measure();
    for (let i = 0; i < 12; i += 1) {
      await createArticle(admin, {
        title: `More ${i}`,
        slug: `more-${i}`,
        body: `[@a] [1] [@missing-${i}] [@later]`,
        citations: [sources.b, sources.c],
      });
    }
    // The new articles' comment counts are counted on their first listing and kept from then on
    // (services/comments/tallies.ts), as the first page's were before `few`.
    const counting = await measure();
    // Resolving an article is a worker job ('resolve' or 'present'); the list must run none.
    const jobs = jest.spyOn(plugin().service('platform'), 'runJob');
    try {
      const many = await measure();
      expect(many.result.body.data.length).toBe(few.result.body.data.length + 12);
      expect(many.result.body.data.find((entry: any) => entry.slug === 'more-3').referenceCount).toBe(3);
      expect(many.count).toBe(few.count);
      // Permissions, the default locale, the page's ids (from the index alone), its rows, their
      // citations, the total, the library keys, the kept comment counts.
      expect(many.count).toBeLessThanOrEqual(8);
      // Counting instead: adding the counts' rows if missing, the count, keeping them.
      expect(counting.count).toBe(many.count + 3);
      expect(many.sql.filter((sql) => /\bbody\b/.test(sql))).toEqual([]);
      expect(jobs.mock.calls.map(([name]) => name).filter((name) => name === 'resolve' || name === 'present')).toEqual([]);
    } finally {
      jobs.mockRestore();
    }
  });

  it('keeps the list response shape', async () => {
    const res = await list('?pageSize=1');
    expect(Object.keys(res.body.data[0]).sort()).toEqual(
      ['commentCount', 'documentId', 'locale', 'numberingStart', 'publishedAt', 'referenceCount', 'slug', 'summary', 'title', 'updatedAt'].sort()
    );
    expect(JSON.stringify(res.body)).not.toContain('referenceTargets');
  });
});
