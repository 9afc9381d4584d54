import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CitableSource } from '../../citations';
import { sourceToCsl, type CslItem } from '../../csl/source-to-csl';
import { EXPORT_FORMATS, exportItems, type ExportFormat } from '../../interchange/export-formats';
import { getService } from '../../utils/get-service';
import { toPublicSource } from '../../utils/public-shape';
import { publicationSettings } from '../../utils/settings';
import { articleUrlOf } from '../articles/resolving';
import { articleKey, sourceKey, sourceKeyKey } from '../../http-cache/keys';

export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
  /** Surrogate keys: what the file is made from (README "Caching and CDNs"). */
  keys: string[];
}

const file = (items: CslItem[], format: ExportFormat, name: string, keys: string[]): ExportFile => ({
  body: exportItems(items, format),
  contentType: EXPORT_FORMATS[format].contentType,
  filename: `${name}.${EXPORT_FORMATS[format].extension}`,
  keys,
});

const dateParts = (value: unknown) => {
  const date = value ? new Date(String(value)) : null;
  return date && !Number.isNaN(date.getTime()) ? { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] } : undefined;
};

/** Cited sources and articles as BibTeX, RIS or CSL-JSON files, for reference managers. */
export const createReferenceExport = ({ strapi }: { strapi: Core.Strapi }) => {
  const publishedArticle = (slug: string, locale?: string) => getService('articles', { strapi }).findBySlugOrThrow(slug, 'published', locale);

  return {
    /** The sources an article cites, in reference (first-use) order. */
    async articleReferences(slug: string, format: ExportFormat, locale?: string): Promise<ExportFile> {
      const row = await publishedArticle(slug, locale);
      const resolvedArticles = getService('articles', { strapi });
      const resolved = await resolvedArticles.resolveMany([row]);
      const sources = resolved[0].references.map((reference) => reference.source as CitableSource);
      const keys = [articleKey(row.documentId), ...sources.map((source) => sourceKey(source.documentId))];
      // A `[@key]` no source answers yet: a source created with that key changes the file.
      for (const key of await resolvedArticles.missingKeys([row])) keys.push(sourceKeyKey(key));
      return file(sources.map(sourceToCsl), format, `${slug}-references`, keys);
    },

    /** One source of the library as a file. */
    async sourceFile(key: string, format: ExportFormat): Promise<ExportFile> {
      const row = await getService('sources', { strapi }).findByKeyWithCitingArticles(key);
      if (!row) throw new errors.NotFoundError(`No source has the key "${key}".`);
      return file([sourceToCsl(toPublicSource(row) as CitableSource)], format, key, [sourceKey(row.documentId), sourceKeyKey(key)]);
    },

    /** "Cite this article": the article itself as a newspaper article of the publication. */
    async citeArticle(slug: string, format: ExportFormat, locale?: string): Promise<ExportFile> {
      const row = await publishedArticle(slug, locale);
      const publication = publicationSettings(strapi);
      const item = sourceToCsl({
        documentId: row.documentId,
        key: row.slug,
        title: row.title,
        // The publication is the newspaper the article is part of (its container), as for any news source.
        containerTitle: publication.name,
        url: articleUrlOf(publication.articleUrl, row.slug),
        type: 'news',
      });
      const issued = dateParts(row.publishedAt);
      if (issued) item.issued = issued;
      return file([item], format, slug, [articleKey(row.documentId)]);
    },
  };
};
