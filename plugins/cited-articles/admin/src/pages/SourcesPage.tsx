import { useIntl } from 'react-intl';
import type { GetSources, LibraryFilter } from '../../../shared/contracts';
import { FilterSelect } from '../components/list/FilterSelect';
import { ListPage } from '../components/list/ListPage';
import { ListPagination } from '../components/list/ListPagination';
import { protectedPage } from '../components/list/protectedPage';
import { ListTable } from '../components/list/ListTable';
import { ListToolbar } from '../components/list/ListToolbar';
import { useListParams } from '../hooks/useListParams';
import { useListRequest } from '../hooks/useListRequest';
import { useTranslate } from '../hooks/useTranslate';
import { PERMISSIONS } from '../permissions';
import { useGetCitedSourcesQuery } from '../services/sources';
import { oneOf } from '../utils/oneOf';
import { DuplicateGroups } from './sources/DuplicateGroups';
import { SourceRow, useSourceHeaders } from './sources/SourceRow';
import { SourcesActions } from './sources/SourcesActions';

const FILTERS: LibraryFilter[] = ['all', 'uncited', 'duplicates', 'broken'];
const DEFAULT_PAGE_SIZE = 20;

/** The source library. Its search, filter and page live in the URL (`?_q=…&filter=uncited&page=2`). */
const SourcesPage = () => {
  const t = useTranslate();
  const { formatNumber } = useIntl();
  const headers = useSourceHeaders();
  const { query, search, page, pageSize, filterBy } = useListParams<{ filter: string }>(DEFAULT_PAGE_SIZE);
  const filter = oneOf(FILTERS, query.filter, 'all');
  const params: GetSources.Request['query'] = { search: search.trim() || undefined, filter, page, pageSize };
  // Loading until the answer to the current request arrives: a new search or page shows the loader
  // instead of the previous list's counts. Asked again on each visit: sources change in the Content
  // Manager too, which does not invalidate this list.
  const request = useListRequest(useGetCitedSourcesQuery(params, { refetchOnMountOrArgChange: true }));
  const library = request.data;
  const duplicateIds = new Set(library?.meta.duplicates.flatMap((group) => group.sources.map((source) => source.documentId)));
  const loadingLabel = t('sources.loading', 'Loading the library…');
  // Counts stop at a cap (1,000) on a large library: a capped one reads "1,000+".
  const uncitedCount = library?.meta.uncitedCount ?? 0;
  const uncited = `${formatNumber(uncitedCount)}${library?.meta.capped.uncited ? '+' : ''}`;

  return (
    <ListPage
      title={t('sources.title', 'Sources')}
      subtitle={
        library?.meta.capped.total
          ? t('sources.subtitle.capped', '{total, number}+ sources in the library, {uncited} cited nowhere', {
              total: library.meta.pagination.total,
              uncited,
            })
          : t('sources.subtitle', '{total, plural, one {# source} other {# sources}} in the library, {uncited} cited nowhere', {
              total: library?.meta.pagination.total ?? 0,
              uncited,
            })
      }
      primaryAction={<SourcesActions />}
      loadingLabel={loadingLabel}
      request={request}
    >
      <ListToolbar
        searchLabel={t('sources.search.label', 'Search sources')}
        searchPlaceholder={t('sources.search.placeholder', 'Search by title, key, outlet, URL or DOI')}
      >
        <FilterSelect
          label={t('sources.filter.label', 'Show')}
          value={filter}
          allValue="all"
          width="260px"
          onChange={(next) => filterBy({ filter: next })}
          options={[
            { value: 'all', label: t('sources.filter.all', 'All sources') },
            { value: 'uncited', label: t('sources.filter.uncited', 'Cited nowhere ({count})', { count: uncited }) },
            { value: 'duplicates', label: t('sources.filter.duplicates', 'Likely duplicates ({count})', { count: duplicateIds.size }) },
            { value: 'broken', label: t('sources.filter.broken', 'Broken links') },
          ]}
        />
      </ListToolbar>
      <ListTable
        headers={headers}
        rows={library?.data ?? []}
        loading={request.loading}
        error={request.error}
        loadingLabel={loadingLabel}
        emptyLabel={t('sources.empty', 'No source matches.')}
        renderRow={(source) => <SourceRow key={source.documentId} source={source} duplicate={duplicateIds.has(source.documentId)} />}
      />
      {library ? <ListPagination pagination={library.meta.pagination} defaultPageSize={DEFAULT_PAGE_SIZE} /> : null}
      <DuplicateGroups groups={library?.meta.duplicates ?? []} />
    </ListPage>
  );
};

/** The Sources page, for admins holding `plugin::cited-articles.sources.read`. */
export default protectedPage(PERMISSIONS.readSources, SourcesPage);
