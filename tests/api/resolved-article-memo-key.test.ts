/**
 * The resolved-article memo is keyed by the style and locale formatting actually uses, so spellings
 * of one request (`?style=APA`, `?referenceLocale=EN-us`, any unknown locale) share one entry instead of each
 * filling the memo with a copy of the same answer.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';

const app = setupStrapi();
const URL = '/api/cited-articles/articles/memo-key';
const memo = () => app.strapi.plugin('cited-articles').service('articles');
const get = async (query: string) => {
  const res = await request(app.server).get(`${URL}${query}`);
  if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
/** The answer without the note that echoes the locale this request asked for. */
const withoutNote = ({ data, meta: { localeFallback, ...meta } }: any) => ({ data, meta });

beforeAll(async () => {
  const admin = await createAdmin(app);
  const source = await createSource(admin, {
    key: 'memo-key-source',
    title: 'Two killed in mine collapse',
    containerTitle: 'The Jerusalem Post',
    url: 'https://example.org/mine',
    publishedDate: '2023-02-22',
    type: 'news',
  });
  await createArticle(admin, { title: 'Memo key', slug: 'memo-key', body: 'Claim [@memo-key-source].', citations: [source.documentId] });
});

beforeEach(() => memo().clearMemo());

it('keeps one entry for every spelling of a style', async () => {
  const answers = [];
  for (const style of ['apa', 'APA', 'Apa', 'aPa']) answers.push(await get(`?style=${style}`));
  expect(memo().memoSize).toBe(1);
  for (const answer of answers) expect(answer).toEqual(answers[0]);
  expect(answers[0].meta.style).toBe('apa');
});

it('keeps one entry for every spelling of a locale the style has', async () => {
  const answers = [];
  for (const locale of ['de-DE', 'DE-de', 'de_DE', 'de-de', 'DE_DE']) answers.push(await get(`?style=apa&referenceLocale=${locale}`));
  expect(memo().memoSize).toBe(1);
  for (const answer of answers) expect(answer).toEqual(answers[0]);
  expect(answers[0].meta.referenceLocale).toBe('de-DE');
  expect(answers[0].data.references[0].formatted).toContain('Februar');
});

it('keys an unknown locale by the fallback it resolves to, and still names the one asked for', async () => {
  const plain = await get('?style=apa');
  const variants = ['en-US', 'EN-us', 'en_us', 'pt-BR', 'xx', 'zz-ZZ', ...Array.from({ length: 40 }, (_, i) => `qq-x${i}ab`)];
  for (const locale of variants) {
    const answer = await get(`?style=apa&referenceLocale=${locale}`);
    expect(withoutNote(answer)).toEqual(plain);
    if (locale.toLowerCase().replace('_', '-') === 'en-us') expect(answer.meta.localeFallback).toBeUndefined();
    else expect(answer.meta.localeFallback).toMatchObject({ requested: locale, message: expect.stringContaining(`"${locale}"`) });
  }
  expect(memo().memoSize).toBe(1);
});

it('keeps one entry per canonical (style, locale, format)', async () => {
  for (const style of ['news', 'NEWS', 'apa', 'APA', 'vancouver', 'Vancouver']) {
    for (const locale of ['', '&referenceLocale=de-de', '&referenceLocale=DE-DE', '&referenceLocale=en-us', '&referenceLocale=ko-KR'])
      await get(`?style=${style}${locale}`);
  }
  // news: en-US only (de-DE and ko-KR fall back to it); apa and vancouver: en-US and de-DE.
  expect(memo().memoSize).toBe(5);
  await get('?style=APA&format=html');
  await get('?style=apa&format=html&referenceLocale=EN-US');
  expect(memo().memoSize).toBe(6);
});
