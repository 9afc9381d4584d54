import type { Core } from '@strapi/strapi';
import { keysMissingFrom, type CitableSource, type ResolvedCitations } from '../../citations';
import type { ArticleRecord, DateValue } from '../../content-types/records';
import { sourcesRepository } from '../../repositories/sources';
import { toCitableSource, toPublicArticleSummary } from '../../utils/public-shape';
import { getService } from '../../utils/get-service';
import { publicationSettings } from '../../utils/settings';
import { articleJsonLd } from '../../interchange/json-ld';

/** An article as resolving reads it: whichever fields were read, its citations populated. */
export type ArticleRow = Partial<ArticleRecord> & { documentId: string };

export interface ResolveRequest {
  style: string;
  /** The locale references are formatted in; without it, the one of the article's own locale. */
  referenceLocale?: string;
  html?: boolean;
  /** Adds `jsonLd`: the article as a schema.org NewsArticle citing its references. */
  jsonld?: boolean;
}

/** The content API's `data` and `meta` for one article. */
export interface PresentedArticle {
  data: Record<string, unknown>;
  meta: Record<string, unknown>;
}

/** The public URL of an article, from the publication's `articleUrl` template. */
export const articleUrlOf = (template: string | null, slug: unknown) =>
  template && typeof slug === 'string' ? template.replace('{slug}', encodeURIComponent(slug)) : null;

/** A date as JSON-LD states it; a Date serialises to the same ISO text. */
const dateText = (value: DateValue | null | undefined) => (value instanceof Date ? value.toISOString() : (value ?? null));

const numberingStartOf = (row: { numberingStart?: number | null }): 0 | 1 => (row.numberingStart === 0 ? 0 : 1);

/** What a worker needs to resolve a row: plain data only (it crosses a thread). */
const resolveInput = (row: ArticleRow, library: CitableSource[]) => ({
  body: row.body ?? '',
  listed: (row.citations ?? []).map((source) => toCitableSource(source) as CitableSource),
  library,
  numberingStart: numberingStartOf(row),
});

/**
 * Articles with their citations resolved by the citation engine: numbered references, back-links,
 * issues and, on request, sanitised HTML. Database work is batched: the sources an article cites
 * by key without listing them are loaded in one query for any number of articles.
 */
export const createArticleResolving = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Sources with these keys, in one query (the library that `[@key]` markers fall back to). */
  const loadLibrary = async (keys: string[]): Promise<CitableSource[]> => {
    if (keys.length === 0) return [];
    const rows = await sourcesRepository(strapi).citableByKeys(keys);
    return rows.map((row) => toCitableSource(row) as CitableSource);
  };

  /** Keys cited in these bodies that the article's own list does not hold (parsed in a worker). */
  const missingKeys = async (rows: ArticleRow[]): Promise<string[]> => {
    const pool = getService('platform', { strapi });
    const missing = new Set<string>();
    for (const row of rows) {
      const { keys } = await pool.bodyIndex(row.body ?? '', 'This article');
      for (const key of keysMissingFrom(keys, row.citations)) missing.add(key);
    }
    return [...missing];
  };

  /** Resolution of one row in a worker thread, within the budget (services/platform/work-pool.ts). */
  const resolveRow = async (row: ArticleRow, library: CitableSource[]): Promise<ResolvedCitations> =>
    getService('platform', { strapi }).runJob('resolve', resolveInput(row, library), 'This article');

  /** Many articles at once: one library query whatever their number. */
  const resolveMany = async (rows: ArticleRow[]): Promise<ResolvedCitations[]> => {
    const library = await loadLibrary(await missingKeys(rows));
    const resolved: ResolvedCitations[] = [];
    for (const row of rows) resolved.push(await resolveRow(row, library));
    return resolved;
  };

  /** The API's `data` and `meta` for one article row, resolved afresh (not through the memo). */
  const presentUnmemoized = async (row: ArticleRow, request: ResolveRequest, extra: Record<string, unknown> = {}): Promise<PresentedArticle> => {
    const library = await loadLibrary(await missingKeys([row]));
    const styles = getService('references', { strapi });
    const style = styles.getStyle(request.style);
    if (!style) throw new Error(`unknown style ${request.style}`);
    const { locale, fallback } = styles.referenceLocale(style, request.referenceLocale, row.locale);
    const pool = getService('platform', { strapi });
    const what = row.documentId ? 'This article' : 'This body';
    // Resolution, formatting and rendering in one worker job. A style registered at runtime
    // (the references service's registerStyle()) is a function of the host app that cannot cross into a
    // thread: its entries are formatted here, between a resolving job and a rendering one.
    const input = { ...resolveInput(row, library), html: request.html === true };
    let worked = await pool.runJob('present', { ...input, style: styles.isBundled(style) ? { id: style.id, locale } : null, formatted: null }, what);
    if (!worked.formatted) {
      const formatted = style.format(worked.sources, { locale });
      worked = request.html ? await pool.runJob('present', { ...input, style: null, formatted }, what) : { ...worked, formatted };
    }
    const { resolved, sources } = worked;
    const formatted = worked.formatted ?? [];
    const references = resolved.references.map((reference, index) => ({
      id: reference.id,
      number: reference.number,
      backlinks: reference.backlinks,
      source: sources[index],
      formatted: formatted[index],
    }));
    const data: Record<string, unknown> = {
      ...toPublicArticleSummary(row),
      body: row.body ?? '',
      numberingStart: numberingStartOf(row),
      ...extra,
      // `formatted`: the marker as an author-date style prints it in the text (the whole marker,
      // the same for each of its sources); null for numeric styles and news, which show `number`.
      citations: resolved.citations.map((citation, index) => ({ ...citation, formatted: worked.citationTexts[index] ?? null })),
      references,
    };
    if (request.html) data.bodyHtml = worked.bodyHtml ?? '';
    if (request.jsonld) {
      const publication = publicationSettings(strapi);
      data.jsonLd = articleJsonLd(
        {
          title: String(row.title ?? ''),
          summary: row.summary ?? null,
          publishedAt: dateText(row.publishedAt),
          updatedAt: dateText(row.updatedAt),
          url: articleUrlOf(publication.articleUrl, row.slug),
          publisher: publication.name,
        },
        references.map((reference) => reference.source)
      );
    }
    // `locale` is the article's (content) locale, as on Strapi's own routes; `referenceLocale` the
    // one its references are formatted in.
    const meta: Record<string, unknown> = { style: style.id, locale: row.locale ?? null, referenceLocale: locale, issues: resolved.issues };
    if (fallback) meta.localeFallback = fallback;
    return { data, meta };
  };

  return { loadLibrary, missingKeys, resolveRow, resolveMany, presentUnmemoized };
};

export type ArticleResolving = ReturnType<typeof createArticleResolving>;
