import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge } from '@strapi/design-system';
import { getTranslation } from '../utils/getTranslation';

import type { CommentStatus } from '../../../server/src/comments/statuses';

export type { CommentStatus };

export type AdminComment = {
  documentId: string;
  content: string;
  authorName: string;
  authorEmail: string | null;
  status: CommentStatus;
  depth: number;
  parent: string | null;
  article: { documentId: string; slug: string; title: string } | null;
  /** The locale of the article version the comment belongs to (a thread per locale). */
  locale?: string | null;
  reportCount: number;
  heldReason: string | null;
  createdAt: string;
};

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
