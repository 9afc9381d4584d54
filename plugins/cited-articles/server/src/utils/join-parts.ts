/** The names that two of these parts both expose (never when each name has one part). */
type SharedNames<Parts extends readonly object[], Seen extends PropertyKey = never> = Parts extends readonly [
  infer Head extends object,
  ...infer Rest extends readonly object[],
]
  ? (keyof Head & Seen) | SharedNames<Rest, Seen | keyof Head>
  : never;

type Joined<Parts extends readonly object[]> = Parts extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? Head & Joined<Rest>
  : unknown;

type Flat<T> = { [Name in keyof T]: T[Name] };

/**
 * A domain service made of its parts: each part's methods, getters included, under the names the
 * part gives them. Two parts exposing the same name is a type error (and throws), so that no part
 * silently hides another's method.
 */
export const joinParts = <const Parts extends readonly object[]>(
  ...parts: Parts & ([SharedNames<Parts>] extends [never] ? unknown : { 'exposed by two parts': SharedNames<Parts> })
): Flat<Joined<Parts>> => {
  const joined = {};
  for (const part of parts as Parts) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(part))) {
      if (Object.prototype.hasOwnProperty.call(joined, name)) throw new Error(`Two parts of a service expose "${name}".`);
      Object.defineProperty(joined, name, descriptor);
    }
  }
  return joined as Flat<Joined<Parts>>;
};
