import { cleanNames } from '../citations/names';
import { emptySourceFields } from '../citations/source-fields';
import { Parser } from 'htmlparser2';
import type { SourceType } from '../citations/types';
import { cleanDoi } from './identifier';
import { normaliseDate } from './normalise-date';
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

const nameOf = (value: unknown): string | null => (typeof value === 'string' ? text(value) : text(at(value, 'name')));
const namesOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).map(nameOf).filter((name): name is string => !!name);

/* ------------------------------------------------------------------ */
/* The rules, in the order the product states: Highwire citation_* tags, then schema.org JSON-LD,
   then OpenGraph and article:* tags, then the page's <title>. The first rule with a value wins. */

const first = (...values: Array<string | null | undefined>) => values.find((value) => value) ?? null;

const OG_LOCALE = /^([a-z]{2,3})(?:_([A-Za-z]{2}))?$/;

/** Authors given as a profile URL (article:author often is one) are not names. */
const isName = (value: string) => !/^https?:\/\//i.test(value);

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

  const title = first(meta('citation_title'), text(ld?.headline), text(ld?.name), meta('og:title'), text(tags.title));
  if (!title) return null;

  let authors = metaAll('citation_author');
  if (authors.length === 0) authors = namesOf(ld?.author);
  if (authors.length === 0) authors = metaAll('article:author').filter(isName);
  if (authors.length === 0) authors = metaAll('author').filter(isName);

  const publishedDate =
    normaliseDate(meta('citation_publication_date')) ??
    normaliseDate(meta('citation_date')) ??
    normaliseDate(meta('citation_online_date')) ??
    normaliseDate(text(ld?.datePublished)) ??
    normaliseDate(meta('article:published_time')) ??
    normaliseDate(meta('og:published_time'));

  const publisher = first(
    meta('citation_journal_title'),
    meta('citation_conference_title'),
    meta('citation_publisher'),
    meta('og:site_name'),
    nameOf(ld?.publisher),
    namesOf(ld?.isPartOf)[0]
  );

  let type: SourceType = 'web';
  if (meta('citation_journal_title') || meta('citation_conference_title')) type = 'journal';
  else if (meta('citation_technical_report_institution') || meta('citation_dissertation_institution')) type = 'report';
  else if (meta('citation_isbn') && meta('citation_title')) type = 'book';
  else if (work) type = work.type;
  else if (meta('og:type') === 'article' || tags.meta.has('article:published_time')) type = 'news';

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

  const { archiveUrl: _archive, ...empty } = emptySourceFields(title);
  return {
    ...empty,
    title: capped(title, SOURCE_MAX_LENGTH.title)!,
    publisher: capped(publisher, SOURCE_MAX_LENGTH.publisher),
    authors: cleanNames(authors.slice(0, 100)),
    url: capped(url, SOURCE_MAX_LENGTH.url),
    publishedDate,
    accessedDate: today,
    doi: capped(doi, SOURCE_MAX_LENGTH.doi),
    type,
    language: language && language.length <= 35 ? language : null,
  };
}
