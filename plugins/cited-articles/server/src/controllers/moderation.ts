import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/errors';
import { readPagination } from '../validation/content-api';
import { ConflictError } from '../utils/errors';
import { bulkDeleteBody, documentIdParams, moderateBody, moderationListQuery, staffReplyBody } from '../validation/comments';

/** Moderation on the admin API. Each route states its RBAC action (routes/admin.ts). */
const moderation = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('comment-moderation', { strapi });

  return {
    /** GET /comments: the queue, filtered and paginated, with counts per status. */
    async find(ctx) {
      const query = parseOrThrow(moderationListQuery, { ...ctx.query, ...readPagination(ctx.query) }, 'query');
      const { rows, pagination, counts } = await service().list(query);
      ctx.body = { data: rows, meta: { pagination, counts } };
    },

    /** GET /comments/:documentId: a comment with its article, thread and reports. */
    async findOne(ctx) {
      const { documentId } = parseOrThrow(documentIdParams, ctx.params, 'comment documentId');
      ctx.body = { data: await service().findOne(documentId), meta: {} };
    },

    /** POST /comments/actions/moderate: { documentIds, status } for one or many comments. */
    async moderate(ctx) {
      const { documentIds, status } = parseOrThrow(moderateBody, ctx.request.body ?? {}, 'moderation');
      const user = ctx.state.user;
      const data = await service().setStatus({ documentIds, status, moderator: user?.email ?? `admin:${user?.id}` });
      ctx.body = { data, meta: { updated: data.length } };
    },

    /** DELETE /comments/:documentId: the comment, its replies and its reports. */
    async delete(ctx) {
      const { documentId } = parseOrThrow(documentIdParams, ctx.params, 'comment documentId');
      const deleted = await service().delete([documentId]);
      ctx.body = { data: { deleted }, meta: { deleted: deleted.length } };
    },

    /** POST /comments/:documentId/reply: { content, approveParent? }, a reply from the newsroom. */
    async reply(ctx) {
      const { documentId } = parseOrThrow(documentIdParams, ctx.params, 'comment documentId');
      const { content, approveParent } = parseOrThrow(staffReplyBody, ctx.request.body ?? {}, 'reply');
      try {
        const data = await getService('staff-replies', { strapi }).reply({
          documentId,
          content,
          approveParent: approveParent === true,
          admin: ctx.state.user,
        });
        ctx.status = 201;
        ctx.body = { data, meta: {} };
      } catch (error) {
        // Strapi has no conflict error class: 409 is answered here (see utils/errors.ts).
        if (error instanceof ConflictError) return ctx.conflict(error.message, error.details);
        throw error;
      }
    },

    /** POST /comments/actions/delete: { documentIds }. */
    async deleteMany(ctx) {
      const { documentIds } = parseOrThrow(bulkDeleteBody, ctx.request.body ?? {}, 'deletion');
      const deleted = await service().delete(documentIds);
      ctx.body = { data: { deleted }, meta: { deleted: deleted.length } };
    },
  };
};

export default moderation;
