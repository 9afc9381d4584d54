import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import type { ModerationDecision } from '../../../../shared/contracts';
import { STATUS_LABELS } from '../../components/StatusBadge';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useTranslate } from '../../hooks/useTranslate';
import { useDeleteCitedCommentsMutation, useModerateCitedCommentsMutation } from '../../services/comments';

/**
 * The moderator's two mutations, on one comment or a selection: a decision (approve, reject, spam)
 * and delete (replies included). Each says what it did, or the server's message, in a notification;
 * `afterChange` runs after a success (clear the selection). The queue, the menu's badge and an
 * open thread refetch themselves (services/comments.ts).
 */
export const useModeration = (afterChange: () => void) => {
  const t = useTranslate();
  const [moderateComments] = useModerateCitedCommentsMutation();
  const [deleteComments] = useDeleteCitedCommentsMutation();
  const { toggleNotification } = useNotification();
  const describeError = useErrorMessage();
  const [busy, setBusy] = React.useState(false);

  const run = async (act: () => Promise<string>) => {
    setBusy(true);
    try {
      toggleNotification({ type: 'success', message: await act() });
      afterChange();
    } catch (failure) {
      toggleNotification({ type: 'danger', message: describeError(failure) });
    } finally {
      setBusy(false);
    }
  };

  const decide = (documentIds: string[], decision: ModerationDecision) =>
    run(async () => {
      const data = await moderateComments({ documentIds, status: decision }).unwrap();
      return t('comments.done.moderated', '{count, plural, one {# comment} other {# comments}} marked {status}', {
        count: data.meta.updated,
        status: t(`comments.status.${decision}`, STATUS_LABELS[decision]).toLowerCase(),
      });
    });

  const remove = (documentIds: string[]) =>
    run(async () => {
      const data = await deleteComments({ documentIds }).unwrap();
      return t('comments.done.deleted', '{count, plural, one {# comment} other {# comments}} deleted, replies included', {
        count: data.meta.deleted,
      });
    });

  return { busy, decide, remove };
};

export type Moderation = ReturnType<typeof useModeration>;
