import { Button, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { GetComments } from '../../../../shared/contracts';
import { STATUS_LABELS } from '../../components/StatusBadge';
import { useTranslate } from '../../hooks/useTranslate';
import { STATUS_FILTERS, type CommentFilters, type StatusFilter } from './useCommentQueue';

/**
 * One button a status (with its count once known) and All; the pending queue is the default. A
 * count stops at a cap (1,000) on a large site: a capped one reads "1,000+".
 */
export const StatusFilters = ({
  status,
  counts,
  capped,
  filterBy,
}: {
  status: StatusFilter;
  counts: GetComments.Response['meta']['counts'] | undefined;
  capped?: GetComments.Response['meta']['capped']['counts'];
  filterBy: (next: CommentFilters) => void;
}) => {
  const t = useTranslate();
  const { formatNumber } = useIntl();
  return (
    <Flex gap={2} paddingBottom={4} wrap="wrap" data-testid="status-filters">
      {STATUS_FILTERS.map((name) => (
        <Button
          key={name}
          variant={status === name ? 'default' : 'tertiary'}
          onClick={() => filterBy({ status: name === 'pending' ? undefined : name })}
        >
          {name === 'all'
            ? t('comments.status.all', 'All')
            : counts
              ? `${t(`comments.status.${name}`, STATUS_LABELS[name])} (${formatNumber(counts[name])}${capped?.[name] ? '+' : ''})`
              : t(`comments.status.${name}`, STATUS_LABELS[name])}
        </Button>
      ))}
    </Flex>
  );
};
