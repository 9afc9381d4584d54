import * as React from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import {
  Badge,
  Box,
  Button,
  Flex,
  Link,
  LinkButton,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, Pagination, SearchInput, useFetchClient, useNotification, useQueryParams, withEncodedUserParams } from '@strapi/strapi/admin';
import type { CheckLinksRequest, CheckLinksResponse, LibraryFilter, SourceLibraryQuery, SourceLibraryResponse } from '../../../server/src/contracts';
import { AddFromIdentifierModal } from '../components/AddFromIdentifierModal';
import { LinkHealthBadges } from '../components/LinkHealthBadges';
import { ImportSourcesModal } from '../components/ImportSourcesModal';
import { useAdminQuery } from '../hooks/useAdminQuery';
import { useCan } from '../hooks/useCan';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { useTranslate } from '../hooks/useTranslate';
import { ARTICLE_UID, PERMISSIONS, SOURCE_UID } from '../permissions';
import { oneOf } from '../utils/oneOf';

const FILTERS: LibraryFilter[] = ['all', 'uncited', 'duplicates', 'broken'];
/** The page's state, kept in the URL (a reload or a shared link shows the same list). `_q` is SearchInput's. */
type SourcesQuery = { _q?: string; filter?: string; page?: string; pageSize?: string };

const DEFAULT_PAGE_SIZE = 20;
const editUrl = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;

