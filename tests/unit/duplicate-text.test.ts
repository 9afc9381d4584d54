import { contentFingerprint, duplicateText } from '@cited-articles/server/src/comments/duplicate-text';

describe('duplicateText', () => {
  it('folds case, compatibility forms and whitespace runs, and trims', () => {
    expect(duplicateText('  Great \t Article\n\n\nREAD  it ')).toBe('great article read it');
    expect(duplicateText('Ｇｒｅａｔ\u00a0ﬁne')).toBe('great fine');
    expect(duplicateText('great article')).toBe(duplicateText('Great  ARTICLE'));
    expect(duplicateText('great article')).not.toBe(duplicateText('great articles'));
  });

  it('keys the fingerprint on the article as well as the text', () => {
    expect(contentFingerprint('a', 'Great  article')).toBe(contentFingerprint('a', 'great article'));
    expect(contentFingerprint('a', 'great article')).not.toBe(contentFingerprint('b', 'great article'));
    expect(contentFingerprint('a', 'x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('runs in linear time on long whitespace runs between words (generous guard)', () => {
    const hostile = 'a'.concat(' \t'.repeat(500_000), 'b', ' x'.repeat(500_000));
    const started = Date.now();
    expect(duplicateText(hostile).length).toBe(1_000_003);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
