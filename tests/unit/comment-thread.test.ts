import { buildThreads, replyDepthProblem } from '@cited-articles/server/src/comments/thread';

const c = (documentId: string, parent: string | null, depth: number) => ({ documentId, parent, depth });
const shape = (nodes: any[]): any[] => nodes.map((n) => (n.replies.length ? { [n.documentId]: shape(n.replies) } : n.documentId));

describe('buildThreads', () => {
  it('nests replies under their parents in the order given', () => {
    const tree = buildThreads([c('a', null, 0), c('b', null, 0)], [c('a1', 'a', 1), c('b1', 'b', 1), c('a1x', 'a1', 2), c('a2', 'a', 1)], 3);
    expect(shape(tree)).toEqual([{ a: [{ a1: ['a1x'] }, 'a2'] }, { b: ['b1'] }]);
  });

  it('drops replies whose parent is not shown, and everything under them', () => {
    const tree = buildThreads([c('a', null, 0)], [c('orphan', 'hidden', 1), c('below', 'orphan', 2), c('a1', 'a', 1)], 3);
    expect(shape(tree)).toEqual([{ a: ['a1'] }]);
  });

  it('drops replies deeper than maxDepth', () => {
    const replies = [c('a1', 'a', 1), c('a1x', 'a1', 2)];
    expect(shape(buildThreads([c('a', null, 0)], replies, 1))).toEqual([{ a: ['a1'] }]);
    expect(shape(buildThreads([c('a', null, 0)], replies, 0))).toEqual(['a']);
  });

  it('survives a cycle in bad data', () => {
    const tree = buildThreads([c('a', null, 0)], [c('x', 'y', 1), c('y', 'x', 1), c('a1', 'a', 1)], 3);
    expect(shape(tree)).toEqual([{ a: ['a1'] }]);
  });
});

describe('replyDepthProblem', () => {
  it('allows a reply up to comments.maxDepth and says why past it', () => {
    expect(replyDepthProblem(0, 2)).toBeNull();
    expect(replyDepthProblem(1, 2)).toBeNull();
    expect(replyDepthProblem(2, 2)).toBe('replies nest at most 2 levels deep');
    expect(replyDepthProblem(1, 1)).toBe('replies nest at most 1 level deep');
    expect(replyDepthProblem(0, 0)).toBe('replies are turned off (comments.maxDepth is 0)');
  });
});
