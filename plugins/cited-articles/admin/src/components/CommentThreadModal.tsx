import * as React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Badge, Box, Button, Field, Flex, Link, Loader, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { useTranslate } from '../hooks/useTranslate';
import { useGetCitedCommentQuery, useReplyToCitedCommentMutation } from '../services/comments';
import { ARTICLE_UID } from '../../../shared/uids';
import { editUrl } from '../utils/editUrl';
import { ModalFrame } from './ModalFrame';
import { StatusBadge } from './StatusBadge';

/**
 * A comment in its context: its article, its whole thread (any status) and its reports. A moderator
 * can answer it from here as the newsroom; a pending comment is approved first, once they agree.
 * A reply refetches the thread, the queue and the menu's badge by itself (services/comments.ts).
 */
export const CommentThreadModal = ({ documentId, onClose, canReply = false }: { documentId: string; onClose: () => void; canReply?: boolean }) => {
  const t = useTranslate();
  const { toggleNotification } = useNotification();
  const describeError = useErrorMessage();
  const thread = useGetCitedCommentQuery({ documentId }, { refetchOnMountOrArgChange: true });
  const [replyToComment, { isLoading: sending }] = useReplyToCitedCommentMutation();
  const error = thread.error ? describeError(thread.error) : null;
  const detail = thread.data?.data.documentId === documentId ? thread.data.data : null;
  const [reply, setReply] = React.useState('');
  const [askApprove, setAskApprove] = React.useState(false);

  const sendReply = async (approveParent: boolean) => {
    if (!detail) return;
    // A pending comment is approved first: ask before doing it.
    if (detail.status === 'pending' && !approveParent) {
      setAskApprove(true);
      return;
    }
    try {
      await replyToComment({ documentId, content: reply, ...(approveParent ? { approveParent: true } : {}) }).unwrap();
      toggleNotification({ type: 'success', message: t('comments.reply.done', 'Reply published') });
      setReply('');
      setAskApprove(false);
    } catch (failure) {
      toggleNotification({ type: 'danger', message: describeError(failure) });
    }
  };

  return (
    <ModalFrame
      open
      onOpenChange={(open: boolean) => !open && onClose()}
      title={t('comments.thread.title', 'Comment in context')}
      closeLabel={t('import.close', 'Close')}
    >
      {error ? <Typography textColor="danger600">{error}</Typography> : null}
      {!detail && !error ? <Loader small /> : null}
      {detail ? (
        <Flex direction="column" alignItems="stretch" gap={3} data-testid="comment-thread">
          {detail.article ? (
            <Typography variant="omega">
              {t('comments.thread.article', 'On the article')}{' '}
              <Link tag={RouterLink} to={editUrl(ARTICLE_UID, detail.article.documentId)}>
                {detail.article.title}
              </Link>
            </Typography>
          ) : null}
          {detail.thread.map((comment) => (
            <Box
              key={comment.documentId}
              padding={3}
              hasRadius
              marginLeft={`${comment.depth * 24}px`}
              background={comment.documentId === detail.documentId ? 'primary100' : 'neutral100'}
              borderColor={comment.documentId === detail.documentId ? 'primary600' : undefined}
            >
              <Flex gap={2} paddingBottom={1}>
                <Typography variant="omega" fontWeight="bold">
                  {comment.deleted ? t('comments.thread.deleted', 'Deleted by its author') : comment.authorName}
                </Typography>
                <StatusBadge status={comment.status} />
                {comment.staff ? <Badge>{t('comments.thread.staff', 'Newsroom')}</Badge> : null}
                <Typography variant="pi" textColor="neutral600">
                  {new Date(comment.createdAt).toLocaleString()}
                </Typography>
              </Flex>
              <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                {comment.content}
              </Typography>
            </Box>
          ))}
          {canReply && !detail.deleted && (detail.status === 'approved' || detail.status === 'pending') ? (
            <Box paddingTop={2} data-testid="newsroom-reply">
              <Field.Root name="reply" hint={t('comments.reply.hint', 'Published at once under your name, marked as from the newsroom.')}>
                <Field.Label>{t('comments.reply.label', 'Reply as the newsroom')}</Field.Label>
                <Textarea
                  value={reply}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                    setReply(event.target.value);
                    setAskApprove(false);
                  }}
                />
                <Field.Hint />
              </Field.Root>
              {askApprove ? (
                <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2} data-testid="approve-first">
                  <Typography textColor="warning700">
                    {t('comments.reply.approveFirst', 'This comment is pending. Approve it and publish your reply?')}
                  </Typography>
                  <Flex gap={2}>
                    <Button loading={sending} onClick={() => sendReply(true)}>
                      {t('comments.reply.approveAndSend', 'Approve and reply')}
                    </Button>
                    <Button variant="tertiary" onClick={() => setAskApprove(false)}>
                      {t('comments.reply.cancel', 'Cancel')}
                    </Button>
                  </Flex>
                </Flex>
              ) : (
                <Flex paddingTop={2}>
                  <Button loading={sending} disabled={reply.trim() === ''} onClick={() => sendReply(false)}>
                    {t('comments.reply.send', 'Publish reply')}
                  </Button>
                </Flex>
              )}
            </Box>
          ) : null}
          <Typography variant="delta" tag="h3">
            {t('comments.thread.reports', 'Reports ({count})', { count: detail.reports.length })}
          </Typography>
          {detail.reports.map((report) => (
            <Flex key={report.documentId} gap={2}>
              <Badge>{report.reason}</Badge>
              <Typography variant="pi">{report.details ?? ''}</Typography>
              {report.resolved ? (
                <Typography variant="pi" textColor="neutral600">
                  {t('comments.thread.resolved', 'resolved')}
                </Typography>
              ) : null}
            </Flex>
          ))}
        </Flex>
      ) : null}
    </ModalFrame>
  );
};
