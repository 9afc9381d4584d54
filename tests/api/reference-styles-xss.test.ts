import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';

// A source whose every field carries markup or a script URL, through every style and format.
const app = setupStrapi();
const get = (url: string) => request(app.server).get(`/api/cited-articles${url}`);
const STYLES = ['news', 'apa', 'vancouver', 'harvard', 'chicago', 'mla'];
const PAYLOAD = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';

let key: string;
beforeAll(async () => {
  const admin = await createAdmin(app);
  const source = await createSource(admin, {
    title: `Title ${SCRIPT} ${PAYLOAD}`,
    publisher: `Outlet ${PAYLOAD}`,
    authors: [{ given: 'Eve', family: PAYLOAD }, { literal: SCRIPT }],
    url: 'javascript:alert(document.cookie)',
    archiveUrl: 'javascript:alert(2)',
    publishedDate: '2024-02-02',
    doi: `10.1/${PAYLOAD}`,
    language: PAYLOAD,
    type: 'news',
  });
  key = source.key;
  await createArticle(admin, { title: 'Hostile source', body: `Claim [@${key}].`, citations: [source.documentId] });
});

/** Only the renderer's own elements, no element from the payload, and no script URL, in HTML. */
const IN_TEXT_STYLES = ['apa', 'harvard', 'chicago', 'mla'];
const expectInert = (html: string, style: string) => {
  const tags = new Set([...html.matchAll(/<\/?([a-z][a-z0-9]*)/gi)].map((match) => match[1].toLowerCase()));
  // Author-date styles print the citation in the text (a span with links), the others a sup.
  expect([...tags].sort()).toEqual(IN_TEXT_STYLES.includes(style) ? ['a', 'li', 'ol', 'p', 'span'] : ['a', 'li', 'ol', 'p', 'span', 'sup']);
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
  for (const href of hrefs) expect(href).toMatch(/^#(cite|ref)-/);
  expect(html).not.toMatch(/javascript:/i);
};

describe.each(STYLES)('style %s', (style) => {
  it('escapes every field in bodyHtml and never links the script URL', async () => {
    const res = await get(`/articles/hostile-source?style=${style}&format=html`);
    expect(res.status).toBe(200);
    expectInert(res.body.data.bodyHtml, style);
    expect(res.body.data.bodyHtml).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    if (IN_TEXT_STYLES.includes(style)) {
      // The in-text citation names the hostile author: as text, inside the link to the reference.
      const citation = /<span class="citation">(.*?)<\/span>/.exec(res.body.data.bodyHtml)?.[1] ?? '';
      expect(citation).toMatch(/^\(?<a id="cite-1-a" href="#ref-1">[^<]+<\/a>/);
      expect(citation).toContain('&#x3C;');
      expect(res.body.data.citations[0].formatted).toContain('<');
    }
    // The plain-text entry names the title but neither URL.
    expect(res.body.data.references[0].formatted).toMatch(/Title/i);
    expect(res.body.data.references[0].formatted).not.toMatch(/javascript:/i);
  });
});

describe.each(['bibtex', 'ris', 'csl-json'])('export %s', (format) => {
  it('leaves the script URLs out', async () => {
    for (const url of [`/articles/hostile-source/references?format=${format}`, `/sources/${key}/cite?format=${format}`]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).not.toMatch(/html/);
      expect(res.text).not.toMatch(/javascript:/i);
      expect(res.text).toMatch(/Title/);
    }
  });
});

describe('JSON-LD', () => {
  it('has no script URL, and its text fields are data, not markup', async () => {
    const res = await get('/articles/hostile-source?format=jsonld');
    expect(res.status).toBe(200);
    const [work] = res.body.data.jsonLd.citation;
    expect(work.url).toBeUndefined();
    expect(work.archivedAt).toBeUndefined();
    expect(work.name).toBe(`Title ${SCRIPT} ${PAYLOAD}`);
    expect(JSON.stringify(res.body.data.jsonLd)).not.toMatch(/javascript:/i);
  });
});
