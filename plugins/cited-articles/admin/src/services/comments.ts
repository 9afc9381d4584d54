import { adminApi } from '@strapi/strapi/admin';
import type { DeleteComments, GetComment, GetComments, ModerateComments, ReplyToComment } from '../../../shared/contracts';

/** A site locale (Settings → Internationalization), as the i18n plugin's admin route answers it. */
export type Locale = { code: string; name?: string | null };

const COMMENT_LIST = { type: 'CitedArticlesComment' as const, id: 'LIST' };

/**
 * The moderation routes on the admin's query layer (Strapi's RTK Query `adminApi`). Every list of
 * comments (the queue, the menu's pending count) is cached under one tag and each thread under its
 * comment's id; a decision, a delete or a reply invalidates the lists and the threads it touched,
 * so the queue, the badge and an open thread refetch themselves.
 */
const commentsApi = adminApi.enhanceEndpoints({ addTagTypes: ['CitedArticlesComment'] }).injectEndpoints({
  endpoints: (build) => ({
    getCitedComments: build.query<GetComments.Response, GetComments.Request['query']>({
      query: (params) => ({ url: '/cited-articles/comments', method: 'GET', config: { params } }),
      providesTags: [COMMENT_LIST],
    }),
    getCitedComment: build.query<GetComment.Response, GetComment.Request['params']>({
      query: ({ documentId }) => ({ url: `/cited-articles/comments/${documentId}`, method: 'GET' }),
      providesTags: (result, error, { documentId }) => [{ type: 'CitedArticlesComment', id: documentId }],
    }),
    moderateCitedComments: build.mutation<ModerateComments.Response, ModerateComments.Request['body']>({
      query: (data) => ({ url: '/cited-articles/comments/actions/moderate', method: 'POST', data }),
      invalidatesTags: (result, error, { documentIds }) =>
        result ? [COMMENT_LIST, ...documentIds.map((id) => ({ type: 'CitedArticlesComment' as const, id }))] : [],
    }),
    deleteCitedComments: build.mutation<DeleteComments.Response, DeleteComments.Request['body']>({
      query: (data) => ({ url: '/cited-articles/comments/actions/delete', method: 'POST', data }),
      invalidatesTags: (result, error, { documentIds }) =>
        result ? [COMMENT_LIST, ...documentIds.map((id) => ({ type: 'CitedArticlesComment' as const, id }))] : [],
    }),
    replyToCitedComment: build.mutation<ReplyToComment.Response, ReplyToComment.Request['params'] & ReplyToComment.Request['body']>({
      query: ({ documentId, ...data }) => ({ url: `/cited-articles/comments/${documentId}/reply`, method: 'POST', data }),
      invalidatesTags: (result, error, { documentId }) => (result ? [COMMENT_LIST, { type: 'CitedArticlesComment', id: documentId }] : []),
    }),
    /** The site's locales (the i18n plugin's route), for the queue's locale filter. */
    getCitedSiteLocales: build.query<Locale[], void>({
      query: () => ({ url: '/i18n/locales', method: 'GET' }),
    }),
  }),
  overrideExisting: false,
});

export const {
  useGetCitedCommentsQuery,
  useGetCitedCommentQuery,
  useModerateCitedCommentsMutation,
  useDeleteCitedCommentsMutation,
  useReplyToCitedCommentMutation,
  useGetCitedSiteLocalesQuery,
} = commentsApi;
