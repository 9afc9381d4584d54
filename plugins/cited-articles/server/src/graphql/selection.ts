import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the query selects `field` directly on the object this resolver returns, through
 * fragments too. Used to skip work whose only output is a field nobody asked for.
 */
export const selectsField = (info: GraphQLResolveInfo, field: string): boolean => {
  const visited = new Set<string>();
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') return selection.name.value === field;
      if (selection.kind === 'InlineFragment') return inSet(selection.selectionSet);
      const name = selection.name.value;
      // A fragment spread twice is looked at once (and a cycle, refused by validation anyway, ends).
      if (visited.has(name)) return false;
      visited.add(name);
      return inSet(info.fragments[name]?.selectionSet);
    });
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
};
