import type { Core } from '@strapi/strapi';
import type { ArticleRecord } from '../../content-types/records';
import { sourcesRepository } from '../../repositories/sources';
import { getService } from '../../utils/get-service';
import type { SourceRecord } from '../../content-types/records';

/** A source with the published articles of one locale that cite it (each article once). */
export interface SourceWithCitingArticles extends SourceRecord {
  citedBy: ArticleRecord[];
}

/** Reads of the source library for the content API. */
export const createCitingArticles = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The source with this key and the published articles of one locale that cite it, newest first
   * (sources are one library shared by every locale; the articles citing them are localized).
   */
  async findByKeyWithCitingArticles(key: string, requestedLocale?: string): Promise<SourceWithCitingArticles | null> {
    const locale = await getService('platform', { strapi }).resolveLocale(requestedLocale);
    const source = await sourcesRepository(strapi).byKeyWithPublishedCiters(key, locale);
    if (!source) return null;
    const seen = new Set<string>();
    const citedBy = (source.citedBy ?? []).filter((article: ArticleRecord) => {
      if (seen.has(article.documentId)) return false;
      seen.add(article.documentId);
      return true;
    });
    return { ...source, citedBy };
  },
});
