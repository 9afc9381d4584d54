import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge } from '@strapi/design-system';
import type { CommentStatus } from '../../../shared/contracts';
import { getTranslation } from '../utils/getTranslation';

const COLORS: Record<CommentStatus, [string, string]> = {
  pending: ['warning100', 'warning700'],
  approved: ['success100', 'success700'],
  rejected: ['neutral150', 'neutral700'],
  spam: ['danger100', 'danger700'],
};

export const STATUS_LABELS: Record<CommentStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  spam: 'Spam',
};

export const StatusBadge = ({ status }: { status: CommentStatus }) => {
  const { formatMessage } = useIntl();
  const [background, text] = COLORS[status] ?? COLORS.pending;
  return (
    <Badge backgroundColor={background} textColor={text}>
      {formatMessage({ id: getTranslation(`comments.status.${status}`), defaultMessage: STATUS_LABELS[status] ?? status })}
    </Badge>
  );
};
