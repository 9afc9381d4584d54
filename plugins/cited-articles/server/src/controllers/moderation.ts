import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../utils/request-context';
import type {
  CommentDetailResponse,
  DeleteCommentsResponse,
  ModerateResponse,
  ModerationQueueResponse,
  StaffReplyResponse,
} from '../../../shared/contracts';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { readPagination } from '../validation/content-api';
import { ConflictError } from '../utils/errors';
import { bulkDeleteBody, documentIdParams, moderateBody, moderationListQuery, staffReplyBody } from '../validation/comments';

/** Moderation on the admin API. Each route states its RBAC action (routes/admin.ts). */
const moderation = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('moderation', { strapi });

  return {
    /** GET /comments: the queue, filtered and paginated, with counts per status. */
    async find(ctx: RequestContext) {
      const query = parseOrThrow(moderationListQuery, { ...ctx.query, ...readPagination(ctx.query) }, 'query');
      const { rows, pagination, counts, capped } = await service().listComments(query);
      const body: ModerationQueueResponse = { data: rows, meta: { pagination, counts, capped } };
      ctx.body = body;
    },

    /** GET /comments/:documentId: a comment with its article, thread and reports. */
    async findOne(ctx: RequestContext) {
      const { documentId } = parseOrThrow(documentIdParams, ctx.params, 'comment documentId');
      const body: CommentDetailResponse = { data: await service().findComment(documentId), meta: {} };
      ctx.body = body;
    },

    /** POST /comments/actions/moderate: { documentIds, status } for one or many comments. */
    async moderate(ctx: RequestContext) {
      const { documentIds, status } = parseOrThrow(moderateBody, ctx.request.body ?? {}, 'moderation');
      const user = ctx.state.user;
      const data = await service().setStatus({ documentIds, status, moderator: user?.email ?? `admin:${user?.id}` });
      const body: ModerateResponse = { data, meta: { updated: data.length } };
      ctx.body = body;
    },

    /** DELETE /comments/:documentId: the comment, its replies and its reports. */
    async delete(ctx: RequestContext) {
      const { documentId } = parseOrThrow(documentIdParams, ctx.params, 'comment documentId');
      const deleted = await service().deleteComments([documentId]);
      const body: DeleteCommentsResponse = { data: { deleted }, meta: { deleted: deleted.length } };
      ctx.body = body;
    },

    /** POST /comments/:documentId/reply: { content, approveParent? }, a reply from the newsroom. */
    async reply(ctx: RequestContext) {
      const { documentId } = parseOrThrow(documentIdParams, ctx.params, 'comment documentId');
      const { content, approveParent } = parseOrThrow(staffReplyBody, ctx.request.body ?? {}, 'reply');
      try {
        const data = await getService('comments', { strapi }).staffReply({
          documentId,
          content,
          approveParent: approveParent === true,
          admin: ctx.state.user,
        });
        const body: StaffReplyResponse = { data, meta: {} };
        ctx.status = 201;
        ctx.body = body;
      } catch (error) {
        // Strapi has no conflict error class: 409 is answered here (see utils/errors.ts).
        if (error instanceof ConflictError) return ctx.conflict(error.message, error.details);
        throw error;
      }
    },

    /** POST /comments/actions/delete: { documentIds }. */
    async deleteMany(ctx: RequestContext) {
      const { documentIds } = parseOrThrow(bulkDeleteBody, ctx.request.body ?? {}, 'deletion');
      const deleted = await service().deleteComments(documentIds);
      const body: DeleteCommentsResponse = { data: { deleted }, meta: { deleted: deleted.length } };
      ctx.body = body;
    },
  };
};

export default moderation;
