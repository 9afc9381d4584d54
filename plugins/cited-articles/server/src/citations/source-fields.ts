import sourceSchema from '../content-types/source/schema.json';
import type { SourceName, SourceType } from './types';

/**
 * The descriptive fields of a source: what an editor fills in, an import reads, a lookup finds and
 * the public sees (besides `documentId` and `key`). One definition for the import, the lookups and
 * the public shape, so a new field is added in one place. They follow CSL-JSON's variables
 * (csl/source-to-csl.ts maps them both ways), so a reference manager's record fits without loss.
 */
export interface SourceFields {
  title: string;
  containerTitle: string | null;
  publisher: string | null;
  publisherPlace: string | null;
  authors: SourceName[];
  editors: SourceName[];
  translators: SourceName[];
  url: string | null;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' */
  publishedDate: string | null;
  accessedDate: string | null;
  archiveUrl: string | null;
  doi: string | null;
  type: SourceType;
  language: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  edition: string | null;
  isbn: string | null;
  issn: string | null;
  number: string | null;
  genre: string | null;
}

/** The names of SourceFields, in the order the public answers (REST and GraphQL) list them. */
export const SOURCE_FIELD_NAMES = [
  'title',
  'containerTitle',
  'publisher',
  'publisherPlace',
  'authors',
  'editors',
  'translators',
  'url',
  'publishedDate',
  'accessedDate',
  'archiveUrl',
  'doi',
  'type',
  'language',
  'volume',
  'issue',
  'pages',
  'edition',
  'isbn',
  'issn',
  'number',
  'genre',
] as const satisfies ReadonlyArray<keyof SourceFields>;
type SourceFieldName = (typeof SOURCE_FIELD_NAMES)[number];

/** The fields without a length to cut at: lists of names, dates (checked as dates) and the type (an enumeration). */
const UNLIMITED_SOURCE_FIELDS = ['authors', 'editors', 'translators', 'publishedDate', 'accessedDate', 'type'] as const;
export type LimitedSourceField = Exclude<SourceFieldName, (typeof UNLIMITED_SOURCE_FIELDS)[number]>;

/** The text fields of a source that have a maximum length (SOURCE_MAX_LENGTH). */
export const LIMITED_SOURCE_FIELDS = SOURCE_FIELD_NAMES.filter(
  (field): field is LimitedSourceField => !(UNLIMITED_SOURCE_FIELDS as readonly string[]).includes(field)
);

const attributes = sourceSchema.attributes;

/**
 * Maximum lengths, read from the source content type (which refuses longer values on save), so an
 * import or a lookup cuts a value where the schema would refuse it.
 */
export const SOURCE_MAX_LENGTH: Record<LimitedSourceField, number> = Object.fromEntries(
  LIMITED_SOURCE_FIELDS.map((field) => [field, attributes[field].maxLength])
) as Record<LimitedSourceField, number>;

/** A source with nothing filled in but its title: the base a lookup or an import fills. */
export const emptySourceFields = (title: string): SourceFields => ({
  title,
  containerTitle: null,
  publisher: null,
  publisherPlace: null,
  authors: [],
  editors: [],
  translators: [],
  url: null,
  publishedDate: null,
  accessedDate: null,
  archiveUrl: null,
  doi: null,
  type: 'other',
  language: null,
  volume: null,
  issue: null,
  pages: null,
  edition: null,
  isbn: null,
  issn: null,
  number: null,
  genre: null,
});
