import { errors } from '@strapi/utils';
import type { z } from 'zod';

/**
 * Parses `input` with a zod schema, or throws Strapi's ValidationError (400) whose message names
 * what to fix and whose details list every failing field, in the shape Strapi's own validators use.
 */
export const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
    name: 'ValidationError',
  }));
  const first = issues[0];
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  throw new errors.ValidationError(`Invalid ${what}. ${where}${first.message}`, { errors: issues });
};

/** A 400 about one field, in the same shape as parseOrThrow's. */
export const fieldError = (what: string, path: string, message: string) =>
  new errors.ValidationError(`Invalid ${what}. ${path}: ${message}`, {
    errors: [{ path: [path], message, name: 'ValidationError' }],
  });

/**
 * 409. Strapi's error classes have no conflict error and answer any other ApplicationError with
 * 400, so a controller that meets this one answers it with ctx.conflict(message, details), which
 * gives Strapi's error shape with status 409 and name "ConflictError".
 */
export class ConflictError extends errors.ApplicationError<'ConflictError'> {
  constructor(message: string, details?: unknown) {
    super(message, details);
    this.name = 'ConflictError';
  }
}

/** A unique index refused a row (SQLite, PostgreSQL and MySQL/MariaDB say it differently). */
export const isUniqueViolation = (error: any): boolean => {
  for (let current = error; current; current = current.cause) {
    if (current.code === '23505' || current.code === 'ER_DUP_ENTRY' || current.errno === 1062) return true;
    if (typeof current.code === 'string' && current.code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) return true;
    if (/UNIQUE constraint failed|duplicate key value|Duplicate entry/i.test(String(current.message ?? ''))) return true;
  }
  return false;
};
