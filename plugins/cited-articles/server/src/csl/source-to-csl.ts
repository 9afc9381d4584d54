import { isSafeUrl } from '../citations/is-safe-url';
import type { CitableSource, SourceType } from '../citations/types';

/** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  'citation-key'?: string;
  'container-title'?: string;
  publisher?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  DOI?: string;
  language?: string;
  genre?: string;
  custom?: { archiveUrl?: string };
  [field: string]: unknown;
}

export const CSL_TYPE_OF: Record<SourceType, string> = {
  news: 'article-newspaper',
  web: 'webpage',
  journal: 'article-journal',
  book: 'book',
  report: 'report',
  other: 'document',
};

/** Types whose publisher is the container (the newspaper, site or journal the piece is in). */
const IN_CONTAINER = new Set<string>(['news', 'web', 'journal']);

const dateParts = (value: string | null | undefined) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return match ? { 'date-parts': [[Number(match[1]), Number(match[2]), Number(match[3])]] } : undefined;
};

/**
 * "Jane Doe" → { given: "Jane", family: "Doe" }; "Doe, Jane" likewise. A single word or a name
 * in braces ("{Reuters Staff}") is kept whole as a literal, since it is usually an organisation.
 */
export const parseAuthor = (name: string) => {
  const text = name.replace(/\s+/g, ' ').trim();
  const braced = /^\{(.+)\}$/.exec(text);
  if (braced) return { literal: braced[1] };
  if (text.includes(',')) {
    const [family, ...given] = text.split(',');
    return { family: family.trim(), given: given.join(',').trim() };
  }
  const words = text.split(' ');
  if (words.length < 2) return { literal: text };
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] };
};

const clean = (value: string | null | undefined) =>
  typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : undefined;

/**
 * A source as a CSL-JSON item, for formatting and export. URLs other than absolute http(s) are
 * left out, so that no style and no export format ever carries a `javascript:` link.
 */
export function sourceToCsl(source: CitableSource): CslItem {
  const type = (source.type ?? 'news') as SourceType;
  const item: CslItem = { id: source.key, 'citation-key': source.key, type: CSL_TYPE_OF[type] ?? 'document' };
  const title = clean(source.title);
  if (title) item.title = title;
  const publisher = clean(source.publisher);
  if (publisher) item[IN_CONTAINER.has(type) ? 'container-title' : 'publisher'] = publisher;
  const authors = (source.authors ?? []).map(clean).filter((name): name is string => !!name);
  if (authors.length > 0) item.author = authors.map(parseAuthor);
  const issued = dateParts(source.publishedDate);
  if (issued) item.issued = issued;
  const accessed = dateParts(source.accessedDate);
  if (accessed) item.accessed = accessed;
  if (isSafeUrl(source.url)) item.URL = (source.url as string).trim();
  const doi = clean(source.doi);
  if (doi) item.DOI = doi;
  const language = clean(source.language);
  if (language) item.language = language;
  if (isSafeUrl(source.archiveUrl)) item.custom = { archiveUrl: (source.archiveUrl as string).trim() };
  return item;
}
