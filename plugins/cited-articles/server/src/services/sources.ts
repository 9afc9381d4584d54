import type { Core } from '@strapi/strapi';
import type { ArticleRecord } from '../content-types/records';
import { sourcesRepository } from '../repositories/sources';
import { getService } from '../utils/get-service';
import type { SourcesService } from './contracts';

/** Reads of the source library for the content API. */
const sources = ({ strapi }: { strapi: Core.Strapi }): SourcesService => ({
  /**
   * The source with this key and the published articles of one locale that cite it, newest first
   * (sources are one library shared by every locale; the articles citing them are localized).
   */
  async findByKeyWithCitingArticles(key: string, requestedLocale?: string) {
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

export default sources;
