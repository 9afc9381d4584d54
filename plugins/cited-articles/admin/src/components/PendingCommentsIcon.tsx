import * as React from 'react';
import { Box } from '@strapi/design-system';
import { Discuss } from '@strapi/icons';
import type { GetComments } from '../../../shared/contracts';
import { useAdminQuery } from '../hooks/useAdminQuery';
import { onCommentsChanged } from '../utils/commentEvents';

const REFRESH_MS = 60_000;
const PENDING_COUNT = { status: 'pending', pageSize: 1 };

/**
 * The Comments menu icon, with the number of comments waiting for a moderator. The menu only shows
 * the link to admins holding comments.read, so the count request is theirs to make.
 */
export const PendingCommentsIcon = () => {
  const { data, error, reload } = useAdminQuery<GetComments.Response>('/cited-articles/comments', PENDING_COUNT);
  // A failed count shows no badge rather than a stale number.
  const pending = error ? 0 : (data?.meta.counts.pending ?? 0);

  React.useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    const unsubscribe = onCommentsChanged(reload);
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [reload]);

  return (
    <Box position="relative" tag="span" style={{ display: 'inline-flex' }}>
      <Discuss />
      {pending > 0 ? (
        <Box
          tag="span"
          data-testid="pending-comments-badge"
          aria-label={`${pending} pending`}
          background="danger600"
          color="neutral0"
          hasRadius
          position="absolute"
          style={{ top: -8, right: -12, fontSize: 10, lineHeight: '14px', minWidth: 16, padding: '0 4px', textAlign: 'center', fontWeight: 700 }}
        >
          {pending > 99 ? '99+' : pending}
        </Box>
      ) : null}
    </Box>
  );
};
