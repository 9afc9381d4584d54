import * as React from 'react';
import {
  Box,
  Button,
  Checkbox,
  Dialog,
  Flex,
  IconButton,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tag,
  Tbody,
  Td,
  TextButton,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Check, Cross, Eye, Trash, WarningCircle } from '@strapi/icons';
import {
  ConfirmDialog,
  Layouts,
  Page,
  Pagination,
  SearchInput,
  useFetchClient,
  useNotification,
  useQueryParams,
  withEncodedUserParams,
} from '@strapi/strapi/admin';
import type {
  BulkDeleteRequest,
  CommentStatus,
  DeleteCommentsResponse,
  ModerateRequest,
  ModerateResponse,
  ModerationDecision,
  ModerationQueueQuery,
  ModerationQueueResponse,
} from '../../../server/src/contracts';
import { COMMENT_STATUSES } from '../../../server/src/comments/statuses';
import { CommentThreadModal } from '../components/CommentThreadModal';
import { StatusBadge, STATUS_LABELS } from '../components/StatusBadge';
import { useAdminQuery } from '../hooks/useAdminQuery';
import { useCan } from '../hooks/useCan';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { useTranslate } from '../hooks/useTranslate';
import { PERMISSIONS } from '../permissions';
import { announceCommentsChanged } from '../utils/commentEvents';
import { oneOf } from '../utils/oneOf';

type StatusFilter = CommentStatus | 'all';
type ReportedFilter = 'any' | 'true' | 'false';
const STATUS_FILTERS: StatusFilter[] = [...COMMENT_STATUSES, 'all'];
const REPORTED_FILTERS: ReportedFilter[] = ['any', 'true', 'false'];
/**
 * The page's state, kept in the URL: a reload or a shared link shows the same queue. `_q` is
 * SearchInput's, `page` and `pageSize` Pagination's; a missing status is the pending queue.
 */
type CommentsQuery = { status?: string; article?: string; locale?: string; reported?: string; _q?: string; page?: string; pageSize?: string };
type Locale = { code: string; name?: string | null };

const DEFAULT_PAGE_SIZE = 25;
const PAGE_SIZES = ['10', '25', '50', '100'];
const NONE_SELECTED: string[] = [];
const NO_LOCALES: Locale[] = [];

