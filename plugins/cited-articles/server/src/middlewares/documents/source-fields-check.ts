import { errors } from '@strapi/utils';
import { cleanNames } from '../../citations/names';
import { normalisePartialDate } from '../../citations/partial-date';
import { NAME_ROLES } from '../../citations/types';
import { DATE_FIELDS, fieldPath, sourceWriteData } from '../../validation/source-fields';
import { SOURCE_UID } from '../../../../shared/uids';
import type { DocumentMiddlewareFactory } from './types';
import { paramsOf } from './types';

const CHECKED_ACTIONS = new Set<string>(['create', 'update', 'clone']);

/**
 * Checks a source write's names and dates, and stores them cleaned: names trimmed, dates as
 * 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' ('' clears a date). A bad value throws a ValidationError naming
 * the field and what to write. Changes `data` in place.
 */
export function checkSourceWriteData(data: Record<string, unknown>): void {
  const checked = sourceWriteData.safeParse(data);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => ({
      path: issue.path.map(String),
      message: `${fieldPath(issue.path)}: ${issue.message}`,
      name: 'ValidationError',
    }));
    throw new errors.ValidationError(problems.map((problem) => problem.message).join('; '), { errors: problems });
  }
  for (const role of NAME_ROLES) {
    if (Array.isArray(data[role])) data[role] = cleanNames(data[role]);
  }
  for (const field of DATE_FIELDS) {
    const value = data[field];
    if (value instanceof Date || (typeof value === 'string' && value.trim() !== '')) data[field] = normalisePartialDate(value);
    else if (value === '') data[field] = null;
  }
}

/**
 * A source's names and dates, checked on every write (the Content Manager, the Document Service of
 * seeds, any other plugin; an import checks its rows with checkSourceWriteData itself): the schema
 * stores names as JSON and checks a date's shape only, so without this a list of strings or
 * 2023-02-30 would be saved. A bad value answers 400 naming the field and what to write; a good one
 * is stored trimmed ('' clears a date).
 */
export const checkSourceFields: DocumentMiddlewareFactory = () => async (context, next) => {
  // A clone takes the fields its request overrides as `data` too (the Content Manager's duplicate).
  if (context.uid !== SOURCE_UID || !CHECKED_ACTIONS.has(context.action)) return next();
  const data = paramsOf(context).data;
  if (!data) return next();
  checkSourceWriteData(data);
  return next();
};
