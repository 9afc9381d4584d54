/**
 * Author-date styles format the whole reference list together and the citations in the text:
 * year suffixes and name disambiguation through the article route, `citations[].formatted` in
 * REST and GraphQL, and bodyHtml showing the in-text citation, escaped, with its links and the
 * ids the reference list's back-links point to.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';
import { graphql } from '../helpers/graphql';

const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
const get = (url: string) => request(app.server).get(`/api/cited-articles${url}`);
const SLUG = 'in-text-check';
const BODY = [
  'First [@smith-alpha, p. 12].',
  'Both [@smith-beta; @smith-alpha].',
  'Another Smith [@smith-alice].',
  'No author [@anon].',
  'One unknown [@smith-beta; @nowhere].',
].join('\n\n');

beforeAll(async () => {
  const admin = await createAdmin(app);
  const john = [{ family: 'Smith', given: 'John' }];
  const sources = [
    await createSource(admin, {
      key: 'smith-alpha',
      title: 'Alpha study',
      containerTitle: 'Safety Science',
      authors: john,
      publishedDate: '2020',
      type: 'journal',
    }),
    await createSource(admin, {
      key: 'smith-beta',
      title: 'Beta study',
      containerTitle: 'Safety Science',
      authors: john,
      publishedDate: '2020-03',
      type: 'journal',
    }),
    await createSource(admin, {
      key: 'smith-alice',
      title: 'Gamma',
      publisher: 'Press',
      authors: [{ family: 'Smith', given: 'Alice' }],
      publishedDate: '2020',
      type: 'book',
    }),
    await createSource(admin, {
      key: 'anon',
      title: '<b>Bold</b> & <script>x</script>',
      containerTitle: 'Site',
      publishedDate: '2021-05-04',
      type: 'web',
    }),
  ];
  await createArticle(admin, { title: 'In-text check', slug: SLUG, body: BODY, citations: sources.map((source) => source.documentId) });
});

describe('APA on the article route', () => {
  it('gives same-author same-year references year suffixes, and a same-family author her initial', async () => {
    const res = await get(`/articles/${SLUG}?style=apa`);
    expect(res.status).toBe(200);
    const entries = Object.fromEntries(res.body.data.references.map((reference: any) => [reference.source.key, reference.formatted]));
    expect(entries['smith-alpha']).toBe('Smith, J. (2020a). Alpha study. Safety Science.');
    expect(entries['smith-beta']).toBe('Smith, J. (2020b). Beta study. Safety Science.');
    // The list in first-use order, numbered by first use, as in every style.
    expect(res.body.data.references.map((reference: any) => [reference.number, reference.source.key])).toEqual([
      [1, 'smith-alpha'],
      [2, 'smith-beta'],
      [3, 'smith-alice'],
      [4, 'anon'],
    ]);
  });

  it("gives every citation its marker's in-text text, the same for each source of one marker", async () => {
    const res = await get(`/articles/${SLUG}?style=apa`);
    expect(res.body.data.citations.map((citation: any) => [citation.id, citation.formatted])).toEqual([
      ['cite-1-a', '(J. Smith, 2020a, p. 12)'],
      // citeproc keeps the marker's order here and collapses the repeated author.
      ['cite-2-a', '(J. Smith, 2020b, 2020a)'],
      ['cite-1-b', '(J. Smith, 2020b, 2020a)'],
      ['cite-3-a', '(A. Smith, 2020)'],
      // citeproc reads <b> in a field as its own rich-text markup; the rest is text.
      ['cite-4-a', '(Bold & <script>x</Script>, 2021)'],
      ['cite-2-b', '(J. Smith, 2020b)'],
    ]);
  });

  it("shows the in-text citations in bodyHtml, escaped, each source's part linking to its reference", async () => {
    const res = await get(`/articles/${SLUG}?style=apa&format=html`);
    const html: string = res.body.data.bodyHtml;
    const [text, list] = html.split('<ol');
    expect(text).toContain('First <span class="citation">(<a id="cite-1-a" href="#ref-1">J. Smith, 2020a, p. 12</a>)</span>.');
    expect(text).toContain(
      'Both <span class="citation">(<a id="cite-2-a" href="#ref-2">J. Smith, 2020b</a>, <a id="cite-1-b" href="#ref-1">2020a</a>)</span>.'
    );
    expect(text).toContain('<a id="cite-4-a" href="#ref-4">Bold &#x26; &#x3C;script>x&#x3C;/Script>, 2021</a>');
    // The source no one has stays as written after the citation of the one that resolved.
    expect(text).toContain('<span class="citation">(<a id="cite-2-b" href="#ref-2">J. Smith, 2020b</a>)</span>[@nowhere].');
    expect(text).not.toContain('<sup');
    expect(text).not.toMatch(/<b>|<script/i);
    // Every back-link of the list lands on an element of the text.
    const backlinks = [...(list ?? '').matchAll(/href="#(cite-[^"]+)"/g)].map((match) => match[1]);
    expect(backlinks).toHaveLength(6);
    for (const id of backlinks) expect(text).toContain(`id="${id}"`);
  });
});

describe('numeric styles and news keep the numbers', () => {
  it.each(['news', 'vancouver'])('%s: formatted is null and the text has sups', async (style) => {
    const res = await get(`/articles/${SLUG}?style=${style}&format=html`);
    expect(res.body.data.citations.map((citation: any) => citation.formatted)).toEqual([null, null, null, null, null, null]);
    expect(res.body.data.bodyHtml).toContain('First <sup id="cite-1-a"><a href="#ref-1">[1]</a></sup>.');
    expect(res.body.data.bodyHtml).not.toContain('class="citation"');
  });
});

describe('GraphQL', () => {
  it('answers CitedCitation.formatted as the REST route does', async () => {
    const query = (style: string) => `{ citedArticle(slug: "${SLUG}", style: "${style}") { citations { id formatted } } }`;
    const rest = await get(`/articles/${SLUG}?style=apa`);
    const apa = await graphql(app, query('apa'));
    expect(apa.body.errors).toBeUndefined();
    expect(apa.body.data.citedArticle.citations).toEqual(rest.body.data.citations.map(({ id, formatted }: any) => ({ id, formatted })));
    const news = await graphql(app, query('news'));
    expect(news.body.data.citedArticle.citations.map((citation: any) => citation.formatted)).toEqual([null, null, null, null, null, null]);
  });
});
