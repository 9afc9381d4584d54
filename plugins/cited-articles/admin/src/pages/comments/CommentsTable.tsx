import * as React from 'react';
import { Checkbox } from '@strapi/design-system';
import { ListTable, type ListHeader } from '../../components/list/ListTable';
import { useTranslate } from '../../hooks/useTranslate';
import { CommentRow } from './CommentRow';
import type { QueueComment } from './useCommentQueue';
import type { Selection } from './useSelection';

type RowProps = Omit<React.ComponentProps<typeof CommentRow>, 'comment'>;

/** The queue's table: a select-all checkbox for moderators, then one CommentRow a comment. */
export const CommentsTable = ({
  rows,
  loading,
  error,
  selection,
  ...rowProps
}: RowProps & { rows: QueueComment[]; loading: boolean; error: string | null; selection: Selection }) => {
  const t = useTranslate();
  const selectAll: ListHeader = {
    name: 'select',
    label: t('comments.select-all', 'Select all'),
    head: (
      <Checkbox
        aria-label={t('comments.select-all', 'Select all')}
        checked={selection.allSelected ? true : selection.selected.length > 0 ? 'indeterminate' : false}
        onCheckedChange={selection.toggleAll}
      />
    ),
  };
  const headers: ListHeader[] = [
    ...(rowProps.canModerate ? [selectAll] : []),
    { name: 'comment', label: t('comments.column.comment', 'Comment') },
    { name: 'article', label: t('comments.column.article', 'Article') },
    { name: 'status', label: t('comments.column.status', 'Status') },
    { name: 'reports', label: t('comments.column.reports', 'Reports') },
    { name: 'actions', label: t('comments.column.actions', 'Actions') },
  ];
  return (
    <ListTable
      headers={headers}
      rows={rows}
      loading={loading}
      error={error}
      loadingLabel={t('comments.loading', 'Loading the comments…')}
      emptyLabel={t('comments.empty', 'No comment here.')}
      renderRow={(comment) => <CommentRow key={comment.documentId} comment={comment} selection={selection} {...rowProps} />}
    />
  );
};
