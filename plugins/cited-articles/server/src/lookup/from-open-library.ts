import { emptySourceFields } from '../citations/source-fields';
import { normalisePartial } from './normalise-date';
import { capped, SOURCE_MAX_LENGTH, text, type LookedUpSource } from './looked-up-source';
import { namesFromLines } from './name-text';
import { asObject, at, listOf } from './remote-json';

/** The `name` of each entry of one of Open Library's lists (authors, publishers, publish_places). */
const names = (list: unknown): string[] =>
  listOf(list)
    .map((entry) => text(at(entry, 'name')))
    .filter((name): name is string => name !== null);

/** The ISBN as printed in the record, else the one asked for (ISBN-13, digits only). */
function isbnOf(book: Record<string, unknown>, isbn: string): string {
  const identifiers = at(book, 'identifiers');
  const written = [...listOf(at(identifiers, 'isbn_13')), ...listOf(at(identifiers, 'isbn_10'))]
    .map(text)
    .find((value) => value !== null && value.replace(/[\s-]/g, '') === isbn);
  return written ?? isbn;
}

/**
 * Open Library's answer to `/api/books?bibkeys=ISBN:<isbn>&format=json&jscmd=data` as source
 * fields, or null when it knows no book with that ISBN (it then answers `{}`). Keeps the year
 * ("2004"), year and month ("May 2004") or full date as given, the place, the edition, the ISBN
 * and the authors as names (an organisation kept whole: lookup/name-text.ts).
 */
export function sourceFromOpenLibrary(answer: unknown, isbn: string): LookedUpSource | null {
  const book = asObject(at(answer, `ISBN:${isbn}`));
  if (!book) return null;
  const title = text([text(book.title), text(book.subtitle)].filter(Boolean).join(': '));
  if (!title) return null;
  const { archiveUrl: _archive, ...empty } = emptySourceFields(title);
  return {
    ...empty,
    title: capped(title, SOURCE_MAX_LENGTH.title)!,
    publisher: capped(names(book.publishers)[0] ?? null, SOURCE_MAX_LENGTH.publisher),
    publisherPlace: capped(names(book.publish_places)[0] ?? null, SOURCE_MAX_LENGTH.publisherPlace),
    authors: namesFromLines(names(book.authors).slice(0, 100)),
    url: typeof book.url === 'string' && /^https?:\/\//i.test(book.url) ? capped(book.url, SOURCE_MAX_LENGTH.url) : null,
    publishedDate: normalisePartial(book.publish_date),
    edition: capped(text(book.edition_name), SOURCE_MAX_LENGTH.edition),
    isbn: capped(isbnOf(book, isbn), SOURCE_MAX_LENGTH.isbn),
    type: 'book',
  };
}
