import type { Core } from '@strapi/strapi';
import type { ArticleBySlug, ArticleRecord } from '../content-types/records';
import { PUBLIC_ARTICLE_FIELDS, PUBLIC_SOURCE_FIELDS, SOURCE_HEALTH_FIELDS } from '../utils/public-shape';
import { ARTICLE_UID } from '../../../shared/uids';

/** The public fields of an article and of a source, past the documentId every query selects anyway. */
const ARTICLE_FIELDS = PUBLIC_ARTICLE_FIELDS.filter((field) => field !== 'documentId');
const SOURCE_FIELDS = PUBLIC_SOURCE_FIELDS.filter((field) => field !== 'documentId');

/** Which row of a document a read wants: the published one (publishedAt set) or the draft. */
export type ArticleVersionStatus = 'published' | 'draft';

/** The published article a reader comments on: enough to check that comments are open. */
export type CommentedArticle = Pick<ArticleRecord, 'id' | 'documentId' | 'locale' | 'slug' | 'commentsEnabled' | 'publishedAt'>;

/**
 * Every query of articles (the stored reference targets aside, see citations.ts), in one place:
 * the Query Engine on the content API's hot reads and wherever a read must see the caller's
 * transaction or admin-only fields, the Document Service where the editor's save runs through it
 * (its middlewares and lifecycles must see the change). Each method names its purpose; tests count
 * the statements public routes run (tests/api/query-count*.test.ts), so a change to one is a change
 * to those counts.
 *
 * A plain module taking `strapi`, like comments.ts: services build it where they use it.
 */
