import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useErrorMessage } from './useErrorMessage';

type Params = Record<string, string | number | boolean | undefined>;

interface Answer<T> {
  /** The last successful answer, whichever request it answered. */
  data: T | undefined;
  error: string | null;
  /** The request (see requestKey) the state answers. */
  answered: string | null;
}

/**
 * GETs an admin route with Strapi's fetch client and keeps the answer. `data` is the last
 * successful answer, kept while the next one loads (a list does not empty between two pages);
 * `error` the failure of the latest request, formatted by Strapi's API error handler; `loading` is
 * true until the current request (url, params, reloads) has its answer, so a page shows a loader
 * rather than the counts of nothing. A late answer to an older request is dropped. `url` null asks
 * nothing; `delayMs` waits that long after the last change before asking (typing in a search).
 */
export const useAdminQuery = <T>(url: string | null, params: Params = {}, { delayMs = 0 }: { delayMs?: number } = {}) => {
  const { get } = useFetchClient();
  const describe = useErrorMessage();
  const [reloads, setReloads] = React.useState(0);
  // Compared by value: a new params object holding the same filters is the same request.
  const requestKey = url === null ? null : JSON.stringify([url, params, reloads]);
  const [answer, setAnswer] = React.useState<Answer<T>>({ data: undefined, error: null, answered: null });

  React.useEffect(() => {
    if (requestKey === null) return;
    const [path, query] = JSON.parse(requestKey) as [string, Params];
    let live = true;
    const timer = setTimeout(() => {
      get<T>(path, { params: query })
        .then(({ data }) => {
          if (live) setAnswer({ data, error: null, answered: requestKey });
        })
        .catch((failure: unknown) => {
          if (live) setAnswer((current) => ({ ...current, error: describe(failure), answered: requestKey }));
        });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [get, describe, requestKey, delayMs]);

  const reload = React.useCallback(() => setReloads((count) => count + 1), []);
  return { data: answer.data, error: answer.error, loading: requestKey !== null && answer.answered !== requestKey, reload };
};
