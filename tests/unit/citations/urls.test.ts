import { isSafeUrl, normaliseUrl } from '@cited-articles/server/src/citations';

describe('normaliseUrl', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['http://example.com/a', 'https://example.com/a'],
    ['HTTPS://Example.COM/a', 'https://example.com/a'],
    ['https://www.example.com/a', 'https://example.com/a'],
    ['https://example.com/a/', 'https://example.com/a'],
    ['https://example.com/', 'https://example.com'],
    ['https://example.com', 'https://example.com'],
    ['https://example.com./a', 'https://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com:80/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com/a#section', 'https://example.com/a'],
    ['https://user:pass@example.com/a', 'https://example.com/a'],
    ['https://example.com/a?utm_source=tw&utm_campaign=x&id=3', 'https://example.com/a?id=3'],
    ['https://example.com/a?fbclid=1&gclid=2&UTM_Medium=3', 'https://example.com/a'],
    ['https://example.com/a?z=1&a=2&m=3', 'https://example.com/a?a=2&m=3&z=1'],
    ['https://example.com/Case/Path', 'https://example.com/Case/Path'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['www.example.com/a', 'https://example.com/a'],
    ['//example.com/a', 'https://example.com/a'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it.each([[''], ['   '], ['not a url'], ['javascript:alert(1)'], ['mailto:a@b.c'], ['ftp://example.com/a'], ['https://'], [null], [undefined]])(
    'returns null for %p',
    (input) => {
      expect(normaliseUrl(input as string | null | undefined)).toBeNull();
    }
  );
});

describe('isSafeUrl', () => {
  it.each([
    ['https://example.com'],
    ['http://example.com/a?b=c#d'],
    ['HTTPS://EXAMPLE.COM'],
    ['  https://example.com/a  '],
    ['https://例え.jp/パス'],
  ])('accepts %s', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    [' javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['//evil.example/x'],
    ['/relative/path'],
    ['example.com'],
    ['https:example.com'],
    ['https://exa\u0000mple.com'],
    ['https://example.com/\u0085'],
    ['https://example.com/a b'],
    ['ftp://example.com'],
    ['https://'],
    [''],
    [null],
    [42],
  ])('rejects %p', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });
});
