/** A URL parameter read as one of the values a page knows, or the page's default for any other. */
export const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T => values.find((known) => known === value) ?? fallback;
