/**
 * Reading remote JSON (Crossref, Open Library, the Wayback Machine, a page's JSON-LD): any key may
 * be missing or hold another type than documented, so values stay `unknown` until checked.
 */

/** A parsed JSON object (or array): its keys may hold anything. */
export type RemoteObject = { readonly [key: string]: unknown };

/** `value` if it is an object (arrays included, as `value?.[key]` would read them), else null. */
export const asObject = (value: unknown): RemoteObject | null => (typeof value === 'object' && value !== null ? (value as RemoteObject) : null);

/** `value[key]`, or undefined when `value` is not an object: optional chaining for unknown data. */
export const at = (value: unknown, key: string): unknown => asObject(value)?.[key];

/** `value` if it is an array, else an empty list. */
export const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
