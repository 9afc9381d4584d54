import * as React from 'react';
import { Box } from '@strapi/design-system';
import { Discuss } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { onCommentsChanged } from '../utils/commentEvents';

const REFRESH_MS = 60_000;

/**
 * The Comments menu icon, with the number of comments waiting for a moderator. The menu only shows
 * the link to admins holding comments.read, so the count request is theirs to make.
 */
export const PendingCommentsIcon = () => {
  const { get } = useFetchClient();
  const [pending, setPending] = React.useState(0);

  React.useEffect(() => {
    let live = true;
    const refresh = async () => {
      try {
        const { data } = await get<any>('/cited-articles/comments', { params: { status: 'pending', pageSize: 1 } });
        if (live) setPending(data.meta?.counts?.pending ?? 0);
      } catch {
        if (live) setPending(0);
      }
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    const unsubscribe = onCommentsChanged(refresh);
    return () => {
      live = false;
      clearInterval(timer);
      unsubscribe();
    };
  }, [get]);

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
