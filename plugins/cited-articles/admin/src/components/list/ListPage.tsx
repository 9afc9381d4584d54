import * as React from 'react';
import { Button } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useTranslate } from '../../hooks/useTranslate';

// Page.Error takes EmptyStateLayout's props (content, action, icon), but the admin's declaration
// types them from a name the design system's declarations do not export as a type: restore them.
const PageError = Page.Error as (props: { content?: string; action?: React.ReactNode }) => React.ReactNode;

/** The list's request, as useAdminQuery answers it. */
export type ListRequest = { data: unknown; error: string | null; loading: boolean; reload: () => void };

/**
 * The frame of a list page (Sources, Comments): its title, Strapi's header and content layout.
 * Until the list's first answer the page is Strapi's page loader; if that first request fails,
 * Strapi's error page with the server's message and a "Try again" button. Later loads and
 * failures keep the page (and the list it shows) in place: see ListTable.
 */
export const ListPage = ({
  title,
  subtitle,
  primaryAction,
  loadingLabel,
  request,
  children,
}: {
  title: string;
  subtitle: string;
  primaryAction?: React.ReactNode;
  loadingLabel: string;
  request: ListRequest;
  children: React.ReactNode;
}) => {
  const t = useTranslate();
  if (request.data === undefined) {
    return (
      <>
        <Page.Title>{title}</Page.Title>
        {request.loading || !request.error ? (
          <Page.Loading>{loadingLabel}</Page.Loading>
        ) : (
          <PageError content={request.error} action={<Button onClick={request.reload}>{t('list.retry', 'Try again')}</Button>} />
        )}
      </>
    );
  }
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={subtitle} primaryAction={primaryAction} />
      <Layouts.Content>{children}</Layouts.Content>
    </Page.Main>
  );
};
