import * as React from 'react';
import type { CommentStatus, GetComments } from '../../../../shared/contracts';
import { COMMENT_STATUSES } from '../../../../shared/comment-statuses';
import { useListParams } from '../../hooks/useListParams';
import { useListRequest } from '../../hooks/useListRequest';
import { useGetCitedCommentsQuery, useGetCitedSiteLocalesQuery, type Locale } from '../../services/comments';
import { oneOf } from '../../utils/oneOf';

export type StatusFilter = CommentStatus | 'all';
export type ReportedFilter = 'any' | 'true' | 'false';
export const STATUS_FILTERS: StatusFilter[] = [...COMMENT_STATUSES, 'all'];
const REPORTED_FILTERS: ReportedFilter[] = ['any', 'true', 'false'];
/** The queue's own URL parameters (besides the search and the page); a missing status is the pending queue. */
export type CommentFilters = { status?: string; article?: string; locale?: string; reported?: string };
export type { Locale };
export type QueueComment = GetComments.Response['data'][number];

export const DEFAULT_PAGE_SIZE = 25;
const NO_LOCALES: Locale[] = [];

/**
 * The moderation queue as the URL asks for it: the filters read from the URL, the page of comments
 * they select, the site's locales, and the title of the article filtered on.
 */
export const useCommentQueue = () => {
  const { query, search, page, pageSize, filterBy } = useListParams<CommentFilters>(DEFAULT_PAGE_SIZE);
  // The queue opens on what waits for a moderator.
  const status = oneOf(STATUS_FILTERS, query.status, 'pending');
  const reported = oneOf(REPORTED_FILTERS, query.reported, 'any');
  // Articles are localized and each locale has its own thread: the queue can show one locale.
  const locale = query.locale || 'any';
  const article = query.article || null;

  const params: GetComments.Request['query'] = {
    status: status === 'all' ? undefined : status,
    article: article ?? undefined,
    locale: locale === 'any' ? undefined : locale,
    reported: reported === 'any' ? undefined : reported,
    q: search.trim() || undefined,
    sort: status === 'pending' ? 'oldest' : 'newest',
    page,
    pageSize,
  };
  // Asked again on each visit: readers post comments meanwhile.
  const request = useListRequest(useGetCitedCommentsQuery(params, { refetchOnMountOrArgChange: true }));
  // The site's locales (Settings → Internationalization); without them the filter is not shown.
  const { data: siteLocales } = useGetCitedSiteLocalesQuery();
  const locales = Array.isArray(siteLocales) ? siteLocales : NO_LOCALES;

  // The title of the article filtered on, from the rows (or the row clicked before they load).
  const [clickedTitles, setClickedTitles] = React.useState<Record<string, string>>({});
  const articleTitle = article
    ? (request.data?.data.find((row) => row.article?.documentId === article)?.article?.title ?? clickedTitles[article] ?? article)
    : null;
  const showArticle = (target: { documentId: string; title: string }) => {
    setClickedTitles((titles) => ({ ...titles, [target.documentId]: target.title }));
    filterBy({ article: target.documentId });
  };

  // A selection belongs to the view it was made in: another filter, search or page starts with none.
  const view = JSON.stringify([status, article, locale, reported, search, page, pageSize]);
  return { filters: { status, reported, locale, article, articleTitle }, filterBy, showArticle, locales, request, view };
};
