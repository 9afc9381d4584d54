import * as React from 'react';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { Button, Flex, LinkButton } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useTranslate } from '../../hooks/useTranslate';

// Page.Error takes EmptyStateLayout's props (content, action, icon), but the admin's declaration
// types them from a name the design system's declarations do not export as a type: restore them.
const PageError = Page.Error as (props: { content?: string; action?: React.ReactNode }) => React.ReactNode;

/** The list's request, as hooks/useListRequest hands a query's result to a list page. */
export type ListRequest = { data: unknown; error: string | null; loading: boolean; reload: () => void };

/**
 * The frame of a list page (Sources, Comments): its title, Strapi's header and content layout.
 * Until the list's first answer the page is Strapi's page loader; if that first request fails,
 * Strapi's error page with the server's message, a "Try again" button and, when the URL holds a
 * search or filters (a shared link the server refuses, `?pageSize=500`), a link to the page
 * without them. Later loads and
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
  const { search } = useLocation();
  if (request.data === undefined) {
    const actions = (
      <Flex gap={2}>
        <Button onClick={request.reload}>{t('list.retry', 'Try again')}</Button>
        {search ? (
          <LinkButton tag={RouterLink} to={{ search: '' }} variant="secondary">
            {t('list.clear', 'Clear the search and filters')}
          </LinkButton>
        ) : null}
      </Flex>
    );
    return (
      <>
        <Page.Title>{title}</Page.Title>
        {request.loading || !request.error ? <Page.Loading>{loadingLabel}</Page.Loading> : <PageError content={request.error} action={actions} />}
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
