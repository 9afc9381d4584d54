import { createReferenceStyles } from '@cited-articles/server/src/services/references/styles';

// The CSL locale references are formatted in when a request names none: the article's language.
const styles = createReferenceStyles();
const apa = styles.get('apa')!;
const news = styles.get('news')!;

describe('localeForContent', () => {
  it.each([
    ['fr', 'fr-FR'],
    ['de', 'de-DE'],
    ['de-AT', 'de-DE'],
    ['DE_de', 'de-DE'],
    ['en', 'en-US'],
    ['en-GB', 'en-US'],
    ['nl', 'nl-NL'],
  ])('maps the content locale %s to %s', (content, expected) => {
    expect(styles.localeForContent(apa, content)).toBe(expected);
  });

  it('falls back to en-US, without a note, for a language the style lacks or no locale at all', () => {
    expect(styles.localeForContent(apa, 'tlh')).toBe('en-US');
    expect(styles.localeForContent(apa, null)).toBe('en-US');
    expect(styles.localeForContent(news, 'fr')).toBe('en-US');
    expect(styles.referenceLocale(news, undefined, 'fr')).toEqual({ locale: 'en-US', fallback: null });
  });

  it('lets an explicit referenceLocale win over the content locale, with the fallback note when unknown', () => {
    expect(styles.referenceLocale(apa, 'de-DE', 'fr')).toEqual({ locale: 'de-DE', fallback: null });
    expect(styles.referenceLocale(apa, 'pt-BR', 'fr').locale).toBe('en-US');
    expect(styles.referenceLocale(apa, 'pt-BR', 'fr').fallback).toMatchObject({ requested: 'pt-BR' });
  });
});
