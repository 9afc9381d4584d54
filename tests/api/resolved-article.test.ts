import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';

// The demo content is the example article of the product: its reference list must come out exactly.
const app = setupStrapi({ seed: true });
const get = (url: string) => request(app.server).get(`/api/cited-articles${url}`);

const EXAMPLE_REFERENCES = [
  '“Two killed, more than 50 trapped in China coal mine collapse” The Jerusalem Post, 22 Feb. 2023,',
  '“Scores missing after large mine collapse in China” BBC, 23 Feb. 2023,',
  '“Death toll rises in China mine collapse as rescue efforts continue” CNN, 23 Feb. 2023,',
  '“Dozens feared dead after open pit mine collapses on workers” Boing Boing, 23 Feb. 2023,',
  '“6 dead, dozens still missing after China mine collapse” Bangkok Post, 24 Feb. 2023,',
  '“At least six killed in open-pit coalmine collapse in north China” The Guardian, 24 Feb. 2023,',
];

describe('the demo article, resolved', () => {
  let res: request.Response;
  beforeAll(async () => {
    res = await get('/articles/inner-mongolia-coal-mine-collapse');
  });

  it('lists the six references of the example, numbered 0 to 5, in the news style', () => {
    expect(res.status).toBe(200);
    expect(res.body.meta.style).toBe('news');
    expect(res.body.data.references.map((r: any) => r.number)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(res.body.data.references.map((r: any) => r.formatted)).toEqual(EXAMPLE_REFERENCES);
    expect(res.body.data.references[0]).toMatchObject({
      id: 'ref-0',
      source: { key: 'jpost-2023', containerTitle: 'The Jerusalem Post', publishedDate: '2023-02-22', type: 'news' },
    });
  });

  it('resolves every marker, with offsets into the body and one back-link per use', () => {
    const { body, citations, references } = res.body.data;
    expect(citations.map((c: any) => c.marker)).toEqual(['[0]', '[1]', '[2]', '[2]', '[3]', '[0]', '[3]', '[3]', '[4]', '[5]']);
    for (const citation of citations) expect(body.slice(citation.start, citation.end)).toBe(citation.marker);
    expect(references[3].backlinks).toEqual(['cite-3-a', 'cite-3-b', 'cite-3-c']);
    expect(citations.filter((c: any) => c.number === 3).map((c: any) => c.id)).toEqual(references[3].backlinks);
    expect(res.body.meta.issues).toEqual([]);
  });

  it('carries the article fields of the contract', () => {
    expect(res.body.data).toMatchObject({
      slug: 'inner-mongolia-coal-mine-collapse',
      numberingStart: 0,
      commentCount: 3,
      commentsEnabled: true,
    });
    expect(typeof res.body.data.documentId).toBe('string');
    expect(res.body.data.publishedAt).toBeTruthy();
  });

  it('renders bodyHtml on ?format=html with linked superscripts and back-links', async () => {
    const html = await get('/articles/inner-mongolia-coal-mine-collapse?format=html');
    expect(html.status).toBe(200);
    const bodyHtml: string = html.body.data.bodyHtml;
    expect(bodyHtml).toContain('<sup id="cite-0-a"><a href="#ref-0">[0]</a></sup>');
    expect(bodyHtml).toContain('<ol class="references" start="0">');
    expect(bodyHtml).toContain('<li id="ref-3">');
    expect(bodyHtml).toContain('href="#cite-3-c"');
    expect(res.body.data.bodyHtml).toBeUndefined();
  });
});

describe('the key-cited demo article', () => {
  it('resolves [@key], locators and multi-source markers, and leaves code alone', async () => {
    const res = await get('/articles/alxa-league-mine-disaster-explained');
    expect(res.status).toBe(200);
    const { citations, references } = res.body.data;
    expect(references.map((r: any) => [r.number, r.source.key])).toEqual([
      [1, 'guardian-2023'],
      [2, 'bbc-2023'],
      [3, 'cnn-2023'],
      [4, 'bangkok-post-2023'],
    ]);
    expect(citations.find((c: any) => c.locator === 'para. 3')).toMatchObject({ sourceKey: 'cnn-2023', number: 3 });
    const multi = citations.filter((c: any) => c.marker === '[@cnn-2023; @bangkok-post-2023]');
    expect(multi.map((c: any) => c.sourceKey)).toEqual(['cnn-2023', 'bangkok-post-2023']);
    expect(JSON.stringify(res.body)).not.toContain('not-a-citation"');
    expect(res.body.meta.issues).toEqual([]);
  });
});

describe('problems in an article', () => {
  let admin: AdminSession;
  beforeAll(async () => {
    admin = await createAdmin(app);
    const a = await createSource(admin, { title: 'Report A', key: 'report-a', url: 'https://www.example.org/story/?utm_source=x' });
    const b = await createSource(admin, { title: 'Report B', key: 'report-b', url: 'http://example.org/story' });
    const c = await createSource(admin, { title: 'Never cited', key: 'never-cited' });
    await createArticle(admin, {
      title: 'Problems',
      slug: 'problems',
      body: 'One [@report-a]. Unknown [@nope]. Out of range [7]. Bad [@]. Second [@report-b].',
      citations: [a.documentId, b.documentId, c.documentId],
    });
  });

  it('reports each problem with its code and offsets, and keeps the article readable', async () => {
    const res = await get('/articles/problems');
    expect(res.status).toBe(200);
    const issues = res.body.meta.issues;
    const codes = issues.map((issue: any) => issue.code).sort();
    expect(codes).toEqual(['duplicate-source', 'index-out-of-range', 'malformed-marker', 'unknown-source', 'unused-source']);
    const unknown = issues.find((issue: any) => issue.code === 'unknown-source');
    expect(unknown).toMatchObject({ severity: 'error', marker: '[@nope]' });
    expect(unknown.message).toMatch(/^No source has the key "nope"\./);
    expect(res.body.data.body.slice(unknown.start, unknown.end)).toBe('[@nope]');
    expect(issues.find((issue: any) => issue.code === 'unused-source')).toMatchObject({ sourceKey: 'never-cited' });
    expect(res.body.data.references.map((r: any) => r.source.key)).toEqual(['report-a', 'report-b']);
  });

  it('lists the article with its resolved reference count', async () => {
    const res = await get('/articles?pageSize=100');
    const item = res.body.data.find((article: any) => article.slug === 'problems');
    expect(item.referenceCount).toBe(2);
  });
});

describe('bad requests', () => {
  it('answers 400 for an unknown style, naming the styles there are', async () => {
    const res = await get('/articles/inner-mongolia-coal-mine-collapse?style=bogus');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError' });
    expect(res.body.error.message).toMatch(/Unknown style "bogus"\. Use one of: .*news/);
    expect(res.body.error.details.errors[0].path).toEqual(['style']);
  });

  it.each([
    ['?format=pdf', 'format'],
    ['?status=archived', 'status'],
    ['?style=a&style=b', 'style'],
  ])('answers 400 for %s', async (query, field) => {
    const res = await get(`/articles/inner-mongolia-coal-mine-collapse${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual([field]);
  });

  it('answers 404 for an unknown slug', async () => {
    const res = await get('/articles/no-such-article');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('No published article has the slug "no-such-article".');
  });
});
