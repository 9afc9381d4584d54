import { cleanDoi, isbn10To13, parseIdentifier } from '@cited-articles/server/src/lookup/identifier';

describe('parseIdentifier', () => {
  it.each([
    ['10.1038/nphys1170', '10.1038/nphys1170'],
    ['doi:10.1038/nphys1170', '10.1038/nphys1170'],
    ['DOI: 10.1038/nphys1170', '10.1038/nphys1170'],
    ['https://doi.org/10.1038/nphys1170', '10.1038/nphys1170'],
    [
      'http://dx.doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0',
      '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0',
    ],
  ])('reads the DOI %s', (input, doi) => {
    expect(parseIdentifier(input)).toEqual({ kind: 'doi', doi });
  });

  it.each([
    ['978-0-306-40615-7', '9780306406157'],
    ['0-306-40615-2', '9780306406157'],
    ['ISBN 0 8044 2957 X', '9780804429573'],
    ['isbn-13: 9791032305690', '9791032305690'],
  ])('reads the ISBN %s as ISBN-13', (input, isbn) => {
    expect(parseIdentifier(input)).toEqual({ kind: 'isbn', isbn });
  });

  it.each([
    ['978-0-306-40615-8', /wrong check digit/],
    ['0-306-40615-3', /wrong check digit/],
    ['12345', /10 or 13 digits/],
    ['10.12/x', /not a DOI/],
    ['javascript:alert(1)', /only http and https/],
    ['file:///etc/passwd', /only http and https/],
    ['ftp://example.org/a', /only http and https/],
    ['just some words', /not a DOI, an ISBN or an http\(s\) URL/],
    ['   ', /empty/],
  ])('refuses %s, saying why', (input, reason) => {
    const result = parseIdentifier(input);
    expect(result.kind).toBe('invalid');
    expect((result as { reason: string }).reason).toMatch(reason);
  });

  it('reads an http(s) URL', () => {
    expect(parseIdentifier(' https://www.example.org/news/a?x=1 ')).toEqual({ kind: 'url', url: 'https://www.example.org/news/a?x=1' });
  });

  it('converts ISBN-10 to ISBN-13 with a new check digit', () => {
    expect(isbn10To13('0306406152')).toBe('9780306406157');
  });

  it('cleans DOIs and refuses non-DOIs', () => {
    expect(cleanDoi('https://doi.org/10.1000%2Fxyz')).toBe('10.1000/xyz');
    expect(cleanDoi('10.1000')).toBeNull();
  });

  it('stays linear on long hostile input', () => {
    const started = Date.now();
    parseIdentifier(`${'1-'.repeat(50_000)}a`);
    parseIdentifier(`10.1234/${' '.repeat(50_000)}x`);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