const SourcesPage = () => {
  const t = useTranslate();
  const { post } = useFetchClient();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const { can: canImport } = useCan(PERMISSIONS.importSources);
  const { can: canCreate } = useCan(PERMISSIONS.createSources);
  const { can: canCheckLinks } = useCan(PERMISSIONS.checkSourceLinks);
  const describeError = useErrorMessage();
  const [{ query }, setQuery] = useQueryParams<SourcesQuery>();
  // useQueryParams hands the search back decoded (SearchInput wrote it encoded).
  const search = typeof query._q === 'string' ? query._q : '';
  const filter = oneOf(FILTERS, query.filter, 'all');
  const page = Math.max(1, Number(query.page) || 1);
  const pageSize = Math.max(1, Number(query.pageSize) || DEFAULT_PAGE_SIZE);
  const [checking, setChecking] = React.useState(false);
  const params: SourceLibraryQuery = { search: search.trim() || undefined, filter, page, pageSize };
  // Loading until the answer to the current request arrives: a new search or page shows the loader
  // instead of the previous list's counts.
  const { data: library, error, loading, reload } = useAdminQuery<SourceLibraryResponse>('/cited-articles/sources', { ...params });

  const checkLinks = async () => {
    setChecking(true);
    try {
      const { data } = await post<CheckLinksResponse, CheckLinksRequest>('/cited-articles/sources/check-links', {});
      const report = data.data;
      toggleNotification({
        type: report.broken > 0 || report.retracted > 0 ? 'warning' : 'success',
        message: t(
          'sources.check.done',
          '{checked} links checked: {ok} fine, {redirected} redirected, {broken} broken ({archived} given an archived copy); {retracted} retracted',
          { ...report }
        ),
      });
      reload();
    } catch (failure: unknown) {
      toggleNotification({ type: 'danger', message: describeError(failure) });
    } finally {
      setChecking(false);
    }
  };

  const duplicateIds = new Set(library?.meta.duplicates.flatMap((group) => group.sources.map((source) => source.documentId)));
  const pagination = library?.meta.pagination;

  return (
    <Page.Main>
      <Page.Title>{t('sources.title', 'Sources')}</Page.Title>
      <Layouts.Header
        title={t('sources.title', 'Sources')}
        subtitle={
          library
            ? t('sources.subtitle', '{total, plural, one {# source} other {# sources}} in the library, {uncited} cited nowhere', {
                total: pagination?.total ?? 0,
                uncited: library.meta.uncitedCount,
              })
            : t('sources.loading', 'Loading the library…')
        }
        primaryAction={
          <Flex gap={2}>
            {canCheckLinks ? (
              <Button variant="tertiary" onClick={checkLinks} loading={checking} disabled={checking}>
                {t('sources.check.button', 'Check links now')}
              </Button>
            ) : null}
            {canImport ? <ImportSourcesModal onImported={reload} /> : null}
            {canCreate ? <AddFromIdentifierModal onSaved={(source) => navigate(editUrl(SOURCE_UID, source.documentId))} /> : null}
            <LinkButton tag={RouterLink} to={`/content-manager/collection-types/${SOURCE_UID}/create`} startIcon={<Plus />}>
              {t('sources.create', 'Create a source')}
            </LinkButton>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          <SearchInput
            label={t('sources.search.label', 'Search sources')}
            placeholder={t('sources.search.placeholder', 'Search by title, key, outlet, URL or DOI')}
          />
          <Box width="260px">
            <SingleSelect
              aria-label={t('sources.filter.label', 'Show')}
              value={filter}
              onChange={(value: string | number) =>
                setQuery(withEncodedUserParams(query, { filter: value === 'all' ? undefined : String(value), page: '1' }))
              }
            >
              <SingleSelectOption value="all">{t('sources.filter.all', 'All sources')}</SingleSelectOption>
              <SingleSelectOption value="uncited">
                {t('sources.filter.uncited', 'Cited nowhere ({count})', { count: library?.meta.uncitedCount ?? 0 })}
              </SingleSelectOption>
              <SingleSelectOption value="duplicates">
                {t('sources.filter.duplicates', 'Likely duplicates ({count})', { count: duplicateIds.size })}
              </SingleSelectOption>
              <SingleSelectOption value="broken">{t('sources.filter.broken', 'Broken links')}</SingleSelectOption>
            </SingleSelect>
          </Box>
        </Flex>
        {error ? (
          <Typography textColor="danger600" tag="p">
            {error}
          </Typography>
        ) : null}
        {loading ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('sources.loading', 'Loading the library…')}</Loader>
          </Flex>
        ) : null}
        <Table colCount={5} rowCount={(library?.data.length ?? 0) + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('sources.column.source', 'Source')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('sources.column.marker', 'Marker')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('sources.column.cited-by', 'Cited by')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('sources.column.link', 'Link')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('sources.column.notes', 'Notes')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {(library?.data ?? []).map((source) => (
              <Tr key={source.documentId} data-testid="source-row">
                <Td style={{ whiteSpace: 'normal' }}>
                  <Link tag={RouterLink} to={editUrl(SOURCE_UID, source.documentId)}>
                    {source.title}
                  </Link>
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {[source.publisher, source.url ?? source.doi].filter(Boolean).join(' · ')}
                  </Typography>
                </Td>
                <Td>
                  <Typography variant="omega" tag="code">
                    [@{source.key}]
                  </Typography>
                </Td>
                <Td style={{ whiteSpace: 'normal' }}>
                  <Typography variant="omega" fontWeight="bold">
                    {source.citedByCount}
                  </Typography>
                  {source.citedBy.map((article) => (
                    <Box key={article.documentId}>
                      <Link tag={RouterLink} to={editUrl(ARTICLE_UID, article.documentId)}>
                        {article.title}
                      </Link>
                    </Box>
                  ))}
                </Td>
                <Td style={{ whiteSpace: 'normal' }}>
                  <LinkHealthBadges source={source} />
                </Td>
                <Td>
                  <Flex gap={1} wrap="wrap">
                    {source.citedByCount === 0 ? <Badge>{t('sources.badge.uncited', 'Cited nowhere')}</Badge> : null}
                    {duplicateIds.has(source.documentId) ? (
                      <Badge backgroundColor="warning100" textColor="warning700">
                        {t('sources.badge.duplicate', 'Likely duplicate')}
                      </Badge>
                    ) : null}
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {library && library.data.length === 0 ? (
          <Box padding={6}>
            <Typography textColor="neutral600">{t('sources.empty', 'No source matches.')}</Typography>
          </Box>
        ) : null}
        {pagination ? (
          <Box paddingTop={4}>
            <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
              <Pagination.PageSize />
              <Pagination.Links />
            </Pagination.Root>
          </Box>
        ) : null}
        {library && library.meta.duplicates.length > 0 ? (
          <Box paddingTop={8} data-testid="duplicate-groups">
            <Typography variant="delta" tag="h2">
              {t('sources.duplicates.title', 'Likely duplicates')}
            </Typography>
            {library.meta.duplicates.map((group) => (
              <Box key={`${group.reason}:${group.value}`} paddingTop={3}>
                <Typography variant="omega" fontWeight="semiBold" tag="p">
                  {group.reason === 'url'
                    ? t('sources.duplicates.url', 'Same URL: {value}', { value: group.value })
                    : t('sources.duplicates.doi', 'Same DOI: {value}', { value: group.value })}
                </Typography>
                <Flex gap={3} wrap="wrap">
                  {group.sources.map((source) => (
                    <Link key={source.documentId} tag={RouterLink} to={editUrl(SOURCE_UID, source.documentId)}>
                      {source.title} [@{source.key}]
                    </Link>
                  ))}
                </Flex>
              </Box>
            ))}
          </Box>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};

/** The Sources page, for admins holding `plugin::cited-articles.sources.read`. */
const ProtectedSourcesPage = () => (
  <Page.Protect permissions={PERMISSIONS.readSources}>
    <SourcesPage />
  </Page.Protect>
);

export default ProtectedSourcesPage;
