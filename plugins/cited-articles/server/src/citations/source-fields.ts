import sourceSchema from '../content-types/source/schema.json';
import type { SourceType } from './types';

/**
 * The descriptive fields of a source: what an editor fills in, an import reads, a lookup finds and
 * the public sees (besides `documentId` and `key`). One definition for the import, the lookups and
 * the public shape, so a new field is added in one place.
 */
export interface SourceFields {
  title: string;
  publisher: string | null;
  authors: string[];
  url: string | null;
  /** 'YYYY-MM-DD' */
  publishedDate: string | null;
  accessedDate: string | null;
  archiveUrl: string | null;
  doi: string | null;
  type: SourceType;
  language: string | null;
}

/** The text fields of a source that have a maximum length. */
export type LimitedSourceField = 'title' | 'publisher' | 'url' | 'archiveUrl' | 'doi' | 'language';

const attributes = sourceSchema.attributes;

/**
 * Maximum lengths, read from the source content type (which refuses longer values on save), so an
 * import or a lookup cuts a value where the schema would refuse it.
 */
export const SOURCE_MAX_LENGTH: Record<LimitedSourceField, number> = {
  title: attributes.title.maxLength,
  publisher: attributes.publisher.maxLength,
  url: attributes.url.maxLength,
  archiveUrl: attributes.archiveUrl.maxLength,
  doi: attributes.doi.maxLength,
  language: attributes.language.maxLength,
};
