import fc from 'fast-check';
import { countReferences, readReferenceTargets, referenceTargets, resolveCitations, type CitableSource } from '@cited-articles/server/src/citations';

const source = (documentId: string, key: string): CitableSource => ({ documentId, key, title: key });

describe('reference targets', () => {
  it('keeps the distinct keys and positions of valid markers only', () => {
    const targets = referenceTargets('A [@a] b [@a; @b, p. 3] [2] [2] [0] `[@code]` [1, 2] [@] [-1] [sic]');
    expect(targets.keys).toEqual(['a', 'b']);
    expect(targets.positions).toEqual([2, 0]);
    expect(referenceTargets(null)).toMatchObject({ keys: [], positions: [] });
  });

  it('counts a source reached by key and by position once', () => {
    const listed = [source('d1', 'a'), source('d2', 'b')];
    expect(countReferences(referenceTargets('[1] [@a]'), listed)).toBe(1);
    // The same body after the list is reordered: [1] is now b.
    expect(countReferences(referenceTargets('[1] [@a]'), [...listed].reverse())).toBe(2);
    expect(countReferences(referenceTargets('[@lib] [@nope] [9]'), listed, {}, [source('d3', 'lib')])).toBe(1);
  });

  it('reads back only well-formed targets of this version', () => {
    const targets = referenceTargets('[@a] [1]');
    expect(readReferenceTargets(targets)).toEqual(targets);
    expect(readReferenceTargets(JSON.stringify(targets))).toEqual(targets);
    expect(readReferenceTargets(null)).toBeNull();
    expect(readReferenceTargets({ ...targets, version: 0 })).toBeNull();
    expect(readReferenceTargets({ ...targets, keys: [1] })).toBeNull();
    expect(readReferenceTargets('{not json')).toBeNull();
  });

  it('agrees with resolveCitations on the number of references, for any body and sources', () => {
    const fragment = fc.constantFrom(
      '[@a]',
      '[@b]',
      '[@c]',
      '[@a; @c]',
      '[@b, p. 2]',
      '[0]',
      '[1]',
      '[2]',
      '[3]',
      '[7]',
      ' ',
      'x',
      '`',
      '\n',
      '[',
      ']',
      '\\',
      '[01]',
      '[@]'
    );
    const body = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));
    const sourceArb = fc
      .record({ documentId: fc.constantFrom('d1', 'd2', 'd3', 'd4'), key: fc.constantFrom('a', 'b', 'c', '') })
      .map(({ documentId, key }) => source(documentId, key));
    fc.assert(
      fc.property(
        body,
        fc.array(sourceArb, { maxLength: 5 }),
        fc.array(sourceArb, { maxLength: 3 }),
        fc.constantFrom<0 | 1>(0, 1),
        (text, listed, library, numberingStart) => {
          const expected = resolveCitations(text, listed, { numberingStart }, library).references.length;
          expect(countReferences(referenceTargets(text), listed, { numberingStart }, library)).toBe(expected);
        }
      ),
      { numRuns: 500 }
    );
  });
});