const CommentsPage = () => {
  const t = useTranslate();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const describeError = useErrorMessage();
  const { can: canModerate } = useCan(PERMISSIONS.moderateComments);
  const [{ query }, setQuery] = useQueryParams<CommentsQuery>();
  // The queue opens on what waits for a moderator.
  const status = oneOf(STATUS_FILTERS, query.status, 'pending');
  const reported = oneOf(REPORTED_FILTERS, query.reported, 'any');
  // Articles are localized and each locale has its own thread: the queue can show one locale.
  const locale = query.locale || 'any';
  const article = query.article || null;
  const search = typeof query._q === 'string' ? query._q : '';
  const page = Math.max(1, Number(query.page) || 1);
  const pageSize = Math.max(1, Number(query.pageSize) || DEFAULT_PAGE_SIZE);
  // A filter change starts again from the first page. The search is re-encoded as SearchInput wrote it.
  const filterBy = (next: CommentsQuery) => setQuery(withEncodedUserParams(query, { ...next, page: '1' }));

  const params: ModerationQueueQuery = {
    status: status === 'all' ? undefined : status,
    article: article ?? undefined,
    locale: locale === 'any' ? undefined : locale,
    reported: reported === 'any' ? undefined : reported,
    q: search.trim() || undefined,
    sort: status === 'pending' ? 'oldest' : 'newest',
    page,
    pageSize,
  };
  const { data: queue, error, loading, reload } = useAdminQuery<ModerationQueueResponse>('/cited-articles/comments', { ...params });
  // The site's locales (Settings → Internationalization); without them the filter is not shown.
  const { data: siteLocales } = useAdminQuery<Locale[]>('/i18n/locales');
  const locales = Array.isArray(siteLocales) ? siteLocales : NO_LOCALES;

  // The title of the article filtered on, from the rows (or the row clicked before they load).
  const [clickedTitles, setClickedTitles] = React.useState<Record<string, string>>({});
  const articleTitle = article
    ? (queue?.data.find((row) => row.article?.documentId === article)?.article?.title ?? clickedTitles[article] ?? article)
    : null;

  // A selection belongs to the view it was made in: another filter, search or page starts with none.
  const view = JSON.stringify([status, article, locale, reported, search, page, pageSize]);
  const [selection, setSelection] = React.useState<{ view: string; ids: string[] }>({ view, ids: [] });
  const selected = selection.view === view ? selection.ids : NONE_SELECTED;
  const setSelected = (update: string[] | ((current: string[]) => string[])) =>
    setSelection({ view, ids: typeof update === 'function' ? update(selected) : update });
  const [opened, setOpened] = React.useState<string | null>(null);
  const [toDelete, setToDelete] = React.useState<string[] | null>(null);
  const [busy, setBusy] = React.useState(false);

  const afterChange = (message: string) => {
    toggleNotification({ type: 'success', message });
    setSelected([]);
    reload();
    announceCommentsChanged();
  };

  const showArticle = (target: { documentId: string; title: string }) => {
    setClickedTitles((titles) => ({ ...titles, [target.documentId]: target.title }));
    filterBy({ article: target.documentId });
  };

  const fail = (failure: unknown) => toggleNotification({ type: 'danger', message: describeError(failure) });

  const decide = async (documentIds: string[], decision: ModerationDecision) => {
    setBusy(true);
    try {
      const { data } = await post<ModerateResponse, ModerateRequest>('/cited-articles/comments/actions/moderate', { documentIds, status: decision });
      afterChange(
        t('comments.done.moderated', '{count, plural, one {# comment} other {# comments}} marked {status}', {
          count: data.meta.updated,
          status: t(`comments.status.${decision}`, STATUS_LABELS[decision]).toLowerCase(),
        })
      );
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (documentIds: string[]) => {
    setBusy(true);
    try {
      const { data } = await post<DeleteCommentsResponse, BulkDeleteRequest>('/cited-articles/comments/actions/delete', { documentIds });
      afterChange(
        t('comments.done.deleted', '{count, plural, one {# comment} other {# comments}} deleted, replies included', {
          count: data.meta.deleted,
        })
      );
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
      setToDelete(null);
    }
  };

  const rows = queue?.data ?? [];
  const counts = queue?.meta.counts;
  const allSelected = rows.length > 0 && selected.length === rows.length;
  const toggle = (documentId: string) =>
    setSelected((current) => (current.includes(documentId) ? current.filter((id) => id !== documentId) : [...current, documentId]));

  const decisionButtons = (documentIds: string[], size: 'S' | 'M' = 'S') => (
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

  return (
    <Page.Main>
      <Page.Title>{t('comments.title', 'Comments')}</Page.Title>
      <Layouts.Header
        title={t('comments.title', 'Comments')}
        subtitle={
          counts
            ? t('comments.subtitle', '{pending, plural, =0 {No comment waits} one {# comment waits} other {# comments wait}} for moderation', {
                pending: counts.pending,
              })
            : t('comments.loading', 'Loading the comments…')
        }
      />
      <Layouts.Content>
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
                  ? `${t(`comments.status.${name}`, STATUS_LABELS[name])} (${counts[name]})`
                  : t(`comments.status.${name}`, STATUS_LABELS[name])}
            </Button>
          ))}
        </Flex>
        <Flex gap={4} paddingBottom={4} alignItems="center" wrap="wrap">
          <SearchInput
            label={t('comments.search.label', 'Search comments')}
            placeholder={t('comments.search.placeholder', 'Search text, name or email')}
          />
          <Box width="220px">
            <SingleSelect
              aria-label={t('comments.filter.reports', 'Reports')}
              value={reported}
              onChange={(value: string | number) => filterBy({ reported: value === 'any' ? undefined : String(value) })}
            >
              <SingleSelectOption value="any">{t('comments.filter.reports.any', 'Reported or not')}</SingleSelectOption>
              <SingleSelectOption value="true">{t('comments.filter.reports.yes', 'With open reports')}</SingleSelectOption>
              <SingleSelectOption value="false">{t('comments.filter.reports.no', 'Without reports')}</SingleSelectOption>
            </SingleSelect>
          </Box>
          {locales.length > 1 ? (
            <Box width="200px">
              <SingleSelect
                aria-label={t('comments.filter.locale', 'Locale')}
                value={locale}
                onChange={(value: string | number) => filterBy({ locale: value === 'any' ? undefined : String(value) })}
              >
                <SingleSelectOption value="any">{t('comments.filter.locale.any', 'All locales')}</SingleSelectOption>
                {locales.map((entry) => (
                  <SingleSelectOption key={entry.code} value={entry.code}>
                    {entry.name ?? entry.code}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
          ) : null}
          {article ? (
            <Tag icon={<Cross />} onClick={() => filterBy({ article: undefined })} label={t('comments.filter.article.clear', 'Show all articles')}>
              {t('comments.filter.article', 'Article: {title}', { title: articleTitle })}
            </Tag>
          ) : null}
        </Flex>
        {error ? (
          <Typography textColor="danger600" tag="p">
            {error}
          </Typography>
        ) : null}
        {canModerate && selected.length > 0 ? (
          <Flex gap={3} paddingBottom={4} data-testid="bulk-actions">
            <Typography variant="omega" fontWeight="semiBold">
              {t('comments.selected', '{count, plural, one {# comment selected} other {# comments selected}}', { count: selected.length })}
            </Typography>
            {decisionButtons(selected, 'M')}
            <Button variant="danger" startIcon={<Trash />} disabled={busy} onClick={() => setToDelete(selected)}>
              {t('comments.action.delete', 'Delete')}
            </Button>
          </Flex>
        ) : null}
        <Table colCount={canModerate ? 6 : 5} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              {canModerate ? (
                <Th>
                  <Checkbox
                    aria-label={t('comments.select-all', 'Select all')}
                    checked={allSelected ? true : selected.length > 0 ? 'indeterminate' : false}
                    onCheckedChange={() => setSelected(allSelected ? [] : rows.map((row) => row.documentId))}
                  />
                </Th>
              ) : null}
              <Th>
                <Typography variant="sigma">{t('comments.column.comment', 'Comment')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('comments.column.article', 'Article')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('comments.column.status', 'Status')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('comments.column.reports', 'Reports')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('comments.column.actions', 'Actions')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((comment) => (
              <Tr key={comment.documentId} data-testid="comment-row">
                {canModerate ? (
                  <Td>
                    <Checkbox
                      aria-label={t('comments.select', 'Select the comment by {name}', { name: comment.authorName })}
                      checked={selected.includes(comment.documentId)}
                      onCheckedChange={() => toggle(comment.documentId)}
                    />
                  </Td>
                ) : null}
                <Td style={{ whiteSpace: 'normal', maxWidth: 420 }}>
                  <Typography variant="omega" fontWeight="bold">
                    {comment.authorName}
                  </Typography>{' '}
                  <Typography variant="pi" textColor="neutral600">
                    {comment.authorEmail ?? ''} · {new Date(comment.createdAt).toLocaleString()}
                    {comment.parent ? ` · ${t('comments.reply', 'reply')}` : ''}
                    {comment.heldReason && comment.heldReason !== 'edited'
                      ? ` · ${t('comments.held', 'held: {reason}', { reason: comment.heldReason })}`
                      : ''}
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
                <Td style={{ whiteSpace: 'normal' }}>
                  {comment.article ? (
                    <TextButton onClick={() => comment.article && showArticle(comment.article)}>{comment.article.title}</TextButton>
                  ) : null}
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
                    <IconButton label={t('comments.action.view', 'Show in its thread')} onClick={() => setOpened(comment.documentId)}>
                      <Eye />
                    </IconButton>
                    {canModerate ? (
                      <>
                        {decisionButtons([comment.documentId])}
                        <IconButton
                          label={t('comments.action.delete', 'Delete')}
                          variant="danger-light"
                          onClick={() => setToDelete([comment.documentId])}
                        >
                          <Trash />
                        </IconButton>
                      </>
                    ) : null}
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {loading ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('comments.loading', 'Loading the comments…')}</Loader>
          </Flex>
        ) : null}
        {queue && !loading && rows.length === 0 ? (
          <Box padding={6}>
            <Typography textColor="neutral600">{t('comments.empty', 'No comment here.')}</Typography>
          </Box>
        ) : null}
        {queue ? (
          <Pagination.Root pageCount={queue.meta.pagination.pageCount} total={queue.meta.pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
            <Pagination.PageSize options={PAGE_SIZES} />
            <Pagination.Links />
          </Pagination.Root>
        ) : null}
      </Layouts.Content>
      {opened ? (
        <CommentThreadModal
          documentId={opened}
          onClose={() => setOpened(null)}
          canReply={canModerate}
          onReplied={() => {
            reload();
            announceCommentsChanged();
          }}
        />
      ) : null}
      <Dialog.Root open={toDelete !== null} onOpenChange={(open: boolean) => !open && setToDelete(null)}>
        <ConfirmDialog
          icon={<WarningCircle />}
          onConfirm={async () => {
            if (toDelete) await remove(toDelete);
          }}
          variant="danger"
        >
          {t(
            'comments.delete.confirm',
            'Delete {count, plural, one {this comment} other {these # comments}} and every reply below? This cannot be undone.',
            {
              count: toDelete?.length ?? 0,
            }
          )}
        </ConfirmDialog>
      </Dialog.Root>
    </Page.Main>
  );
};

/** The Comments page, for admins holding `plugin::cited-articles.comments.read`. */
const ProtectedCommentsPage = () => (
  <Page.Protect permissions={PERMISSIONS.readComments}>
    <CommentsPage />
  </Page.Protect>
);

export default ProtectedCommentsPage;
