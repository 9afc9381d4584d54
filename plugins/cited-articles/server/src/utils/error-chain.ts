/** What database drivers put on their errors, and on the errors they wrap as `cause`. */
export interface DriverErrorFields {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
}

/** `error` and each error it wraps as `cause`, outermost first (knex and Strapi wrap drivers' errors). */
export function* errorChain(error: unknown): Generator<DriverErrorFields> {
  for (let current = error; typeof current === 'object' && current !== null; current = (current as { cause?: unknown }).cause) {
    yield current as DriverErrorFields;
  }
}
