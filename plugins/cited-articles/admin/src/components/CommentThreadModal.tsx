import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { Badge, Box, Button, Flex, Link, Loader, Modal, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { ARTICLE_UID } from '../permissions';
import { getTranslation } from '../utils/getTranslation';
import { StatusBadge, type AdminComment } from './StatusBadge';

type Detail = AdminComment & {
  thread: AdminComment[];
  reports: Array<{ documentId: string; reason: string; details: string | null; resolved: boolean; createdAt: string }>;
};

/** A comment in its context: its article, its whole thread (any status) and its reports. */
export const CommentThreadModal = ({ documentId, onClose }: { documentId: string; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [detail, setDetail] = React.useState<Detail | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  React.useEffect(() => {
    let live = true;
    get<any>(`/cited-articles/comments/${documentId}`)
      .then(({ data }: any) => live && setDetail(data.data))
      .catch((failure: any) => live && setError(failure?.response?.data?.error?.message ?? 'Error'));
    return () => {
      live = false;
    };
  }, [documentId, get]);

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('comments.thread.title', 'Comment in context')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {error ? <Typography textColor="danger600">{error}</Typography> : null}
          {!detail && !error ? <Loader small /> : null}
          {detail ? (
            <Flex direction="column" alignItems="stretch" gap={3} data-testid="comment-thread">
              {detail.article ? (
                <Typography variant="omega">
                  {t('comments.thread.article', 'On the article')}{' '}
                  <Link tag={RouterLink} to={`/content-manager/collection-types/${ARTICLE_UID}/${detail.article.documentId}`}>
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
                      {comment.authorName}
                    </Typography>
                    <StatusBadge status={comment.status} />
                    <Typography variant="pi" textColor="neutral600">
                      {new Date(comment.createdAt).toLocaleString()}
                    </Typography>
                  </Flex>
                  <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                    {comment.content}
                  </Typography>
                </Box>
              ))}
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
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('import.close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
