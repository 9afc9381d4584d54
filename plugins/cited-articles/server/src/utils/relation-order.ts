/**
 * Applies a Document Service relation payload with positions (`connect` items carrying
 * `position: { start | end | before | after }`, and `disconnect`) to an ordered list of documentIds.
 *
 * Why: on MySQL/MariaDB Strapi stores relation order in an UNSIGNED column and computes a negative
 * order when an item moves to the start of a list, so the Content Manager's drag-to-top answers 500
 * (strapi/strapi#15987, fix pending in #27653). Turning the payload into a plain `set` in the final
 * order gives the same result on every database without negative order values.
 */
type Position = { start?: boolean; end?: boolean; before?: string; after?: string };
type Item = string | { documentId?: string; position?: Position };

const idOf = (item: Item) => (typeof item === 'string' ? item : item?.documentId);

/** The new order, or null when the payload is not one this function can reproduce exactly. */
export function applyRelationPayload(current: string[], payload: unknown): string[] | null {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const { connect = [], disconnect = [], set } = payload as { connect?: Item[]; disconnect?: Item[]; set?: unknown };
  if (set !== undefined || !Array.isArray(connect) || !Array.isArray(disconnect)) return null;
  if ([...connect, ...disconnect].some((item) => typeof idOf(item) !== 'string')) return null;

  const list = current.filter((id) => !disconnect.some((item) => idOf(item) === id));
  for (const item of connect) {
    const id = idOf(item) as string;
    const position = typeof item === 'string' ? undefined : item.position;
    const existing = list.indexOf(id);
    if (!position && existing !== -1) continue; // connecting an item already there keeps its place
    if (existing !== -1) list.splice(existing, 1);
    const anchor = position?.before ?? position?.after;
    const anchorIndex = anchor === undefined ? -1 : list.indexOf(anchor);
    if (position?.start) list.unshift(id);
    else if (anchorIndex !== -1) list.splice(position?.before !== undefined ? anchorIndex : anchorIndex + 1, 0, id);
    else list.push(id);
  }
  return list;
}

/** True when a payload moves something to the start: the case MySQL cannot store. */
export const movesToStart = (payload: unknown) =>
  Boolean(
    payload &&
    typeof payload === 'object' &&
    Array.isArray((payload as { connect?: unknown }).connect) &&
    (payload as { connect: Item[] }).connect.some((item) => typeof item === 'object' && item !== null && item.position?.start === true)
  );
