import { useQueryParams, withEncodedUserParams } from '@strapi/strapi/admin';

/** What every list page keeps in its URL: SearchInput's `_q`, Pagination's `page` and `pageSize`. */
type ListQuery = { _q?: string; page?: string; pageSize?: string };

/**
 * A list page's state, read from its URL (a reload or a shared link shows the same list) with
 * Strapi's `useQueryParams`. `Filters` are the page's own parameters, read by the page (an unknown
 * value falls back to the page's default, see utils/oneOf).
 */
export const useListParams = <Filters extends Record<string, string | undefined>>(defaultPageSize: number) => {
  const [{ query }, setQuery] = useQueryParams<ListQuery & Partial<Filters>>();
  // useQueryParams hands the search back decoded (SearchInput wrote it encoded).
  const search = typeof query._q === 'string' ? query._q : '';
  const page = Math.max(1, Number(query.page) || 1);
  const pageSize = Math.max(1, Number(query.pageSize) || defaultPageSize);
  // A filter change starts again from the first page. The search is re-encoded as SearchInput wrote it.
  const filterBy = (next: Partial<Filters>) => setQuery(withEncodedUserParams(query, { ...next, page: '1' }));
  return { query, search, page, pageSize, filterBy };
};
