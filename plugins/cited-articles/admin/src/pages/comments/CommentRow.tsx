import { Checkbox, Flex, IconButton, Td, TextButton, Tr, Typography } from '@strapi/design-system';
import { Eye, Trash } from '@strapi/icons';
import { StatusBadge } from '../../components/StatusBadge';
import { useTranslate } from '../../hooks/useTranslate';
import { DecisionButtons } from './DecisionButtons';
import type { QueueComment } from './useCommentQueue';
import type { Moderation } from './useModeration';
import type { Selection } from './useSelection';

/** What the author wrote, with who, when, and why it is held or was edited. */
const CommentCell = ({ comment }: { comment: QueueComment }) => {
  const t = useTranslate();
  return (
    <Td style={{ whiteSpace: 'normal', maxWidth: 420 }}>
      <Typography variant="omega" fontWeight="bold">
        {comment.authorName}
      </Typography>{' '}
      <Typography variant="pi" textColor="neutral600">
        {comment.authorEmail ?? ''} · {new Date(comment.createdAt).toLocaleString()}
        {comment.parent ? ` · ${t('comments.reply', 'reply')}` : ''}
        {comment.heldReason && comment.heldReason !== 'edited' ? ` · ${t('comments.held', 'held: {reason}', { reason: comment.heldReason })}` : ''}
        {comment.editedAt && comment.heldReason !== 'edited'
          ? ` · ${t('comments.edited', 'edited {date}', { date: new Date(comment.editedAt).toLocaleString() })}`
          : ''}
      </Typography>
      {comment.heldReason === 'edited' ? (
        // Under pre-moderation an edit of an approved comment comes back here (docs/decisions.md).
        <Typography variant="pi" fontWeight="bold" textColor="warning600" tag="p" data-testid="comment-edited-after-approval">
          {t('comments.editedAfterApproval', 'Edited by its author after approval ({date}): hidden from readers until approved again', {
            date: comment.editedAt ? new Date(comment.editedAt).toLocaleString() : '',
          })}
        </Typography>
      ) : null}
      <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
        {comment.content}
      </Typography>
    </Td>
  );
};

/**
 * One comment of the queue: its checkbox and actions for moderators, its text, its article (a click
 * filters the queue on it) and locale, its status and how many open reports it has.
 */
export const CommentRow = ({
  comment,
  canModerate,
  selection,
  moderation,
  onOpen,
  onDelete,
  onShowArticle,
}: {
  comment: QueueComment;
  canModerate: boolean;
  selection: Selection;
  moderation: Moderation;
  onOpen: (documentId: string) => void;
  onDelete: (documentIds: string[]) => void;
  onShowArticle: (article: { documentId: string; title: string }) => void;
}) => {
  const t = useTranslate();
  const { article } = comment;
  return (
    <Tr data-testid="comment-row">
      {canModerate ? (
        <Td>
          <Checkbox
            aria-label={t('comments.select', 'Select the comment by {name}', { name: comment.authorName })}
            checked={selection.selected.includes(comment.documentId)}
            onCheckedChange={() => selection.toggle(comment.documentId)}
          />
        </Td>
      ) : null}
      <CommentCell comment={comment} />
      <Td style={{ whiteSpace: 'normal' }}>
        {article ? <TextButton onClick={() => onShowArticle(article)}>{article.title}</TextButton> : null}
        {comment.locale ? (
          <Typography variant="pi" textColor="neutral600" data-testid="comment-locale">
            {' '}
            ({comment.locale})
          </Typography>
        ) : null}
      </Td>
      <Td>
        <StatusBadge status={comment.status} />
      </Td>
      <Td>
        <Typography>{comment.reportCount}</Typography>
      </Td>
      <Td>
        <Flex gap={1}>
          <IconButton label={t('comments.action.view', 'Show in its thread')} onClick={() => onOpen(comment.documentId)}>
            <Eye />
          </IconButton>
          {canModerate ? (
            <>
              <DecisionButtons documentIds={[comment.documentId]} moderation={moderation} />
              <IconButton label={t('comments.action.delete', 'Delete')} variant="danger-light" onClick={() => onDelete([comment.documentId])}>
                <Trash />
              </IconButton>
            </>
          ) : null}
        </Flex>
      </Td>
    </Tr>
  );
};
