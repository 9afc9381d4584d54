import * as React from 'react';
import { CommentThreadModal } from '../components/CommentThreadModal';
import { ListPage } from '../components/list/ListPage';
import { ListPagination } from '../components/list/ListPagination';
import { protectedPage } from '../components/list/protectedPage';
import { ListToolbar } from '../components/list/ListToolbar';
import { useCan } from '../hooks/useCan';
import { useTranslate } from '../hooks/useTranslate';
import { PERMISSIONS } from '../permissions';
import { BulkBar } from './comments/BulkBar';
import { CommentFilters } from './comments/CommentFilters';
import { CommentsTable } from './comments/CommentsTable';
import { DeleteDialog } from './comments/DeleteDialog';
import { StatusFilters } from './comments/StatusFilters';
import { DEFAULT_PAGE_SIZE, useCommentQueue } from './comments/useCommentQueue';
import { useModeration } from './comments/useModeration';
import { useSelection } from './comments/useSelection';

const PAGE_SIZES = ['10', '25', '50', '100'];

/**
 * The moderation queue. Its status, filters, search and page live in the URL
 * (`?status=all&reported=true&locale=fr&article=…&_q=…&page=2`); see pages/comments/ for its parts.
 */
const CommentsPage = () => {
  const t = useTranslate();
  const { can: canModerate } = useCan(PERMISSIONS.moderateComments);
  const { filters, filterBy, showArticle, locales, request, view } = useCommentQueue();
  const rows = request.data?.data ?? [];
  const counts = request.data?.meta.counts;
  const selection = useSelection(
    view,
    rows.map((row) => row.documentId)
  );
  // The queue and the menu's badge refetch themselves after a change (services/comments.ts).
  const moderation = useModeration(selection.clear);
  const [opened, setOpened] = React.useState<string | null>(null);
  const [toDelete, setToDelete] = React.useState<string[] | null>(null);

  return (
    <ListPage
      title={t('comments.title', 'Comments')}
      subtitle={
        counts && request.data?.meta.capped?.counts.pending
          ? t('comments.subtitle.capped', '{pending, number}+ comments wait for moderation', { pending: counts.pending })
          : counts
            ? t('comments.subtitle', '{pending, plural, =0 {No comment waits} one {# comment waits} other {# comments wait}} for moderation', {
                pending: counts.pending,
              })
            : t('comments.loading', 'Loading the comments…')
      }
      loadingLabel={t('comments.loading', 'Loading the comments…')}
      request={request}
    >
      <StatusFilters status={filters.status} counts={counts} capped={request.data?.meta.capped?.counts} filterBy={filterBy} />
      <ListToolbar
        searchLabel={t('comments.search.label', 'Search comments')}
        searchPlaceholder={t('comments.search.placeholder', 'Search text, name or email')}
      >
        <CommentFilters
          reported={filters.reported}
          locale={filters.locale}
          locales={locales}
          articleTitle={filters.articleTitle}
          filterBy={filterBy}
        />
      </ListToolbar>
      {canModerate ? <BulkBar selected={selection.selected} moderation={moderation} onDelete={setToDelete} /> : null}
      <CommentsTable
        rows={rows}
        loading={request.loading}
        error={request.error}
        canModerate={canModerate}
        selection={selection}
        moderation={moderation}
        onOpen={setOpened}
        onDelete={setToDelete}
        onShowArticle={showArticle}
      />
      {request.data ? <ListPagination pagination={request.data.meta.pagination} defaultPageSize={DEFAULT_PAGE_SIZE} pageSizes={PAGE_SIZES} /> : null}
      {opened ? <CommentThreadModal documentId={opened} onClose={() => setOpened(null)} canReply={canModerate} /> : null}
      <DeleteDialog documentIds={toDelete} onConfirm={moderation.remove} onClose={() => setToDelete(null)} />
    </ListPage>
  );
};

/** The Comments page, for admins holding `plugin::cited-articles.comments.read`. */
export default protectedPage(PERMISSIONS.readComments, CommentsPage);
