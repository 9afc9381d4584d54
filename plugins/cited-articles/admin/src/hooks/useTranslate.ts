import * as React from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

/** Values a plugin message interpolates (react-intl's primitive values). */
export type MessageValues = Record<string, string | number | boolean | null | undefined | Date>;

/** `t(id, defaultMessage, values)`: a plugin message (translations/en.json), as plain text. */
export const useTranslate = () => {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (id: string, defaultMessage: string, values?: MessageValues) => formatMessage({ id: getTranslation(id), defaultMessage }, values),
    [formatMessage]
  );
};
