import * as React from 'react';
import { useIntl } from 'react-intl';
import {
  Box,
  Button,
  Checkbox,
  Dialog,
  Flex,
  IconButton,
  Searchbar,
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
import { ConfirmDialog, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { CommentThreadModal } from '../components/CommentThreadModal';
import { StatusBadge, STATUS_LABELS, type AdminComment, type CommentStatus } from '../components/StatusBadge';
import { useCan } from '../hooks/useCan';
import { PERMISSIONS } from '../permissions';
import { announceCommentsChanged } from '../utils/commentEvents';
import { getTranslation } from '../utils/getTranslation';

type StatusFilter = CommentStatus | 'all';
type Decision = 'approved' | 'rejected' | 'spam';
type Queue = {
  data: AdminComment[];
  meta: { pagination: { page: number; pageCount: number; total: number }; counts: Record<CommentStatus, number> };
};

const PAGE_SIZE = 25;
const NONE_SELECTED: string[] = [];

const CommentsPage = () => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { can: canModerate } = useCan(PERMISSIONS.moderateComments);
  // The queue opens on what waits for a moderator.
  const [status, setStatus] = React.useState<StatusFilter>('pending');
  const [article, setArticle] = React.useState<{ documentId: string; title: string } | null>(null);
  const [reported, setReported] = React.useState<'any' | 'true' | 'false'>('any');
  // Articles are localized and each locale has its own thread: the queue can show one locale.
  const [locale, setLocale] = React.useState<string>('any');
  const [locales, setLocales] = React.useState<Array<{ code: string; name: string }>>([]);
  const [search, setSearch] = React.useState('');
  const [page, setPage] = React.useState(1);
  const [queue, setQueue] = React.useState<Queue | null>(null);
  // A selection belongs to the view it was made in: another filter, search or page starts with none.
  const view = JSON.stringify([status, article?.documentId ?? null, locale, reported, search, page]);
  const [selection, setSelection] = React.useState<{ view: string; ids: string[] }>({ view, ids: [] });
  const selected = selection.view === view ? selection.ids : NONE_SELECTED;
  const setSelected = (update: string[] | ((current: string[]) => string[])) =>
    setSelection({ view, ids: typeof update === 'function' ? update(selected) : update });
  const [opened, setOpened] = React.useState<string | null>(null);
  const [toDelete, setToDelete] = React.useState<string[] | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [reload, setReload] = React.useState(0);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  React.useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      try {
        const { data } = await get<any>('/cited-articles/comments', {
          params: {
            status: status === 'all' ? undefined : status,
            article: article?.documentId,
            locale: locale === 'any' ? undefined : locale,
            reported: reported === 'any' ? undefined : reported,
            q: search.trim() || undefined,
            sort: status === 'pending' ? 'oldest' : 'newest',
            page,
            pageSize: PAGE_SIZE,
          },
        });
        if (live) setQueue(data);
      } catch (failure: any) {
        if (live) {
          toggleNotification({ type: 'danger', message: failure?.response?.data?.error?.message ?? 'Error' });
        }
      }
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [get, status, article, locale, reported, search, page, reload, toggleNotification]);

  React.useEffect(() => {
    let live = true;
    // The site's locales (Settings → Internationalization); without them the filter is not shown.
    get<any>('/i18n/locales')
      .then(({ data }) => {
        if (live && Array.isArray(data)) setLocales(data.map((entry: any) => ({ code: entry.code, name: entry.name ?? entry.code })));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [get]);

  const afterChange = (message: string) => {
    toggleNotification({ type: 'success', message });
    setSelected([]);
    setReload((count) => count + 1);
    announceCommentsChanged();
  };

  const fail = (failure: any) =>
    toggleNotification({ type: 'danger', message: failure?.response?.data?.error?.message ?? failure?.message ?? 'Error' });

  const decide = async (documentIds: string[], decision: Decision) => {
    setBusy(true);
    try {
      const { data } = await post<any>('/cited-articles/comments/actions/moderate', { documentIds, status: decision });
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
      const { data } = await post<any>('/cited-articles/comments/actions/delete', { documentIds });
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
        subtitle={t('comments.subtitle', '{pending, plural, =0 {No comment waits} one {# comment waits} other {# comments wait}} for moderation', {
          pending: counts?.pending ?? 0,
        })}
      />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4} wrap="wrap" data-testid="status-filters">
          {(['pending', 'approved', 'rejected', 'spam', 'all'] as StatusFilter[]).map((name) => (
            <Button
              key={name}
              variant={status === name ? 'default' : 'tertiary'}
              onClick={() => {
                setStatus(name);
                setPage(1);
              }}
            >
              {name === 'all' ? t('comments.status.all', 'All') : `${t(`comments.status.${name}`, STATUS_LABELS[name])} (${counts?.[name] ?? 0})`}
            </Button>
          ))}
        </Flex>
        <Flex gap={4} paddingBottom={4} alignItems="center" wrap="wrap">
          <Box width="320px">
            <Searchbar
              name="q"
              value={search}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
                setSearch(event.target.value);
                setPage(1);
              }}
              onClear={() => setSearch('')}
              clearLabel={t('sources.search.clear', 'Clear the search')}
              placeholder={t('comments.search.placeholder', 'Search text, name or email')}
            >
              {t('comments.search.label', 'Search comments')}
            </Searchbar>
          </Box>
          <Box width="220px">
            <SingleSelect
              aria-label={t('comments.filter.reports', 'Reports')}
              value={reported}
              onChange={(value: string | number) => {
                setReported(value as any);
                setPage(1);
              }}
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
                onChange={(value: string | number) => {
                  setLocale(String(value));
                  setPage(1);
                }}
              >
                <SingleSelectOption value="any">{t('comments.filter.locale.any', 'All locales')}</SingleSelectOption>
                {locales.map((entry) => (
                  <SingleSelectOption key={entry.code} value={entry.code}>
                    {entry.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
          ) : null}
          {article ? (
            <Tag icon={<Cross />} onClick={() => setArticle(null)} label={t('comments.filter.article.clear', 'Show all articles')}>
              {t('comments.filter.article', 'Article: {title}', { title: article.title })}
            </Tag>
          ) : null}
        </Flex>
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
                    {comment.heldReason ? ` · ${t('comments.held', 'held: {reason}', { reason: comment.heldReason })}` : ''}
                  </Typography>
                  <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                    {comment.content}
                  </Typography>
                </Td>
                <Td style={{ whiteSpace: 'normal' }}>
                  {comment.article ? <TextButton onClick={() => setArticle(comment.article)}>{comment.article.title}</TextButton> : null}
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
        {queue && rows.length === 0 ? (
          <Box padding={6}>
            <Typography textColor="neutral600">{t('comments.empty', 'No comment here.')}</Typography>
          </Box>
        ) : null}
        {queue && queue.meta.pagination.pageCount > 1 ? (
          <Flex gap={2} paddingTop={4} justifyContent="flex-end">
            <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('pagination.previous', 'Previous')}
            </Button>
            <Typography variant="pi">
              {t('pagination.page', 'Page {page} of {pageCount}', { page, pageCount: queue.meta.pagination.pageCount })}
            </Typography>
            <Button variant="tertiary" disabled={page >= queue.meta.pagination.pageCount} onClick={() => setPage(page + 1)}>
              {t('pagination.next', 'Next')}
            </Button>
          </Flex>
        ) : null}
      </Layouts.Content>
      {opened ? <CommentThreadModal documentId={opened} onClose={() => setOpened(null)} /> : null}
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