export const articlesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(ARTICLE_UID);
  const documents = () => strapi.documents(ARTICLE_UID);
  /** A published article is the row with publishedAt set, a draft the row without. */
  const publishedAt = (status: ArticleVersionStatus) => (status === 'published' ? { $notNull: true } : { $null: true });
  const draftCitationKeys = async (documentId: string, locale?: string) =>
    (await documents().findOne({
      documentId,
      locale,
      status: 'draft',
      fields: ['id'],
      populate: { citations: { fields: ['key'] } },
    })) as ArticleRecord | null;

  return {
    // The content API (Query Engine: the Document Service wraps even reads in a transaction and
    // transforms its parameters, which on a busy server costs more than the queries; npm run bench).

    /**
     * A page of a locale's published articles, newest first, with the total: the summary fields,
     * the stored reference targets and the keys of their citations in order (not the body). The
     * page's ids come first, from the (locale, published_at, id) index alone, then its rows by id:
     * a deep page skips index entries, not whole rows (page 801 of 20,000 articles read 20,000 rows
     * before; npm run bench:scale).
     */
    async publishedPage(locale: string, { offset, limit }: { offset: number; limit: number }) {
      const published = query();
      const where = { publishedAt: { $notNull: true }, locale };
      const [page, total] = await Promise.all([
        published.findMany({ where, select: ['id'], orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], offset, limit }) as Promise<
          Array<{ id: number }>
        >,
        published.count({ where }),
      ]);
      if (page.length === 0) return { rows: [] as ArticleRecord[], total };
      const found = (await published.findMany({
        where: { id: { $in: page.map((row) => row.id) } },
        select: ['id', 'documentId', ...ARTICLE_FIELDS, 'referenceTargets'],
        populate: { citations: { select: ['id', 'documentId', 'key'] } },
      })) as ArticleRecord[];
      const position = new Map(page.map((row, index) => [row.id, index]));
      const rows = found.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
      return { rows, total };
    },

    /**
     * The row with this slug in this locale and status, with its body and its citations (public and
     * health fields) in the editor's order: the same two queries as the Document Service's findFirst.
     */
    async bySlug(slug: string, status: ArticleVersionStatus, locale: string) {
      return (await query().findOne({
        where: { slug, locale, publishedAt: publishedAt(status) },
        select: ['id', 'documentId', ...ARTICLE_FIELDS, 'body', 'commentsEnabled'],
        populate: { citations: { select: ['id', 'documentId', ...SOURCE_FIELDS, ...SOURCE_HEALTH_FIELDS] } },
      })) as ArticleBySlug | null;
    },

    /** The locales (one entry per row, repeats included) that have this slug in this status. */
    async localesWithSlug(slug: string, status: ArticleVersionStatus): Promise<string[]> {
      const rows = (await query().findMany({
        where: { slug, publishedAt: publishedAt(status) },
        select: ['locale'],
      })) as Array<{ locale: string }>;
      return rows.map((row) => row.locale);
    },

    // Comments (Query Engine, public paths).

    /** The published article with this slug in this locale, as comments are posted and listed on it. */
    async publishedForComments(slug: string, locale: string) {
      return (await query().findOne({
        where: { slug, locale, publishedAt: { $notNull: true } },
        select: ['id', 'documentId', 'locale', 'slug', 'commentsEnabled', 'publishedAt'],
      })) as CommentedArticle | null;
    },

    /** Whether this localized version of an article is published (a comment thread lives on one). */
    async isPublished(documentId: string, locale: string | null | undefined): Promise<boolean> {
      return (await query().count({ where: { documentId, locale, publishedAt: { $notNull: true } } })) > 0;
    },

    // Notifications (Query Engine).

    /** The titles of the articles named (any version), for the moderators' digest. */
    async titlesOf(documentIds: string[]) {
      return (await query().findMany({ where: { documentId: { $in: documentIds } }, select: ['documentId', 'title'] })) as Array<
        Pick<ArticleRecord, 'documentId' | 'title'>
      >;
    },

    /** The title and slug of an article, in this locale when one is given, for a reply email. */
    async titleAndSlug(documentId: string, locale?: string | null) {
      return (await query().findOne({
        where: { documentId, ...(locale ? { locale } : {}) },
        select: ['title', 'slug'],
      })) as Pick<ArticleRecord, 'title' | 'slug'> | null;
    },

    // Editing: localizations and publishing.

    /** The rows of a document in this locale and in all (Query Engine: inside the caller's transaction). */
    async rowCounts(documentId: string, locale: string): Promise<{ inLocale: number; all: number }> {
      const rows = query();
      const [inLocale, all] = await Promise.all([rows.count({ where: { documentId, locale } }), rows.count({ where: { documentId } })]);
      return { inLocale, all };
    },

    /** The drafts of a document, oldest row first, each with its locale and its citations in order. */
    async draftsWithCitations(documentId: string) {
      return (await query().findMany({
        where: { documentId, publishedAt: { $null: true } },
        select: ['id', 'locale'],
        orderBy: [{ id: 'asc' }],
        populate: { citations: { select: ['id', 'documentId'] } },
      })) as ArticleRecord[];
    },

    /**
     * The draft about to be published, with its body and its citations' public and health fields.
     * The Query Engine: the Document Service refuses admin-only (private) fields in a populate, and
     * the publish guard needs the sources' health fields. A locale narrows the draft only where
     * articles have one (the type is not localised by default).
     */
    async draftToPublish(documentId: string, locale?: string | null) {
      const byLocale = locale && 'locale' in (strapi.getModel(ARTICLE_UID).attributes ?? {}) ? { locale } : {};
      return (await query().findOne({
        where: { documentId, publishedAt: { $null: true }, ...byLocale },
        select: ['documentId', 'body', 'numberingStart'],
        populate: { citations: { select: ['documentId', ...SOURCE_FIELDS, ...SOURCE_HEALTH_FIELDS] } },
      })) as ArticleRecord | null;
    },

    // Editing: the citations list (Document Service, as the editor's save).

    /** A draft's citations, in order, with their keys (null when the document has no such draft). */
    draftCitationKeys,

    /** The documentIds of a draft's citations, in the editor's order (null when there is no such draft). */
    async draftCitationIds(documentId: string, locale?: string): Promise<string[] | null> {
      const draft = await draftCitationKeys(documentId, locale);
      return draft ? (draft.citations ?? []).map((source) => source.documentId) : null;
    },

    /** Appends sources (by documentId, in this order) at the end of a draft's citations list. */
    async appendCitations(documentId: string, locale: string | undefined, sourceDocumentIds: string[]): Promise<void> {
      // A plain record: without the host app's generated types the Document Service knows no `citations` field.
      const appended: Record<string, unknown> = {
        citations: { connect: sourceDocumentIds.map((sourceId) => ({ documentId: sourceId, position: { end: true } })) },
      };
      await documents().update({ documentId, locale, status: 'draft', data: appended });
    },

    /** Publishes a document's draft in this locale. */
    async publish(documentId: string, locale?: string): Promise<void> {
      await documents().publish({ documentId, locale });
    },
  };
};

export type ArticlesRepository = ReturnType<typeof articlesRepository>;
