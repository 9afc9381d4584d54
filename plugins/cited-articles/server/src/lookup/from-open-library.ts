import { cleanNames } from '../citations/names';
import { emptySourceFields } from '../citations/source-fields';
import { normaliseDate } from './normalise-date';
import { capped, SOURCE_MAX_LENGTH, text, type LookedUpSource } from './looked-up-source';
import { asObject, at } from './remote-json';

/**
 * Open Library's answer to `/api/books?bibkeys=ISBN:<isbn>&format=json&jscmd=data` as source
 * fields, or null when it knows no book with that ISBN (it then answers `{}`).
 */
export function sourceFromOpenLibrary(answer: unknown, isbn: string): LookedUpSource | null {
  const book = asObject(at(answer, `ISBN:${isbn}`));
  if (!book) return null;
  const title = text([text(book.title), text(book.subtitle)].filter(Boolean).join(': '));
  if (!title) return null;
  const names = (list: unknown) => (Array.isArray(list) ? list : []).map((entry) => text(at(entry, 'name'))).filter((name): name is string => !!name);
  const year = /^\d{4}$/.test(String(book.publish_date ?? '').trim());
  const { archiveUrl: _archive, ...empty } = emptySourceFields(title);
  return {
    ...empty,
    title: capped(title, SOURCE_MAX_LENGTH.title)!,
    publisher: capped(names(book.publishers)[0] ?? null, SOURCE_MAX_LENGTH.publisher),
    authors: cleanNames(names(book.authors)),
    url: typeof book.url === 'string' && /^https?:\/\//i.test(book.url) ? capped(book.url, SOURCE_MAX_LENGTH.url) : null,
    // Open Library mostly gives a year or "May 2004", which a date field cannot hold.
    publishedDate: year ? null : normaliseDate(book.publish_date),
    accessedDate: null,
    doi: null,
    type: 'book',
    language: null,
  };
}
