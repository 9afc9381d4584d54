import * as React from 'react';
import { useIntl } from 'react-intl';
import { isFetchError, useAPIErrorHandler } from '@strapi/strapi/admin';
import { getTranslation } from '../utils/getTranslation';

/**
 * The error of a request made through the admin's query layer (services/): the API's error
 * (`{ name, message, details }`), or the query layer's own for a failure without one.
 */
const isQueryError = (failure: unknown): failure is { name?: string; message?: string; details?: unknown } =>
  typeof failure === 'object' && failure !== null && !(failure instanceof Error) && 'message' in failure;

/**
 * One sentence for a failed request: Strapi's own formatter for what the API answered (its message,
 * or each validation error), whether the request went through the query layer or the fetch client;
 * the error's message for anything else (a network failure, a bug), and `fallback` (or a generic
 * sentence) when there is none.
 */
export const useErrorMessage = () => {
  const { formatMessage } = useIntl();
  const { formatAPIError, _unstableFormatAPIError: formatQueryError } = useAPIErrorHandler();
  return React.useCallback(
    (failure: unknown, fallback?: string) => {
      const generic = fallback ?? formatMessage({ id: getTranslation('request.failed'), defaultMessage: 'The request failed.' });
      if (isFetchError(failure)) return formatAPIError(failure) || generic;
      if (isQueryError(failure)) return (failure.message && formatQueryError(failure as Parameters<typeof formatQueryError>[0])) || generic;
      return failure instanceof Error && failure.message ? failure.message : generic;
    },
    [formatAPIError, formatQueryError, formatMessage]
  );
};
