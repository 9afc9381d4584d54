import * as React from 'react';
import type { ListRequest } from '../components/list/ListPage';
import { useErrorMessage } from './useErrorMessage';

/** What a list page reads of a query hook's result (services/). */
type QueryResult<T> = { data?: T; error?: unknown; isFetching: boolean; refetch: () => unknown };

/**
 * A list query's result as a list page shows it: `data` is the last successful answer, kept while
 * the next one loads (a list does not empty between two pages); `error` the failure of the current
 * request, formatted by Strapi's API error handler; `loading` true until the current request (its
 * arguments, a refetch after a change) has its answer, so a page shows a loader rather than the
 * counts of the previous list; `reload` asks again ("Try again").
 */
export const useListRequest = <T>({ data, error, isFetching, refetch }: QueryResult<T>): ListRequest & { data: T | undefined } => {
  const describe = useErrorMessage();
  const reload = React.useCallback(() => {
    refetch();
  }, [refetch]);
  return { data, error: error ? describe(error) : null, loading: isFetching, reload };
};
