import { cleanName } from '../citations/names';
import { emptySourceFields } from '../citations/source-fields';
import { Parser } from 'htmlparser2';
import type { SourceName, SourceType } from '../citations/types';
import { cleanDoi } from './identifier';
import { normaliseDate, normalisePartial } from './normalise-date';
import { nameFromLine, namesFromLines } from './name-text';
import { capped, SOURCE_MAX_LENGTH, text, type LookedUpSource } from './looked-up-source';
import { asObject, at, type RemoteObject } from './remote-json';

/** What a page's markup says about itself, gathered in one pass of htmlparser2. */
interface PageTags {
  /** meta name/property (lower-cased) → every content given, in page order. */
  meta: Map<string, string[]>;
  jsonLd: string[];
  title: string | null;
  lang: string | null;
  canonical: string | null;
}

const MAX_JSON_LD = 20;

export function readPageTags(html: string): PageTags {
  const tags: PageTags = { meta: new Map(), jsonLd: [], title: null, lang: null, canonical: null };
  let inTitle = false;
  let titleText = '';
  let inJsonLd = false;
  let jsonText = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'html' && attributes.lang) tags.lang = attributes.lang;
        else if (name === 'meta') {
          const key = (attributes.name ?? attributes.property ?? attributes.itemprop ?? '').trim().toLowerCase();
          if (key && typeof attributes.content === 'string') {
            const list = tags.meta.get(key) ?? [];
            list.push(attributes.content);
            tags.meta.set(key, list);
          }
        } else if (name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(attributes.rel ?? '') && attributes.href && !tags.canonical) {
          tags.canonical = attributes.href;
        } else if (name === 'title' && tags.title === null) inTitle = true;
        else if (name === 'script' && (attributes.type ?? '').trim().toLowerCase() === 'application/ld+json') {
          inJsonLd = tags.jsonLd.length < MAX_JSON_LD;
          jsonText = '';
        }
      },
      ontext(data) {
        if (inTitle) titleText += data;
        else if (inJsonLd) jsonText += data;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          tags.title = titleText;
        } else if (name === 'script' && inJsonLd) {
          inJsonLd = false;
          tags.jsonLd.push(jsonText);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  );
  parser.write(html);
  parser.end();
  return tags;
}

/* ------------------------------------------------------------------ */
/* schema.org JSON-LD */

const WORK_TYPES: Record<string, SourceType> = {
  NewsArticle: 'news',
  ReportageNewsArticle: 'news',
  AnalysisNewsArticle: 'news',
  Article: 'news',
  ScholarlyArticle: 'journal',
  Report: 'report',
  Book: 'book',
  Chapter: 'chapter',
  Thesis: 'thesis',
  Dataset: 'dataset',
};

const typesOf = (node: RemoteObject): string[] => {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((value): value is string => typeof value === 'string');
};

/** The first node describing a work of a kind we cite, searching @graph and top-level arrays. */
function findWork(documents: string[]): { node: RemoteObject; type: SourceType } | null {
  for (const raw of documents) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    const queue: unknown[] = Array.isArray(parsed) ? [...parsed] : [parsed];
    for (let i = 0; i < queue.length && i < 200; i += 1) {
      const node = asObject(queue[i]);
      if (!node) continue;
      const graph = node['@graph'];
      if (Array.isArray(graph)) queue.push(...graph);
      const kind = typesOf(node).find((type) => type in WORK_TYPES);
      if (kind) return { node, type: WORK_TYPES[kind] };
    }
  }
  return null;
}

/** A schema.org value that may be text, a number, or a list of them: its first text. */
const firstText = (value: unknown): string | null => {
  const list = Array.isArray(value) ? value : [value];
  for (const entry of list) {
    const found = typeof entry === 'number' && Number.isFinite(entry) ? String(entry) : text(entry);
    if (found) return found;
  }
  return null;
};

const nameOf = (value: unknown): string | null => (typeof value === 'string' ? text(value) : text(at(value, 'name')));
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value ? [value] : []);

