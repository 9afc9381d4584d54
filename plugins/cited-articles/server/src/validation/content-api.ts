import { z } from '@strapi/utils';
import { INTERCHANGE_FORMAT_ERROR, INTERCHANGE_FORMATS } from '../interchange/formats';

// Same alphabet as Strapi's uid attributes: anything else (slashes, dots-dots, spaces, quotes)
// cannot be a slug or key, so it is rejected before any query runs.
const UID_PATTERN = /^[\w.~-]+$/;

const uidParam = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .min(1, `${name} is required`)
    .max(200, `${name} is at most 200 characters`)
    .regex(UID_PATTERN, `${name} may contain only letters, digits and - _ . ~`);

export const slugParams = z.object({ slug: uidParam('slug') });
export const keyParams = z.object({ key: uidParam('key') });

const positiveInt = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max}`);

export const paginationQuery = z.object({
  page: positiveInt('page', 100000).default(1),
  pageSize: positiveInt('pageSize', 100).default(25),
});

/** Strapi's query parser may nest `pagination[page]`; accept both that and flat `page`. */
export const readPagination = (query: Record<string, unknown>) => {
  const nested = (query.pagination ?? {}) as Record<string, unknown>;
  return {
    page: query.page ?? nested.page,
    pageSize: query.pageSize ?? nested.pageSize,
  };
};

const single = (name: string) => z.string({ error: `${name} must be given once, as text` }).max(100, `${name} is at most 100 characters`);

const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z\d]{2,8})*$/i;

/** `?locale=`: the content locale, as on Strapi's own routes (checked against the site's locales later). */
const contentLocale = single('locale').regex(LANGUAGE_TAG, 'locale must be a locale code such as en, fr or de-AT').optional();

/** Query of the routes that read one locale of the articles (lists, comments, exports). */
export const localeQuery = z.object({ locale: contentLocale });

/** Query of GET /articles/:slug. The style is checked against the registered styles later. */
export const articleQuery = z.object({
  style: single('style').optional(),
  locale: contentLocale,
  // The language of formatted references; without it, the article's own locale.
  referenceLocale: single('referenceLocale').regex(LANGUAGE_TAG, 'referenceLocale must be a language tag such as en-US or de-DE').optional(),
  format: z.enum(['json', 'html', 'jsonld'], { error: 'format must be "json", "html" or "jsonld"' }).optional(),
  status: z.enum(['published', 'draft'], { error: 'status must be "published" or "draft"' }).optional(),
});

/** Query of the export routes (references of an article, one source, "cite this article"). */
export const exportQuery = z.object({
  locale: contentLocale,
  format: z.enum(INTERCHANGE_FORMATS, { error: INTERCHANGE_FORMAT_ERROR }).default('bibtex'),
});
