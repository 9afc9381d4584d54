import { isSafeUrl } from '../citations/is-safe-url';
import { cleanNames, displayName } from '../citations/names';
import type { CitableSource, SourceName } from '../citations/types';

/** schema.org types of our source types; anything else is a plain CreativeWork. */
const SCHEMA_TYPE_OF: Record<string, string> = {
  news: 'NewsArticle',
  web: 'WebPage',
  journal: 'ScholarlyArticle',
  magazine: 'Article',
  book: 'Book',
  chapter: 'Chapter',
  report: 'Report',
  thesis: 'Thesis',
  dataset: 'Dataset',
};

/** What the container of each type is, in schema.org's words. */
const CONTAINER_TYPE_OF: Record<string, string> = {
  news: 'Newspaper',
  web: 'WebSite',
  journal: 'Periodical',
  magazine: 'Periodical',
  chapter: 'Book',
};

const organisation = (name: string | null | undefined) =>
  typeof name === 'string' && name.trim() !== '' ? { '@type': 'Organization', name: name.trim() } : undefined;

const safe = (url: string | null | undefined) => (isSafeUrl(url) ? (url as string).trim() : undefined);

const filled = (value: string | null | undefined) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Drops undefined members so the JSON has no empty keys. */
const compact = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined && member !== null));

/** A person with the parts apart (the particle with the family name), an organisation by name. */
function personOrOrganisation(name: SourceName) {
  if (name.literal !== undefined) return { '@type': 'Organization', name: name.literal };
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ') || undefined;
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ') || undefined;
  return compact({ '@type': 'Person', name: displayName(name), givenName: given, familyName: family, honorificSuffix: name.suffix });
}

const people = (names: SourceName[] | null | undefined) => {
  const list = cleanNames(names);
  return list.length > 0 ? list.map(personOrOrganisation) : undefined;
};

/** "45-67" as schema.org's start and end page; anything else only as pagination. */
function pageFields(pages: string | undefined) {
  if (pages === undefined) return {};
  const range = /^([^\s\-–]+)\s*[-–]\s*([^\s\-–]+)$/.exec(pages);
  return range ? { pagination: pages, pageStart: range[1], pageEnd: range[2] } : { pagination: pages };
}

/**
 * The work's container: a journal article is in an issue of a volume of a Periodical (schema.org's
 * PublicationIssue and PublicationVolume), a chapter in a Book, a news article in a Newspaper.
 */
function isPartOf(source: CitableSource) {
  const type = source.type ?? 'other';
  const container = filled(source.containerTitle);
  let part: Record<string, unknown> | undefined = container
    ? compact({ '@type': CONTAINER_TYPE_OF[type] ?? 'CreativeWork', name: container, issn: filled(source.issn) })
    : undefined;
  if (type === 'journal' || type === 'magazine') {
    const volume = filled(source.volume);
    const issue = filled(source.issue);
    if (volume) part = compact({ '@type': 'PublicationVolume', volumeNumber: volume, isPartOf: part });
    if (issue) part = compact({ '@type': 'PublicationIssue', issueNumber: issue, isPartOf: part });
  }
  return part;
}

function publisherOf(source: CitableSource) {
  const publisher = organisation(source.publisher);
  const place = filled(source.publisherPlace);
  return publisher && place ? { ...publisher, location: { '@type': 'Place', name: place } } : publisher;
}

/** One cited source as a schema.org CreativeWork (with its more precise type as `additionalType`). */
export function sourceToCreativeWork(source: CitableSource) {
  const doi = filled(source.doi);
  const type = source.type ?? '';
  const inPeriodical = type === 'journal' || type === 'magazine';
  const container = isPartOf(source);
  return compact({
    '@type': 'CreativeWork',
    additionalType: SCHEMA_TYPE_OF[type] ? `https://schema.org/${SCHEMA_TYPE_OF[type]}` : undefined,
    name: source.title,
    author: people(source.authors),
    editor: people(source.editors),
    translator: people(source.translators),
    // schema.org has no place of publication: the place is the publisher's location.
    publisher: publisherOf(source),
    datePublished: filled(source.publishedDate),
    isPartOf: container,
    // A volume or issue with no container to hang it on is said on the work itself.
    volumeNumber: inPeriodical && container ? undefined : filled(source.volume),
    issueNumber: inPeriodical && container ? undefined : filled(source.issue),
    ...pageFields(filled(source.pages)),
    bookEdition: filled(source.edition),
    isbn: filled(source.isbn),
    issn: filled(source.containerTitle) ? undefined : filled(source.issn),
    genre: filled(source.genre),
    url: safe(source.url),
    archivedAt: safe(source.archiveUrl),
    identifier: doi ? { '@type': 'PropertyValue', propertyID: 'DOI', value: doi } : undefined,
    inLanguage: filled(source.language),
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