/**
 * schema.org Person or Organization (or plain text) as a name: a Person's familyName and
 * givenName as they are, an Organization's name kept whole, never split.
 */
function ldName(value: unknown): SourceName | null {
  if (typeof value === 'string') return nameFromLine(value);
  const node = asObject(value);
  if (!node) return null;
  const name = text(node.name);
  const types = typesOf(node);
  if (types.length > 0 && !types.includes('Person')) return name ? { literal: name } : null;
  const family = text(node.familyName);
  if (family) {
    return cleanName({ family, given: text(node.givenName) ?? undefined, suffix: text(node.honorificSuffix) ?? undefined });
  }
  return nameFromLine(name);
}
const ldNames = (value: unknown): SourceName[] =>
  asList(value)
    .slice(0, 100)
    .map(ldName)
    .filter((name): name is SourceName => name !== null);

/** What a work's `isPartOf` chain says: issue, volume, and the periodical, site or book it is in. */
interface PartOf {
  container: string | null;
  volume: string | null;
  issue: string | null;
  issn: string | null;
  isbn: string | null;
}

function partOf(work: RemoteObject | undefined): PartOf {
  const found: PartOf = { container: null, volume: null, issue: null, issn: null, isbn: null };
  let node = asObject(asList(work?.isPartOf)[0]);
  for (let depth = 0; node && depth < 5; depth += 1) {
    const types = typesOf(node);
    if (types.includes('PublicationIssue')) found.issue ??= firstText(node.issueNumber);
    else if (types.includes('PublicationVolume')) found.volume ??= firstText(node.volumeNumber);
    else found.container ??= nameOf(node);
    found.issn ??= firstText(node.issn);
    found.isbn ??= firstText(node.isbn);
    node = asObject(asList(node.isPartOf)[0]);
  }
  if (!found.container && typeof work?.isPartOf === 'string') found.container = text(work.isPartOf);
  return found;
}

/** "45-67", from a start and an end page (either may be missing). */
const pageRange = (start: string | null, end: string | null) => (start && end && start !== end ? `${start}-${end}` : (start ?? end));

/* ------------------------------------------------------------------ */
/* The rules, in the order the product states: Highwire citation_* tags, then schema.org JSON-LD,
   then OpenGraph and article:* tags, then the page's <title>. The first rule with a value wins. */

const first = (...values: Array<string | null | undefined>) => values.find((value) => value) ?? null;

const OG_LOCALE = /^([a-z]{2,3})(?:_([A-Za-z]{2}))?$/;

/** Authors given as a profile URL (article:author often is one) are not names. */
const isName = (value: string) => !/^https?:\/\//i.test(value);

/** Types whose outlet (journal, newspaper, site) is the container title rather than the publisher. */
const IN_OUTLET = new Set<SourceType>(['news', 'web', 'journal', 'magazine']);

/**
 * Source fields from an HTML page fetched from `pageUrl` (the address that answered). Returns null
 * when the page gives no title at all.
 */
