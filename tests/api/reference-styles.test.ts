import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';

// CSL styles and locales on the demo article, and the styles list.
const app = setupStrapi({ seed: true });
const get = (url: string) => request(app.server).get(`/api/cited-articles${url}`);
const DEMO = '/articles/inner-mongolia-coal-mine-collapse';
const CSL_STYLES = ['apa', 'vancouver', 'harvard', 'chicago', 'mla'];

describe('GET /styles', () => {
  it('lists news and the CSL styles with their locales', async () => {
    const res = await get('/styles');
    expect(res.status).toBe(200);
    const ids = res.body.data.map((style: any) => style.id);
    expect(ids).toEqual(['news', ...CSL_STYLES]);
    const apa = res.body.data.find((style: any) => style.id === 'apa');
    expect(apa.kind).toBe('csl');
    expect(apa.locales).toEqual(expect.arrayContaining(['en-US', 'de-DE', 'fr-FR', 'es-ES', 'nl-NL']));
    expect(res.body.meta).toEqual({ defaultStyle: 'news', defaultLocale: 'en-US' });
  });
});

describe('?style= on the demo article', () => {
  // Expected first entries (The Jerusalem Post, 22 Feb. 2023, no authors) in each style.
  const FIRST: Record<string, string> = {
    apa: 'Two killed, more than 50 trapped in China coal mine collapse. (2023, February 22). The Jerusalem Post.',
    vancouver: 'Two killed, more than 50 trapped in China coal mine collapse. The Jerusalem Post',
    harvard: 'The Jerusalem Post (2023) “Two killed, more than 50 trapped in China coal mine collapse,” 22 February.',
    chicago: 'The Jerusalem Post. 2023. “Two Killed, More than 50 Trapped in China Coal Mine Collapse,” February 22, 2023.',
    mla: '“Two Killed, More than 50 Trapped in China Coal Mine Collapse.” The Jerusalem Post, 22 Feb. 2023.',
  };

  it.each(CSL_STYLES)('formats every reference in %s, in first-use order, with meta.style', async (style) => {
    const res = await get(`${DEMO}?style=${style}`);
    expect(res.status).toBe(200);
    expect(res.body.meta).toMatchObject({ style, locale: 'en', referenceLocale: 'en-US', issues: [] });
    expect(res.body.meta.localeFallback).toBeUndefined();
    const references = res.body.data.references;
    expect(references.map((r: any) => r.number)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(references.map((r: any) => r.source.key)[0]).toBe('jpost-2023');
    expect(references[0].formatted).toContain(FIRST[style]);
    for (const reference of references) {
      expect(reference.formatted.toLowerCase()).toContain(reference.source.title.slice(0, 10).toLowerCase());
    }
    if (style === 'vancouver') {
      // The number is the reference's own (first use, in `number`), not the one the style prints,
      // and only that number is removed: the fifth title itself starts with a digit.
      expect(references[0].formatted).toBe('Two killed, more than 50 trapped in China coal mine collapse. The Jerusalem Post. 2023 Feb 22.');
      expect(references[4].formatted).toMatch(/^6 dead, dozens still missing/);
    }
  });

  it('renders CSL-formatted references in bodyHtml', async () => {
    const res = await get(`${DEMO}?style=apa&format=html`);
    expect(res.status).toBe(200);
    expect(res.body.data.bodyHtml).toContain('(2023, February 22). The Jerusalem Post.');
  });

  it('localises dates and terms with ?referenceLocale=', async () => {
    const de = await get(`${DEMO}?style=vancouver&referenceLocale=de-DE`);
    expect(de.status).toBe(200);
    expect(de.body.meta.referenceLocale).toBe('de-DE');
    expect(de.body.data.references[0].formatted).toContain('22. Februar 2023');
    const fr = await get(`${DEMO}?style=mla&referenceLocale=fr-fr`);
    expect(fr.body.meta.referenceLocale).toBe('fr-FR');
    expect(fr.body.data.references[0].formatted).toContain('22 février 2023');
    const es = await get(`${DEMO}?style=apa&referenceLocale=es-ES`);
    expect(es.body.data.references[0].formatted).toContain('febrero');
    const nl = await get(`${DEMO}?style=apa&referenceLocale=nl-NL`);
    expect(nl.body.data.references[0].formatted).toContain('februari');
  });

  it('falls back to en-US for a locale it does not have, and says so in meta', async () => {
    const res = await get(`${DEMO}?style=apa&referenceLocale=pt-BR`);
    expect(res.status).toBe(200);
    expect(res.body.meta.referenceLocale).toBe('en-US');
    expect(res.body.meta.localeFallback).toEqual({
      requested: 'pt-BR',
      message: expect.stringMatching(/^Locale "pt-BR" is not available for style "apa"; en-US is used\. Available: .*de-DE/),
    });
    expect(res.body.data.references[0].formatted).toContain('February');
    const news = await get(`${DEMO}?referenceLocale=de-DE`);
    expect(news.body.meta).toMatchObject({ style: 'news', referenceLocale: 'en-US', localeFallback: { requested: 'de-DE' } });
  });

  it('answers 400 for a malformed reference locale and for an unknown style, listing the CSL ones', async () => {
    const bad = await get(`${DEMO}?style=apa&referenceLocale=${encodeURIComponent('<x>')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['referenceLocale']);
    const unknown = await get(`${DEMO}?style=ieee`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/Use one of: news, apa, vancouver, harvard, chicago, mla/);
  });
});

describe('formatted entries follow their source', () => {
  it("re-formats a source after it is edited (the list cache is keyed by the list's content)", async () => {
    const admin = await createAdmin(app);
    const source = await createSource(admin, {
      title: 'Original title',
      containerTitle: 'Daily Planet',
      url: 'https://planet.example/a',
      publishedDate: '2024-01-05',
      authors: [{ family: 'Lane', given: 'Lois' }],
      type: 'news',
    });
    await createArticle(admin, { title: 'Cache check', body: `Text [@${source.key}].`, citations: [source.documentId] });
    const before = await get('/articles/cache-check?style=apa');
    expect(before.body.data.references[0].formatted).toBe('Lane, L. (2024, January 5). Original title. Daily Planet. https://planet.example/a');
    const res = await admin
      .put(`/content-manager/collection-types/plugin::cited-articles.source/${source.documentId}`)
      .send({ title: 'Edited title' });
    expect(res.status).toBe(200);
    const after = await get('/articles/cache-check?style=apa');
    expect(after.body.data.references[0].formatted).toBe('Lane, L. (2024, January 5). Edited title. Daily Planet. https://planet.example/a');
  });
});
