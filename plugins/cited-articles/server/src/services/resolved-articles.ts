import type { Core } from '@strapi/strapi';
import { extractCitedKeys, keysMissingFrom, renderBodyHtml, resolveCitations, type CitableSource } from '../citations';
import type { DateValue } from '../content-types/records';
import { sourcesRepository } from '../repositories/sources';
import { toCitableSource, toPublicArticleSummary, toPublicSource } from '../utils/public-shape';
import { getService } from '../utils/get-service';
import { publicationSettings } from '../utils/settings';
import { articleJsonLd } from '../interchange/json-ld';
import type { ResolvedArticlesService } from './contracts';

export type { ArticleRow, ResolveRequest } from './contracts';

/** The public URL of an article, from the publication's `articleUrl` template. */
export const articleUrlOf = (template: string | null, slug: unknown) =>
  template && typeof slug === 'string' ? template.replace('{slug}', encodeURIComponent(slug)) : null;

/** A date as JSON-LD states it; a Date serialises to the same ISO text. */
const dateText = (value: DateValue | null | undefined) => (value instanceof Date ? value.toISOString() : (value ?? null));

const numberingStartOf = (row: { numberingStart?: number | null }): 0 | 1 => (row.numberingStart === 0 ? 0 : 1);

/**
 * Articles with their citations resolved by the citation engine: numbered references, back-links,
 * issues and, on request, sanitised HTML. Database work is batched: the sources an article cites
 * by key without listing them are loaded in one query for any number of articles.
 */
const resolvedArticles = ({ strapi }: { strapi: Core.Strapi }): ResolvedArticlesService => ({
  /** Sources with these keys, in one query (the library that `[@key]` markers fall back to). */
  async loadLibrary(keys) {
    if (keys.length === 0) return [];
    const rows = await sourcesRepository(strapi).citableByKeys(keys);
    return rows.map((row) => toCitableSource(row) as CitableSource);
  },

  /** Keys cited in these bodies that the article's own list does not hold. */
  missingKeys(rows) {
    return [...new Set(rows.flatMap((row) => keysMissingFrom(extractCitedKeys(row.body ?? ''), row.citations)))];
  },

  resolveRow(row, library) {
    const listed = (row.citations ?? []).map((source) => toCitableSource(source) as CitableSource);
    return resolveCitations(row.body ?? '', listed, { numberingStart: numberingStartOf(row) }, library);
  },

  /** Many articles at once: one library query whatever their number. */
  async resolveMany(rows) {
    const library = await this.loadLibrary(this.missingKeys(rows));
    return rows.map((row) => this.resolveRow(row, library));
  },

  /** The API's `data` and `meta` for one article row. */
  async present(row, request, extra = {}) {
    const library = await this.loadLibrary(this.missingKeys([row]));
    const resolved = this.resolveRow(row, library);
    const styles = getService('reference-styles', { strapi });
    const style = styles.get(request.style);
    if (!style) throw new Error(`unknown style ${request.style}`);
    const { locale, fallback } = styles.referenceLocale(style, request.referenceLocale, row.locale);
    // Back to the public fields: the engine's health inputs stay on the server.
    const sources = resolved.references.map((reference) => toPublicSource(reference.source) as CitableSource);
    const formatted = style.format(sources, { locale });
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
      citations: resolved.citations,
      references,
    };
    if (request.html) {
      data.bodyHtml = renderBodyHtml(row.body ?? '', resolved, {
        formatted: new Map(references.map((reference) => [reference.id, reference.formatted])),
      });
    }
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
  },
});

export default resolvedArticles;
