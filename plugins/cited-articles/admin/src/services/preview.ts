import { adminApi } from '@strapi/strapi/admin';
import type { PreviewReferences } from '../../../shared/contracts';
import { ARTICLE_UID } from '../../../shared/uids';

/** The query of an article's saved citations: the locale being edited (each has its own list). */
export type SavedCitationsArgs = { documentId: string; locale?: string };
/** The Content Manager's page of a relation's saved entries (GET /content-manager/relations/…). */
type SavedRelations = { results?: Array<{ documentId: string }> };

/**
 * The References panel's and the Publish guard's routes on the admin's query layer (Strapi's RTK
 * Query `adminApi`). Neither is cached for a list: the preview answers an unsaved form (a POST,
 * hence a mutation, asked again at each change), and the saved citations are asked afresh after
 * each save (see hooks/useReferencePreview.ts).
 */
const previewApi = adminApi.injectEndpoints({
  endpoints: (build) => ({
    previewCitedReferences: build.mutation<PreviewReferences.Response, PreviewReferences.Request['body']>({
      query: (data) => ({ url: '/cited-articles/preview', method: 'POST', data }),
    }),
    getCitedSavedCitations: build.query<SavedRelations, SavedCitationsArgs>({
      query: ({ documentId, locale }) => ({
        url: `/content-manager/relations/${ARTICLE_UID}/${documentId}/citations`,
        method: 'GET',
        // The draft of the locale being edited, as the form shows it.
        config: { params: { pageSize: 100, ...(locale ? { locale, status: 'draft' } : {}) } },
      }),
    }),
  }),
  overrideExisting: false,
});

export const { usePreviewCitedReferencesMutation, useLazyGetCitedSavedCitationsQuery } = previewApi;
