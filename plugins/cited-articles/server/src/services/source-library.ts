import type { Core } from '@strapi/strapi';
import { findDuplicateGroups } from '../citations';
import type { ArticleRecord, SourceRecord } from '../content-types/records';
import type { CitingArticle, DuplicateSource, LibrarySource } from '../contracts';
import { SOURCE_UID } from '../utils/uids';
import type { SourceLibraryService } from './contracts';

export type { LibraryFilter, LibraryQuery } from './contracts';

/**
 * A source as the page reads it: the fields its HTTP contract lists (timestamps typed as the JSON
 * answer states them) and the citing articles' rows, folded into `citedBy` below.
 */
type LibraryRow = Omit<LibrarySource, 'citedByCount' | 'citedBy'> & { id: number; citedBy?: ArticleRecord[] };

const LIST_FIELDS = ['key', 'title', 'publisher', 'url', 'doi', 'type', 'publishedDate', 'updatedAt'];
// Admin-only health fields, for the link status column (this route is an admin route).
const HEALTH_FIELDS = ['archiveUrl', 'linkStatus', 'linkCheckedAt', 'linkHttpStatus', 'linkRedirectUrl', 'retracted', 'retractionDoi'];
const BROKEN = { linkStatus: 'broken' };
const IDENTITY_FIELDS = ['key', 'title', 'url', 'doi'];
const SEARCHED_FIELDS = ['title', 'key', 'publisher', 'url', 'doi'];
// A source whose citedBy join has no row at all: cited by no draft and no published article.
const UNCITED = { citedBy: { id: { $null: true } } };
const TITLE_ORDER = [{ title: 'asc' as const }, { id: 'asc' as const }];

/** The source library as the admin's Sources page shows it. */
const sourceLibrary = ({ strapi }: { strapi: Core.Strapi }): SourceLibraryService => ({
  /**
   * A page of sources (title order) with the articles citing each, the number of sources cited
   * nowhere, and the groups of likely duplicates across the whole library. Four queries, whatever
   * the size of the page: the library's identity fields, the page with its citing articles, and two
   * counts.
   */
  async list({ search, filter, page, pageSize }) {
    const library = (await strapi.documents(SOURCE_UID).findMany({
      fields: IDENTITY_FIELDS,
      sort: TITLE_ORDER,
    })) as SourceRecord[];
    const duplicates = findDuplicateGroups(
      library.map(({ documentId, key, title, url, doi }): DuplicateSource => ({ documentId, key, title, url, doi }))
    );

    const conditions: Record<string, unknown>[] = [];
    if (search) conditions.push({ $or: SEARCHED_FIELDS.map((field) => ({ [field]: { $containsi: search } })) });
    if (filter === 'uncited') conditions.push(UNCITED);
    if (filter === 'broken') conditions.push(BROKEN);
    if (filter === 'duplicates') {
      const ids = [...new Set(duplicates.flatMap((group) => group.sources.map((source) => source.documentId)))];
      conditions.push({ documentId: { $in: ids } });
    }
    const filters = conditions.length > 0 ? { $and: conditions } : {};

    const [rows, total, uncitedCount] = await Promise.all([
      strapi.documents(SOURCE_UID).findMany({
        filters,
        fields: [...LIST_FIELDS, ...HEALTH_FIELDS],
        sort: TITLE_ORDER,
        start: (page - 1) * pageSize,
        limit: pageSize,
        // citedBy holds the draft and the published row of each article; both are folded below.
        populate: { citedBy: { fields: ['title', 'slug'] } },
      }) as Promise<LibraryRow[]>,
      strapi.documents(SOURCE_UID).count({ filters }),
      strapi.documents(SOURCE_UID).count({ filters: UNCITED }),
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
