import type { Core } from '@strapi/strapi';
import { findDuplicateGroups } from '../citations';
import type { ArticleRecord } from '../content-types/records';
import type { CitingArticle, DuplicateSource, LibrarySource } from '../contracts';
import { sourcesRepository, type LibraryScope } from '../repositories/sources';
import type { SourceLibraryService } from './contracts';

export type { LibraryFilter, LibraryQuery } from './contracts';

/**
 * A source as the page reads it: the fields its HTTP contract lists (timestamps typed as the JSON
 * answer states them) and the citing articles' rows, folded into `citedBy` below.
 */
type LibraryRow = Omit<LibrarySource, 'citedByCount' | 'citedBy'> & { id: number; citedBy?: ArticleRecord[] };

/** The source library as the admin's Sources page shows it. */
const sourceLibrary = ({ strapi }: { strapi: Core.Strapi }): SourceLibraryService => ({
  /**
   * A page of sources (title order) with the articles citing each, the number of sources cited
   * nowhere, and the groups of likely duplicates across the whole library. Four queries, whatever
   * the size of the page: the library's identity fields, the page with its citing articles, and two
   * counts.
   */
  async list({ search, filter, page, pageSize }) {
    const sources = sourcesRepository(strapi);
    const library = await sources.libraryIdentities();
    const duplicates = findDuplicateGroups(
      library.map(({ documentId, key, title, url, doi }): DuplicateSource => ({ documentId, key, title, url, doi }))
    );

    const scope: LibraryScope = {
      search,
      filter,
      duplicateIds: filter === 'duplicates' ? [...new Set(duplicates.flatMap((group) => group.sources.map((source) => source.documentId)))] : [],
    };
    const [rows, total, uncitedCount] = await Promise.all([
      // citedBy holds the draft and the published row of each article; both are folded below.
      sources.libraryPage(scope, { start: (page - 1) * pageSize, limit: pageSize }) as Promise<LibraryRow[]>,
      sources.countInLibrary(scope),
      sources.countUncited(),
    ]);

    const data = rows.map(({ id, citedBy, ...source }) => {
      const articles = new Map<string, CitingArticle>();
      for (const article of citedBy ?? []) {
        if (!articles.has(article.documentId)) {
          articles.set(article.documentId, { documentId: article.documentId, title: article.title, slug: article.slug });
        }
      }
      return { ...source, citedByCount: articles.size, citedBy: [...articles.values()] };
    });

    return {
      data,
      meta: {
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
        uncitedCount,
        duplicates,
      },
    };
  },
});

export default sourceLibrary;
