import { errors, validateZodSchema } from '@strapi/utils';
import createHttpError from 'http-errors';
import type { z } from '@strapi/utils';
import { errorChain } from './error-chain';

/** One failing field, as Strapi's validators list them in a ValidationError's details. */
interface FieldIssue {
  path: string[];
  message: string;
  name: string;
}

const issuesOf = (details: unknown): FieldIssue[] => {
  const listed = (details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(listed) ? (listed as FieldIssue[]) : [];
};

/**
 * Parses `input` with a zod schema, or throws Strapi's ValidationError (400) whose message names
 * what to fix and whose details list every failing field, in the shape Strapi's own validators use.
 *
 * Validation itself is @strapi/utils' validateZodSchema (the same zod and the same details as
 * Strapi's). This wrapper only rewrites the message: validateZodSchema's is the first issue's text
 * alone ("content is required"), where the plugin's says what was invalid and where
 * ("Invalid comment. content: content is required"), which clients and tests rely on.
 */
export const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> => {
  try {
    return validateZodSchema(schema)(input);
  } catch (error) {
    if (!(error instanceof errors.ValidationError)) throw error;
    const first = issuesOf(error.details)[0];
    if (!first) throw error;
    const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    throw new errors.ValidationError(`Invalid ${what}. ${where}${first.message}`, error.details);
  }
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
export const isUniqueViolation = (error: unknown): boolean => {
  for (const current of errorChain(error)) {
    if (current.code === '23505' || current.code === 'ER_DUP_ENTRY' || current.errno === 1062) return true;
    if (typeof current.code === 'string' && current.code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) return true;
    if (/UNIQUE constraint failed|duplicate key value|Duplicate entry/i.test(String(current.message ?? ''))) return true;
  }
  return false;
};

/**
 * 422 and 503 for work the worker pool refused (services/platform/work-pool.ts). Strapi's error classes have
 * neither status, but its error middleware answers any http-errors error with that error's status
 * in Strapi's shape ({ data: null, error: { status, name, message, details } }), from a controller,
 * a policy or a Document Service middleware alike. `expose` keeps the 503's message (http-errors
 * hides the message of a 5xx by default).
 */
export const workTooComplexError = (what: string, timeoutMs: number) =>
  createHttpError(
    422,
    `${what} is too complex to process within the limit of ${timeoutMs} ms of work (the plugin option workers.timeoutMs); nothing was written. Split it, or remove some of its citations or nesting.`,
    { details: { limit: 'workers.timeoutMs', timeoutMs } }
  );

export const workTooLargeError = (what: string, maxMemoryMb: number) =>
  createHttpError(
    422,
    `${what} is too complex to process within the limit of ${maxMemoryMb} MB of memory (the plugin option workers.maxMemoryMb); nothing was written. Split it, or remove some of its citations or nesting.`,
    { details: { limit: 'workers.maxMemoryMb', maxMemoryMb } }
  );

export const workQueueFullError = (retryAfterSeconds: number) =>
  createHttpError(503, `The server is busy processing other articles; nothing was written. Try again in ${retryAfterSeconds} seconds.`, {
    expose: true,
    details: { limit: 'workers.maxQueue', retryAfterSeconds },
  });

/** A refusal by the worker pool (either of the two above). */
export const isWorkRefusal = (error: unknown): error is createHttpError.HttpError =>
  createHttpError.isHttpError(error) &&
  (error.status === 422 || error.status === 503) &&
  typeof (error.details as { limit?: unknown } | undefined)?.limit === 'string';
