import { z } from '@strapi/utils';
import { PERSON_PARTS } from '../citations/names';
import { toDateParts } from '../citations/partial-date';
import { NAME_ROLES } from '../citations/types';

/** Most names one role of a source may list. */
export const MAX_NAMES = 100;
/** Longest part of a name, in characters (as the schema's string fields: 255). */
export const MAX_NAME_PART = 255;

const NAME_KEYS = [...PERSON_PARTS, 'literal'] as const;
const DATE_FIELDS = ['publishedDate', 'accessedDate'] as const;

const NAME_SHAPE = 'a name is an object: a person { "family": "Doe", "given": "Jane" } or an organisation { "literal": "World Health Organization" }';
const DATE_FORMS = "write a year ('2004'), a year and month ('2023-03') or a day ('2023-03-05')";

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

const namePart = z.string({ error: 'must be text' }).max(MAX_NAME_PART, `is at most ${MAX_NAME_PART} characters`).optional().nullable();

/** One CSL name: a person (family and/or given, particles, suffix) or an organisation (literal alone). */
const sourceName = z
  .strictObject(Object.fromEntries(NAME_KEYS.map((key) => [key, namePart])) as Record<(typeof NAME_KEYS)[number], typeof namePart>, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown part ${issue.keys.map((key) => `"${key}"`).join(', ')}: a name has ${NAME_KEYS.join(', ')}`
        : NAME_SHAPE,
  })
  .superRefine((name, context) => {
    const person = PERSON_PARTS.some((part) => filled(name[part]));
    if (filled(name.literal) && person) {
      context.addIssue({ code: 'custom', message: 'a name is a person (family, given) or an organisation (literal), not both' });
    } else if (!filled(name.literal) && !filled(name.family) && !filled(name.given)) {
      context.addIssue({ code: 'custom', message: 'a name needs a family or given name (a person) or a literal (an organisation)' });
    }
  });

const sourceNames = z
  .array(sourceName, { error: `must be a list of names (${NAME_SHAPE})` })
  .max(MAX_NAMES, `lists at most ${MAX_NAMES} names`)
  .nullable()
  .optional();

const partialDate = z
  .union([z.string(), z.date()], { error: `must be a date as text: ${DATE_FORMS}` })
  .nullable()
  .optional()
  .refine((value) => value === null || value === undefined || value instanceof Date || value.trim() === '' || toDateParts(value) !== null, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a date that exists: ${DATE_FORMS}`,
  });

/** The fields of a source write that the schema alone cannot check (other fields pass through). */
export const sourceWriteData = z.looseObject({
  ...Object.fromEntries(NAME_ROLES.map((role) => [role, sourceNames])),
  ...Object.fromEntries(DATE_FIELDS.map((field) => [field, partialDate])),
});

/** 'authors[1].family', as an editor reads where the problem is. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? String(part) : `${text}.${String(part)}`),
    ''
  );
}

export { DATE_FIELDS };
