import { adminApi } from '@strapi/strapi/admin';
import type { CheckSourceLinks, GetSources, ImportSources, LookupSource } from '../../../shared/contracts';
import { SOURCE_UID } from '../../../shared/uids';
import type { NewSource } from '../utils/newSource';

/** A source as the Content Manager's collection-types routes answer it (the fields the admin reads). */
export type SavedSource = { documentId: string; key: string; title: string };
type ContentManagerSource = { data: SavedSource };

const CM_SOURCES = `/content-manager/collection-types/${SOURCE_UID}`;
/** The tag of every list of sources the admin holds (the Sources page, the source finder). */
const SOURCE_LIST = { type: 'CitedArticlesSource' as const, id: 'LIST' };

/**
 * The source library's routes on the admin's query layer (Strapi's RTK Query `adminApi`, as the
 * content-releases plugin declares its own): the lists are cached under one tag, and what adds
 * sources or changes their health (an import, a link check, a source created here) invalidates
 * it, so every list shown refetches itself.
 */
const sourcesApi = adminApi.enhanceEndpoints({ addTagTypes: ['CitedArticlesSource'] }).injectEndpoints({
  endpoints: (build) => ({
    getCitedSources: build.query<GetSources.Response, GetSources.Request['query']>({
      query: (params) => ({ url: '/cited-articles/sources', method: 'GET', config: { params } }),
      providesTags: [SOURCE_LIST],
    }),
    checkCitedSourceLinks: build.mutation<CheckSourceLinks.Response, CheckSourceLinks.Request['body']>({
      query: (data) => ({ url: '/cited-articles/sources/check-links', method: 'POST', data }),
      invalidatesTags: (result) => (result ? [SOURCE_LIST] : []),
    }),
    importCitedSources: build.mutation<ImportSources.Response, ImportSources.Request['body']>({
      query: (data) => ({ url: '/cited-articles/sources/import', method: 'POST', data }),
      invalidatesTags: (result) => ((result?.data.created ?? []).length > 0 ? [SOURCE_LIST] : []),
    }),
    /** Reads an identifier's metadata: it changes nothing, but it is a POST, hence a mutation. */
    lookupCitedSource: build.mutation<LookupSource.Response, LookupSource.Request['body']>({
      query: (data) => ({ url: '/cited-articles/sources/lookup', method: 'POST', data }),
    }),
    /** One source through the Content Manager's route (the library's copy of a looked-up work). */
    getCitedSourceDocument: build.query<ContentManagerSource, { documentId: string }>({
      query: ({ documentId }) => ({ url: `${CM_SOURCES}/${documentId}`, method: 'GET' }),
    }),
    /** Creates a source through the Content Manager's route (its validation, its lifecycles). */
    createCitedSource: build.mutation<ContentManagerSource, NewSource>({
      query: (data) => ({ url: CM_SOURCES, method: 'POST', data }),
      invalidatesTags: (result) => (result ? [SOURCE_LIST] : []),
    }),
  }),
  overrideExisting: false,
});

export const {
  useGetCitedSourcesQuery,
  useCheckCitedSourceLinksMutation,
  useImportCitedSourcesMutation,
  useLookupCitedSourceMutation,
  useLazyGetCitedSourceDocumentQuery,
  useCreateCitedSourceMutation,
} = sourcesApi;
