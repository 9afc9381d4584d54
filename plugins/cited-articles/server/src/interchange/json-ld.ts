import { isSafeUrl } from '../citations/is-safe-url';
import type { CitableSource } from '../citations/types';

/** schema.org types of our source types; anything else is a plain CreativeWork. */
const SCHEMA_TYPE_OF: Record<string, string> = {
  news: 'NewsArticle',
  web: 'WebPage',
  journal: 'ScholarlyArticle',
  book: 'Book',
  report: 'Report',
};

const organisation = (name: string | null | undefined) =>
  typeof name === 'string' && name.trim() !== '' ? { '@type': 'Organization', name: name.trim() } : undefined;

const safe = (url: string | null | undefined) => (isSafeUrl(url) ? (url as string).trim() : undefined);

/** Drops undefined members so the JSON has no empty keys. */
const compact = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined && member !== null));

/** One cited source as a schema.org CreativeWork (with its more precise type as `additionalType`). */
export function sourceToCreativeWork(source: CitableSource) {
  const doi = typeof source.doi === 'string' && source.doi.trim() !== '' ? source.doi.trim() : undefined;
  return compact({
    '@type': 'CreativeWork',
    additionalType: SCHEMA_TYPE_OF[source.type ?? ''] ? `https://schema.org/${SCHEMA_TYPE_OF[source.type ?? '']}` : undefined,
    name: source.title,
    author: (source.authors ?? []).length > 0 ? (source.authors ?? []).map((name) => ({ '@type': 'Person', name })) : undefined,
    publisher: organisation(source.publisher),
    datePublished: source.publishedDate ?? undefined,
    url: safe(source.url),
    archivedAt: safe(source.archiveUrl),
    identifier: doi ? { '@type': 'PropertyValue', propertyID: 'DOI', value: doi } : undefined,
    inLanguage: source.language ?? undefined,
  });
}

export interface JsonLdArticle {
  title: string;
  summary?: string | null;
  publishedAt?: string | null;
  updatedAt?: string | null;
  url?: string | null;
  publisher?: string | null;
}

/**
 * The article as a schema.org NewsArticle whose `citation` lists its references in number order.
 * Plain data: a page embeds it with JSON.stringify in a `<script type="application/ld+json">`,
 * escaping `<` (see the README) so that no field can close the script element.
 */
export function articleJsonLd(article: JsonLdArticle, references: CitableSource[]) {
  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary ?? undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt ?? undefined,
    url: safe(article.url),
    publisher: organisation(article.publisher),
    citation: references.map(sourceToCreativeWork),
  });
}
