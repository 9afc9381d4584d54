import { Button, Flex } from '@strapi/design-system';
import { Check, Cross, WarningCircle } from '@strapi/icons';
import { useTranslate } from '../../hooks/useTranslate';
import type { Moderation } from './useModeration';

/** Approve, Reject, Spam for one comment (a row) or a selection (the bulk bar). */
export const DecisionButtons = ({ documentIds, moderation, size = 'S' }: { documentIds: string[]; moderation: Moderation; size?: 'S' | 'M' }) => {
  const t = useTranslate();
  const { busy, decide } = moderation;
  return (
    <Flex gap={1}>
      <Button size={size} variant="success-light" startIcon={<Check />} disabled={busy} onClick={() => decide(documentIds, 'approved')}>
        {t('comments.action.approve', 'Approve')}
      </Button>
      <Button size={size} variant="tertiary" startIcon={<Cross />} disabled={busy} onClick={() => decide(documentIds, 'rejected')}>
        {t('comments.action.reject', 'Reject')}
      </Button>
      <Button size={size} variant="danger-light" startIcon={<WarningCircle />} disabled={busy} onClick={() => decide(documentIds, 'spam')}>
        {t('comments.action.spam', 'Spam')}
      </Button>
    </Flex>
  );
};
