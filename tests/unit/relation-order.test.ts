import { applyRelationPayload, movesToStart } from '@cited-articles/server/src/utils/relation-order';

describe('applyRelationPayload', () => {
  const list = ['a', 'b', 'c'];

  it('moves an item to the start, end, before or after another', () => {
    expect(applyRelationPayload(list, { connect: [{ documentId: 'c', position: { start: true } }] })).toEqual(['c', 'a', 'b']);
    expect(applyRelationPayload(list, { connect: [{ documentId: 'a', position: { end: true } }] })).toEqual(['b', 'c', 'a']);
    expect(applyRelationPayload(list, { connect: [{ documentId: 'c', position: { before: 'b' } }] })).toEqual(['a', 'c', 'b']);
    expect(applyRelationPayload(list, { connect: [{ documentId: 'a', position: { after: 'b' } }] })).toEqual(['b', 'a', 'c']);
  });

  it('adds new items, disconnects others, and applies connects in order', () => {
    expect(
      applyRelationPayload(list, {
        connect: [{ documentId: 'd', position: { start: true } }, { documentId: 'e', position: { after: 'd' } }, 'f'],
        disconnect: [{ documentId: 'b' }],
      })
    ).toEqual(['d', 'e', 'a', 'c', 'f']);
  });

  it('keeps an already connected item in place when no position is given, and appends on a missing anchor', () => {
    expect(applyRelationPayload(list, { connect: ['b'] })).toEqual(list);
    expect(applyRelationPayload(list, { connect: [{ documentId: 'x', position: { before: 'zz' } }] })).toEqual([...list, 'x']);
  });

  it('declines payloads it cannot reproduce exactly', () => {
    expect(applyRelationPayload(list, ['a'])).toBeNull();
    expect(applyRelationPayload(list, { set: ['a'] })).toBeNull();
    expect(applyRelationPayload(list, { connect: [{ id: 3 }] })).toBeNull();
    expect(applyRelationPayload(list, null)).toBeNull();
  });

  it('detects a move to the start', () => {
    expect(movesToStart({ connect: [{ documentId: 'a', position: { start: true } }] })).toBe(true);
    expect(movesToStart({ connect: [{ documentId: 'a', position: { end: true } }] })).toBe(false);
    expect(movesToStart(['a'])).toBe(false);
  });
});
