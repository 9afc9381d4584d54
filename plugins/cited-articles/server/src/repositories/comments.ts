import type { Core, Modules } from '@strapi/strapi';
import { COMMENT_STATUSES, type CommentStatus } from '../../../shared/comment-statuses';
import type { ArticleRecord, CommentRecord, WithFields } from '../content-types/records';
import { COMMENT_UID } from '../../../shared/uids';
import { commentsSql, type SortOrder } from './comments-sql';

/** A Document Service filter on comments. */
type CommentFilter = Modules.Documents.Params.Filters.Any<typeof COMMENT_UID>;

export type { SortOrder, ThreadEntry, UnfingerprintedComment, UnversionedComment } from './comments-sql';

/** What a public comment response needs from a row, and nothing private. */
export const PUBLIC_COMMENT_FIELDS = ['content', 'authorName', 'status', 'depth', 'threadRoot', 'createdAt', 'editedAt', 'deleted', 'staff'];
/** The same for a page of one thread's replies (they all share the thread's root). */
const PUBLIC_REPLY_FIELDS = ['content', 'authorName', 'status', 'depth', 'createdAt', 'editedAt', 'deleted', 'staff'];

/** What moderators see of a comment: everything, emails included (this never leaves the admin API). */
const ADMIN_FIELDS = [
  'content',
  'authorName',
  'authorEmail',
  'status',
  'depth',
  'threadRoot',
  'reportCount',
  'heldReason',
  'ipHash',
  'moderatedBy',
  'moderatedAt',
  'articleLocale',
  'createdAt',
  'updatedAt',
  'editedAt',
  'deleted',
  'staff',
];
/**
 * A comment as moderators' reads return it (ADMIN_FIELDS, its article's slug and title). Content and
 * status are required by the schema and the timestamps are set by Strapi on every write.
 */
export type AdminCommentRow = WithFields<CommentRecord, 'content' | 'status' | 'createdAt' | 'updatedAt'> & {
  article?: WithFields<ArticleRecord, 'slug' | 'title'> | null;
};

const ADMIN_POPULATE = {
  article: { fields: ['slug', 'title'] },
  parent: { fields: ['depth'] },
};

/** The moderation queue's filters other than status. */
export interface QueueFilters {
  article?: string;
  locale?: string;
  reported?: boolean;
  q?: string;
}

/** The fields a new comment is written with (relations by documentId). */
export type NewCommentData = Omit<CommentRecord, 'id' | 'documentId' | 'article' | 'parent' | 'user' | 'replies'> & {
  article: string | { documentId: string; locale: string } | null;
  parent: string | null;
  user?: number | null;
};

/** A comment row read for a given purpose: its id and documentId, and the fields named. */
type Row<K extends keyof CommentRecord> = Pick<CommentRecord, 'id' | 'documentId' | K>;

/**
 * Every query of the comment aggregate (comments; their reports are in comment-reports.ts), in one place: the Query Engine
 * on the public paths (the Document Service wraps even reads in a transaction, see npm run bench),
 * the Document Service where its middlewares and lifecycles must run (writes a reader or a
 * moderator makes, the moderation queue), and the SQL the Query Engine cannot say (comments-sql.ts).
 * Each method names its purpose; tests count the statements public routes run
 * (tests/api/query-count*.test.ts), so a change to one is a change to those counts.
 *
 * A plain module taking `strapi`, not a Strapi service: services build it where they use it (it
 * holds no state) and nothing outside the server reaches it.
 */
