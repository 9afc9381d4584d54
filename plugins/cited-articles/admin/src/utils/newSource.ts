import type { LookedUpSource, NameRole, SourceName } from '../../../shared/engine';

/** The name lists of a source: edited with the names editor, not as text. */
export type NameField = NameRole;
/** The fields edited in a text input: all but the name lists and the type. */
export type TextField = Exclude<keyof LookedUpSource, NameField | 'type'>;

/** What the Content Manager's create route is sent: blank text and empty name lists as null. */
export type NewSource = { [K in keyof LookedUpSource]: K extends NameField ? SourceName[] | null : LookedUpSource[K] };

const blank = (value: string | null): string | null => (value !== null && value.trim() !== '' ? value.trim() : null);

/** A looked-up source, as checked and edited in the form, ready to be created. */
export const toNewSource = (fields: LookedUpSource): NewSource => ({
  ...fields,
  title: fields.title.trim(),
  containerTitle: blank(fields.containerTitle),
  publisher: blank(fields.publisher),
  publisherPlace: blank(fields.publisherPlace),
  url: blank(fields.url),
  publishedDate: blank(fields.publishedDate),
  accessedDate: blank(fields.accessedDate),
  doi: blank(fields.doi),
  language: blank(fields.language),
  volume: blank(fields.volume),
  issue: blank(fields.issue),
  pages: blank(fields.pages),
  edition: blank(fields.edition),
  isbn: blank(fields.isbn),
  issn: blank(fields.issn),
  number: blank(fields.number),
  genre: blank(fields.genre),
  authors: fields.authors.length > 0 ? fields.authors : null,
  editors: fields.editors.length > 0 ? fields.editors : null,
  translators: fields.translators.length > 0 ? fields.translators : null,
});