export function sourceFromPage(html: string, pageUrl: string, today: string): LookedUpSource | null {
  const tags = readPageTags(html);
  const meta = (name: string) => text(tags.meta.get(name)?.[0]);
  const metaAll = (name: string) => (tags.meta.get(name) ?? []).map(text).filter((value): value is string => !!value);
  const work = findWork(tags.jsonLd);
  const ld = work?.node;
  const part = partOf(ld);

  const title = first(meta('citation_title'), text(ld?.headline), text(ld?.name), meta('og:title'), text(tags.title));
  if (!title) return null;

  let authors = namesFromLines(metaAll('citation_author').slice(0, 100));
  if (authors.length === 0) authors = ldNames(ld?.author);
  if (authors.length === 0) authors = namesFromLines(metaAll('article:author').filter(isName).slice(0, 100));
  if (authors.length === 0) authors = namesFromLines(metaAll('author').filter(isName).slice(0, 100));
  const editors = ldNames(ld?.editor);
  const translators = ldNames(ld?.translator);

  const publishedDate =
    normalisePartial(meta('citation_publication_date')) ??
    normalisePartial(meta('citation_date')) ??
    normalisePartial(meta('citation_online_date')) ??
    normalisePartial(text(ld?.datePublished)) ??
    normaliseDate(meta('article:published_time')) ??
    normaliseDate(meta('og:published_time'));

  let type: SourceType = 'web';
  if (meta('citation_journal_title') || meta('citation_conference_title')) type = 'journal';
  else if (meta('citation_dissertation_institution')) type = 'thesis';
  else if (meta('citation_technical_report_institution') || meta('citation_technical_report_number')) type = 'report';
  else if (meta('citation_inbook_title') && meta('citation_title')) type = 'chapter';
  else if (meta('citation_isbn') && meta('citation_title')) type = 'book';
  else if (work) type = work.type;
  else if (meta('og:type') === 'article' || tags.meta.has('article:published_time')) type = 'news';

  const ldPublisher = nameOf(asList(ld?.publisher)[0]);
  const containerTitle = first(
    meta('citation_journal_title'),
    meta('citation_conference_title'),
    meta('citation_inbook_title'),
    part.container,
    IN_OUTLET.has(type) ? first(meta('og:site_name'), ldPublisher) : null
  );
  const publisher = first(
    meta('citation_publisher'),
    meta('citation_technical_report_institution'),
    meta('citation_dissertation_institution'),
    // A newspaper or site that is its own publisher is named once, as the container.
    ldPublisher !== containerTitle ? ldPublisher : null,
    IN_OUTLET.has(type) ? null : meta('og:site_name')
  );

  const doi = first(
    cleanDoi(meta('citation_doi') ?? ''),
    cleanDoi(meta('dc.identifier') ?? ''),
    typeof ld?.identifier === 'string' ? cleanDoi(ld.identifier) : null
  );

  const absolute = (value: string | null) => {
    if (!value) return null;
    try {
      const url = new URL(value, pageUrl);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
    } catch {
      return null;
    }
  };
  const url = first(absolute(meta('citation_public_url')), absolute(tags.canonical), absolute(meta('og:url')), pageUrl);

  const locale = meta('og:locale');
  const ogLanguage = locale ? OG_LOCALE.exec(locale) : null;
  const language = first(
    meta('citation_language'),
    text(ld?.inLanguage),
    text(tags.lang),
    ogLanguage ? [ogLanguage[1], ogLanguage[2]?.toUpperCase()].filter(Boolean).join('-') : null
  );

  const pages = first(
    pageRange(meta('citation_firstpage'), meta('citation_lastpage')),
    firstText(ld?.pagination),
    pageRange(firstText(ld?.pageStart), firstText(ld?.pageEnd))
  );

  const { archiveUrl: _archive, ...empty } = emptySourceFields(title);
  const cap = (value: string | null, field: keyof typeof SOURCE_MAX_LENGTH) => capped(value, SOURCE_MAX_LENGTH[field]);
  return {
    ...empty,
    title: cap(title, 'title')!,
    containerTitle: cap(containerTitle, 'containerTitle'),
    publisher: cap(publisher, 'publisher'),
    authors,
    editors,
    translators,
    url: cap(url, 'url'),
    publishedDate,
    accessedDate: today,
    doi: cap(doi, 'doi'),
    type,
    language: language && language.length <= 35 ? language : null,
    volume: cap(first(meta('citation_volume'), firstText(ld?.volumeNumber), part.volume), 'volume'),
    issue: cap(first(meta('citation_issue'), firstText(ld?.issueNumber), part.issue), 'issue'),
    pages: cap(pages, 'pages'),
    edition: cap(firstText(ld?.bookEdition), 'edition'),
    isbn: cap(first(meta('citation_isbn'), firstText(ld?.isbn), part.isbn), 'isbn'),
    issn: cap(first(meta('citation_issn'), firstText(ld?.issn), part.issn), 'issn'),
    number: cap(meta('citation_technical_report_number'), 'number'),
  };
}