export const commentsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(COMMENT_UID);
  const documents = () => strapi.documents(COMMENT_UID);

  /** Moderation filters as Document Service filters, shared by the queue and its per-status counts. */
  const queueScope = ({ article, locale, reported, q }: QueueFilters) => {
    const and: CommentFilter[] = [];
    if (article) and.push({ article: { documentId: article } });
    if (locale) and.push({ articleLocale: locale });
    if (reported === true) and.push({ reportCount: { $gt: 0 } });
    if (reported === false) and.push({ $or: [{ reportCount: 0 }, { reportCount: { $null: true } }] });
    if (q) {
      and.push({
        $or: [{ content: { $containsi: q } }, { authorName: { $containsi: q } }, { authorEmail: { $containsi: q } }],
      });
    }
    return and;
  };
  const inQueue = (filters: QueueFilters, status?: CommentStatus) => ({ $and: [...queueScope(filters), ...(status ? [{ status }] : [])] });

  return {
    ...commentsSql(strapi),

    // Public paths (Query Engine).

    /** An approved comment a reader answers: where it sits and which article version it is on. */
    async approvedReplyTarget(documentId: string) {
      return (await query().findOne({
        where: { documentId, status: 'approved' },
        select: ['id', 'depth', 'threadRoot', 'articleDocumentId', 'articleLocale'],
      })) as Pick<CommentRecord, 'id' | 'depth' | 'threadRoot' | 'articleDocumentId' | 'articleLocale'> | null;
    },

    /** An approved comment a reader reports, with its article version. */
    async approvedForReport(documentId: string) {
      return (await query().findOne({
        where: { documentId, status: 'approved' },
        select: ['id', 'status', 'articleDocumentId', 'articleLocale'],
      })) as Pick<CommentRecord, 'id' | 'status' | 'articleDocumentId' | 'articleLocale'> | null;
    },

    /** An approved top-level comment, the root of a thread whose replies are paged. */
    async approvedRoot(documentId: string) {
      return (await query().findOne({
        where: { documentId, status: 'approved', depth: 0 },
        select: ['id', 'documentId', 'articleDocumentId', 'articleLocale'],
      })) as Row<'articleDocumentId' | 'articleLocale'> | null;
    },

    /** Comments with this fingerprint since `since`, from this network or this sender. */
    async countRecentDuplicates({
      fingerprint,
      since,
      ipHash,
      userId,
      authorEmail,
    }: {
      fingerprint: string;
      since: Date;
      ipHash: string;
      userId?: number | null;
      authorEmail: string | null;
    }): Promise<number> {
      return query().count({
        where: {
          contentFingerprint: fingerprint,
          createdAt: { $gte: since },
          $or: [{ ipHash }, userId ? { user: { id: userId } } : { authorEmail }],
        },
      });
    },

    /** The public fields of the comments with these ids (any status: the caller has chosen them). */
    async publicRows(ids: number[]) {
      return (await query().findMany({
        where: { id: { $in: ids } },
        select: ['id', 'documentId', ...PUBLIC_COMMENT_FIELDS],
      })) as CommentRecord[];
    },

    /** The public fields of one comment, by id. */
    async publicRow(id: number) {
      return (await query().findOne({ where: { id }, select: ['id', 'documentId', ...PUBLIC_COMMENT_FIELDS] })) as CommentRecord | null;
    },

    /** The approved ones of the replies named, with their parent, oldest first (the comment list). */
    async listedReplies(documentIds: string[]) {
      return (await query().findMany({
        where: { documentId: { $in: documentIds }, status: 'approved' },
        select: ['id', 'documentId', ...PUBLIC_COMMENT_FIELDS],
        populate: { parent: { select: ['id', 'documentId', 'depth'] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })) as CommentRecord[];
    },

    /** The approved ones of the replies with these ids, with their parent, oldest first (a page of one thread). */
    async threadReplies(ids: number[]) {
      return (await query().findMany({
        where: { id: { $in: ids }, status: 'approved' },
        select: ['id', 'documentId', ...PUBLIC_REPLY_FIELDS],
        populate: { parent: { select: ['id', 'documentId'] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })) as CommentRecord[];
    },

    /** The status and parent of the comments named (a page's ancestors outside the page). */
    async statusesWithParents(documentIds: string[]) {
      return (await query().findMany({
        where: { documentId: { $in: documentIds } },
        select: ['id', 'documentId', 'status'],
        populate: { parent: { select: ['id', 'documentId'] } },
      })) as Array<Row<'status' | 'parent'>>;
    },

    /** Whether a comment with this documentId exists, whatever its status. */
    async exists(documentId: string): Promise<boolean> {
      return (await query().count({ where: { documentId } })) > 0;
    },

    /** Sends an approved comment back to pending once its reports reach `threshold`; whether it did. */
    async sendBackIfReported(documentId: string, threshold: number): Promise<boolean> {
      const sentBack = await query().updateMany({
        where: { documentId, status: 'approved', reportCount: { $gte: threshold } },
        data: { status: 'pending', heldReason: 'reports', heldAt: new Date() },
      });
      return Number((sentBack as { count?: number })?.count ?? 0) > 0;
    },

    // Writes of comments.

    /** Writes a new comment through the Document Service (its middlewares and lifecycles run). */
    async create(data: NewCommentData, { fields }: { fields?: string[] } = {}) {
      return (await documents().create({ data, ...(fields ? { fields } : {}) })) as CommentRecord;
    },

    /** Updates one comment by id (Query Engine: inside the caller's transaction, no middlewares). */
    async update(id: number, data: Partial<Omit<CommentRecord, 'user'>> & { user?: number | null }): Promise<void> {
      await query().update({ where: { id }, data });
    },

    /** Updates the comments named. */
    async updateMany(documentIds: string[], data: Partial<CommentRecord>): Promise<void> {
      await query().updateMany({ where: { documentId: { $in: documentIds } }, data });
    },

    /** Deletes one comment (all its versions) through the Document Service. */
    async delete(documentId: string): Promise<void> {
      await documents().delete({ documentId });
    },

    // The author's own comment.

    /** A comment with its account and parent, for its author to edit or delete. */
    async forAuthor(documentId: string) {
      return (await query().findOne({
        where: { documentId },
        select: ['id', 'documentId', 'status', 'createdAt', 'deleted', 'heldReason', 'articleDocumentId', 'depth'],
        populate: { user: { select: ['id'] }, parent: { select: ['id', 'documentId', 'deleted'] } },
      })) as WithFields<CommentRecord, 'status' | 'createdAt'> | null;
    },

    /** The parent of a comment (id, documentId, deleted), or null. */
    async parentOf(id: number) {
      const row = (await query().findOne({
        where: { id },
        select: ['id'],
        populate: { parent: { select: ['id', 'documentId', 'deleted'] } },
      })) as Pick<CommentRecord, 'id' | 'parent'> | null;
      return row?.parent ?? null;
    },

    /** Replies of a comment, leaving out the ids in `except` when given. */
    async countReplies(parentId: number, except?: number[]): Promise<number> {
      return query().count({ where: { parent: { id: parentId }, ...(except ? { id: { $notIn: except } } : {}) } });
    },

    // Article copies and thread positions.

    /** A comment's copies of its article version and the article its link points to. */
    async articleLinkOf(id: number) {
      return (await query().findOne({
        where: { id },
        select: ['id', 'articleDocumentId', 'articleLocale', 'articleVersion'],
        populate: { article: { select: ['documentId', 'locale'] } },
      })) as CommentRecord | null;
    },

    /** A comment's depth and thread root, for a reply written under it by any API. */
    async threadPositionOf(documentId: string) {
      return (await documents().findOne({ documentId, fields: ['depth', 'threadRoot'] })) as Row<'depth' | 'threadRoot'> | null;
    },

    // Moderation (Document Service).

    /** The comment a moderator answers: its place, status and article version. */
    async forStaffReply(documentId: string) {
      return (await query().findOne({
        where: { documentId },
        select: ['id', 'documentId', 'status', 'depth', 'threadRoot', 'deleted', 'articleDocumentId', 'articleLocale'],
        populate: { article: { select: ['id', 'documentId', 'slug', 'locale'] } },
      })) as CommentRecord | null;
    },

    /** Every field of a comment with its article and parent, as moderators see a new one. */
    async adminView(documentId: string) {
      return (await documents().findOne({
        documentId,
        populate: { article: { fields: ['slug', 'title'] }, parent: { fields: ['depth'] } },
      })) as AdminCommentRow | null;
    },

    /** The comments named, as moderators see them (those that exist). */
    async adminRows(documentIds: string[]) {
      return (await documents().findMany({
        filters: { documentId: { $in: documentIds } },
        fields: ADMIN_FIELDS,
        populate: ADMIN_POPULATE,
      })) as AdminCommentRow[];
    },

    /** A page of the moderation queue. */
    async queuePage(
      filters: QueueFilters,
      { status, order, start, limit }: { status?: CommentStatus; order: SortOrder; start: number; limit: number }
    ) {
      return (await documents().findMany({
        filters: inQueue(filters, status),
        fields: ADMIN_FIELDS,
        populate: ADMIN_POPULATE,
        sort: [{ createdAt: order }, { id: order }],
        start,
        limit,
      })) as AdminCommentRow[];
    },

    /**
     * The moderation queue's counts in one statement, each counted up to a cap: the comments of the
     * status asked (or of all) up to `totalCap + 1`, and those of each status up to `cap + 1` (the
     * status asked up to the larger of the two, and a count above `cap` means more than `cap`). Each
     * is `SELECT count(*) FROM (SELECT id … LIMIT cap + 1)`, so the database stops once it knows
     * there are more than the cap, where a plain count reads every match (900,000 approved comments
     * on a news site). A count above its cap means "more than the cap".
     */
    async queueCounts(
      filters: QueueFilters,
      { status, totalCap, cap }: { status?: CommentStatus; totalCap: number; cap: number }
    ): Promise<{ total: number; counts: Record<CommentStatus, number> }> {
      const knex = strapi.db.connection;
      const upTo = (where: CommentFilter, limit: number, alias: string) => {
        const builder = strapi.db.entityManager
          .createQueryBuilder(COMMENT_UID)
          .where(where)
          .select('id')
          .limit(limit + 1);
        // The builder adds the id again and an order for its pagination (MySQL refuses the column
        // twice); a count needs neither. The article filter joins the article's versions: a
        // comment linked to its draft and its published version is counted once.
        const matching = builder.getKnexQuery().clearSelect().clearOrder().select(`${builder.alias}.id`);
        if (filters.article) matching.distinct();
        return knex.count({ n: '*' }).from(matching.as(alias));
      };
      // With a status asked, its count is the total: counted once, up to the larger cap.
      const [row] = (await knex.select({
        ...(status ? {} : { total: upTo(inQueue(filters), totalCap, 'total_upto') }),
        ...Object.fromEntries(
          COMMENT_STATUSES.map((name) => [name, upTo(inQueue(filters, name), name === status ? Math.max(totalCap, cap) : cap, `${name}_upto`)])
        ),
      })) as Array<Record<'total' | CommentStatus, number | string>>;
      return {
        total: Number(status ? row[status] : row.total),
        counts: Object.fromEntries(COMMENT_STATUSES.map((name) => [name, Number(row[name])])) as Record<CommentStatus, number>,
      };
    },

    /** A whole thread (any status, oldest first), as moderators see it. */
    async adminThread(rootDocumentId: string) {
      return (await documents().findMany({
        filters: { $or: [{ documentId: rootDocumentId }, { threadRoot: rootDocumentId }] },
        fields: ADMIN_FIELDS,
        populate: ADMIN_POPULATE,
        sort: [{ createdAt: 'asc' }, { id: 'asc' }],
      })) as AdminCommentRow[];
    },

    /** The members of the threads named, each with its parent. */
    async threadMembers(rootDocumentIds: string[]) {
      return (await documents().findMany({
        filters: { threadRoot: { $in: rootDocumentIds } },
        fields: ['threadRoot'],
        populate: { parent: { fields: ['depth'] } },
      })) as CommentRecord[];
    },

    // Notifications.

    /** Comments that started waiting for a moderator in (since, until], oldest first. */
    async heldBetween(since: Date, until: Date, limit: number) {
      return (await query().findMany({
        where: { status: 'pending', heldAt: { $gt: since, $lte: until } },
        select: ['documentId', 'heldAt', 'authorName', 'content', 'heldReason', 'articleDocumentId'],
        orderBy: [{ heldAt: 'asc' }, { id: 'asc' }],
        limit,
      })) as Array<Pick<CommentRecord, 'documentId' | 'heldAt' | 'authorName' | 'content' | 'heldReason' | 'articleDocumentId'>>;
    },

    /** An approved reply with its author's account and its parent's contact details and preference. */
    async replyWithParentContact(documentId: string) {
      return (await query().findOne({
        where: { documentId, status: 'approved' },
        select: ['id', 'authorName', 'authorEmail', 'content', 'staff', 'articleDocumentId', 'articleLocale'],
        populate: {
          user: { select: ['id'] },
          parent: {
            select: ['id', 'authorEmail', 'notifyReplies', 'deleted'],
            populate: { user: { select: ['id', 'email', 'blocked'] } },
          },
        },
      })) as CommentRecord | null;
    },
  };
};

export type CommentsRepository = ReturnType<typeof commentsRepository>;
