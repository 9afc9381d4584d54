import { extractCitedKeys, keysMissingFrom } from '@cited-articles/server/src/citations';

describe('keysMissingFrom', () => {
  it('keeps the cited keys the article does not list, once each, in order of first use', () => {
    const cited = extractCitedKeys('[@b] then [@a; @c] and [@b] again, [@d]');
    expect(keysMissingFrom(cited, [{ key: 'a' }, { key: 'x' }])).toEqual(['b', 'c', 'd']);
  });

  it('reads an article without a loaded list of sources as listing none', () => {
    expect(keysMissingFrom(['a', 'a', 'b'], undefined)).toEqual(['a', 'b']);
    expect(keysMissingFrom(['a'], [{ key: null }])).toEqual(['a']);
  });

  it('answers nothing when every cited key is listed', () => {
    expect(keysMissingFrom(['a', 'b'], [{ key: 'b' }, { key: 'a' }])).toEqual([]);
  });
});
