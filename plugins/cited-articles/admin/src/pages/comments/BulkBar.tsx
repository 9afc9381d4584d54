import { Button, Flex, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useTranslate } from '../../hooks/useTranslate';
import { DecisionButtons } from './DecisionButtons';
import type { Moderation } from './useModeration';

/** What a moderator can do with the comments ticked: decide on all of them, or delete them. */
export const BulkBar = ({
  selected,
  moderation,
  onDelete,
}: {
  selected: string[];
  moderation: Moderation;
  onDelete: (documentIds: string[]) => void;
}) => {
  const t = useTranslate();
  if (selected.length === 0) return null;
  return (
    <Flex gap={3} paddingBottom={4} data-testid="bulk-actions">
      <Typography variant="omega" fontWeight="semiBold">
        {t('comments.selected', '{count, plural, one {# comment selected} other {# comments selected}}', { count: selected.length })}
      </Typography>
      <DecisionButtons documentIds={selected} moderation={moderation} size="M" />
      <Button variant="danger" startIcon={<Trash />} disabled={moderation.busy} onClick={() => onDelete(selected)}>
        {t('comments.action.delete', 'Delete')}
      </Button>
    </Flex>
  );
};
