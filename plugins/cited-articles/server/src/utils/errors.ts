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
