import { Box } from '@strapi/design-system';
import { Discuss } from '@strapi/icons';
import type { GetComments } from '../../../shared/contracts';
import { useGetCitedCommentsQuery } from '../services/comments';

const REFRESH_MS = 60_000;
const PENDING_COUNT: GetComments.Request['query'] = { status: 'pending', pageSize: 1 };

/**
 * The Comments menu icon, with the number of comments waiting for a moderator. The menu only shows
 * the link to admins holding comments.read, so the count request is theirs to make. Asked every
 * minute, and again after each moderation, delete or reply in the admin (its list tag is
 * invalidated, services/comments.ts).
 */
export const PendingCommentsIcon = () => {
  const { data, isError } = useGetCitedCommentsQuery(PENDING_COUNT, { pollingInterval: REFRESH_MS });
  // A failed count shows no badge rather than a stale number.
  const pending = isError ? 0 : (data?.meta.counts.pending ?? 0);

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
