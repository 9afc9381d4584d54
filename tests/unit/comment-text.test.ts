import fc from 'fast-check';
import { countLinks, escapeHtml, findBlockedWord, normaliseContent, normaliseLine, toSafeHtml } from '@cited-articles/server/src/comments/text';
import { senderNetwork } from '@cited-articles/server/src/utils/ip';

describe('normaliseContent', () => {
  it('unifies line ends, trims, and removes control and invisible characters', () => {
    expect(normaliseContent('  Hello\r\nworld \u0000\u0007\u202E!\u200B  \n\n\n\nBye\t ')).toBe('Hello\nworld !\n\nBye');
  });

  it('composes to NFC', () => {
    expect(normaliseContent('e\u0301')).toBe('\u00e9');
  });
});

describe('normaliseLine', () => {
  it('collapses whitespace and line breaks to single spaces', () => {
    expect(normaliseLine('  Ada \n\t Lovelace\u0000 ')).toBe('Ada Lovelace');
  });
});

describe('countLinks', () => {
  it.each([
    ['no links here', 0],
    ['see https://a.example/x and http://b.example', 2],
    ['www.example.com and ftp://files.example', 2],
    ['<a href="x">y</a>', 1],
    ['example.com alone is not counted', 0],
  ])('%s → %i', (text, count) => {
    expect(countLinks(text)).toBe(count);
  });
});

describe('findBlockedWord', () => {
  it('matches whole words and phrases, ignoring case and compatibility forms', () => {
    expect(findBlockedWord(['Visit my CASINO'], ['casino'])).toBe('casino');
    expect(findBlockedWord(['ｃａｓｉｎｏ night'], ['casino'])).toBe('casino');
    expect(findBlockedWord(['cheap pills here'], ['cheap pills'])).toBe('cheap pills');
    expect(findBlockedWord(['a class act'], ['ass'])).toBeNull();
    expect(findBlockedWord(['anything'], [])).toBeNull();
    expect(findBlockedWord(['a (b) c'], ['(b)'])).toBe('(b)');
  });
});

describe('toSafeHtml', () => {
  it('escapes every HTML-significant character and keeps paragraphs and line breaks', () => {
    expect(toSafeHtml('<b>"x" & \'y\'</b>\nline\n\npara')).toBe('<p>&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;<br>line</p><p>para</p>');
  });

  it('never lets a tag through, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const html = toSafeHtml(text).replace(/<\/?p>|<br>/g, '');
        expect(html).not.toMatch(/[<>"']/);
        expect(escapeHtml(text).length).toBeGreaterThanOrEqual(text.length);
      })
    );
  });
});

describe('senderNetwork', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (ip, network) => {
    expect(senderNetwork(ip as any)).toBe(network);
  });
});
