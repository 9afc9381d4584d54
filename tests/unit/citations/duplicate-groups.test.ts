import { findDuplicateGroups, normaliseDoi } from '@cited-articles/server/src/citations';

describe('normaliseDoi', () => {
  it('drops resolver and doi: prefixes and folds case', () => {
    expect(normaliseDoi('https://doi.org/10.1000/ABC')).toBe('10.1000/abc');
    expect(normaliseDoi('http://dx.doi.org/10.1000/abc')).toBe('10.1000/abc');
    expect(normaliseDoi(' doi: 10.1000/Abc ')).toBe('10.1000/abc');
  });
  it('returns null for anything that is not a DOI', () => {
    expect(normaliseDoi('')).toBeNull();
    expect(normaliseDoi(null)).toBeNull();
    expect(normaliseDoi('https://example.org')).toBeNull();
  });
});

describe('findDuplicateGroups', () => {
  const source = (documentId: string, data: Record<string, string | null>) => ({ documentId, ...data });

  it('groups sources by normalised URL and by DOI, in library order', () => {
    const library = [
      source('a', { url: 'https://www.example.org/x/?utm_medium=mail' }),
      source('b', { url: 'http://example.org/x' }),
      source('c', { url: 'https://example.org/y', doi: '10.1/Q' }),
      source('d', { doi: 'doi:10.1/q' }),
      source('e', { url: 'not a url', doi: 'nope' }),
      source('f', { url: 'not a url' }),
    ];
    expect(findDuplicateGroups(library).map((group) => [group.reason, group.value, group.sources.map((s) => s.documentId)])).toEqual([
      ['url', 'https://example.org/x', ['a', 'b']],
      ['doi', '10.1/q', ['c', 'd']],
    ]);
  });

  it('finds nothing in a library without repeats', () => {
    expect(findDuplicateGroups([source('a', { url: 'https://a.org' }), source('b', { url: 'https://b.org' })])).toEqual([]);
  });
});
