import * as React from 'react';
import { useIntl } from 'react-intl';
import { isFetchError, useAPIErrorHandler } from '@strapi/strapi/admin';
import { getTranslation } from '../utils/getTranslation';

/**
 * One sentence for a failed request: Strapi's own formatter for what the API answered (its message,
 * or each validation error), the error's message for anything else (a network failure, a bug), and
 * `fallback` (or a generic sentence) when there is none.
 */
export const useErrorMessage = () => {
  const { formatMessage } = useIntl();
  const { formatAPIError } = useAPIErrorHandler();
  return React.useCallback(
    (failure: unknown, fallback?: string) => {
      const generic = fallback ?? formatMessage({ id: getTranslation('request.failed'), defaultMessage: 'The request failed.' });
      if (isFetchError(failure)) return formatAPIError(failure) || generic;
      return failure instanceof Error && failure.message ? failure.message : generic;
    },
    [formatAPIError, formatMessage]
  );
};
