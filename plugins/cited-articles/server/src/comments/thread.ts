/**
 * Builds the public comment tree from flat rows: pure, unit-tested on its own.
 *
 * A reply is shown only when every comment above it is shown too: if a moderator sends a parent
 * back to pending, its approved replies disappear with it instead of floating without context.
 */
export interface FlatComment {
  documentId: string;
  parent: string | null;
  depth: number;
}

export type Threaded<T> = T & { replies: Array<Threaded<T>> };

/**
 * Nests `replies` under `roots`, in the order given (the caller sorts them), dropping any reply
 * whose parent is not in the tree and any deeper than `maxDepth` (roots have depth 0).
 */
export const buildThreads = <T extends FlatComment>(roots: T[], replies: T[], maxDepth: number): Array<Threaded<T>> => {
  const nodes = new Map<string, Threaded<T>>();
  const tree = roots.map((root) => {
    const node = { ...root, replies: [] } as Threaded<T>;
    nodes.set(root.documentId, node);
    return node;
  });
  const children = new Map<string, T[]>();
  for (const reply of replies) {
    if (!reply.parent || reply.depth > maxDepth) continue;
    const list = children.get(reply.parent) ?? [];
    list.push(reply);
    children.set(reply.parent, list);
  }
  // Breadth-first from the roots: a reply is attached only once its parent is attached.
  const queue = [...tree];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const child of children.get(node.documentId) ?? []) {
      if (nodes.has(child.documentId)) continue;
      const childNode = { ...child, replies: [] } as Threaded<T>;
      nodes.set(child.documentId, childNode);
      node.replies.push(childNode);
      queue.push(childNode);
    }
  }
  return tree;
};

/**
 * Why a reply to a comment at `parentDepth` cannot be written under `comments.maxDepth`, or null
 * when it can: the same words whoever replies (a reader or the newsroom).
 */
export const replyDepthProblem = (parentDepth: number, maxDepth: number): string | null => {
  if (parentDepth + 1 <= maxDepth) return null;
  return maxDepth === 0
    ? 'replies are turned off (comments.maxDepth is 0)'
    : `replies nest at most ${maxDepth} level${maxDepth === 1 ? '' : 's'} deep`;
};
