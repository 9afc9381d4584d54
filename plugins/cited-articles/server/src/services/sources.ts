import type { Core } from '@strapi/strapi';
import type { ArticleRecord } from '../content-types/records';
import { PUBLIC_SOURCE_FIELDS } from '../utils/public-shape';
import { getService } from '../utils/get-service';
import { SOURCE_UID } from '../utils/uids';
import type { SourcesService, SourceWithCitingArticles } from './contracts';

const SOURCE_FIELDS = PUBLIC_SOURCE_FIELDS.filter((field) => field !== 'documentId');

/** Reads of the source library for the content API. */
const sources = ({ strapi }: { strapi: Core.Strapi }): SourcesService => ({
  /**
   * The source with this key and the published articles of one locale that cite it, newest first
   * (sources are one library shared by every locale; the articles citing them are localized).
   */
  async findByKeyWithCitingArticles(key: string, requestedLocale?: string) {
    const locale = await getService('content-locales', { strapi }).resolve(requestedLocale);
    const source = (await strapi.documents(SOURCE_UID).findFirst({
      filters: { key },
      // Sources have no drafts; asking for 'published' makes the populated articles the published
      // versions (the Document Service populates relations in the status of the query).
      status: 'published',
      fields: [...SOURCE_FIELDS],
      populate: {
        citedBy: {
          // citedBy holds draft and published rows of each article: only published ones count.
          filters: { publishedAt: { $notNull: true }, locale },
          fields: ['locale', 'slug', 'title', 'summary', 'publishedAt', 'updatedAt'],
          sort: ['publishedAt:desc'],
        },
      },
    })) as SourceWithCitingArticles | null;
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
