import { Box } from '@strapi/design-system';
import { Pagination } from '@strapi/strapi/admin';

/** Strapi's pagination: it reads and writes `page` and `pageSize` in the URL. */
export const ListPagination = ({
  pagination,
  defaultPageSize,
  pageSizes,
}: {
  pagination: { pageCount: number; total: number };
  defaultPageSize: number;
  /** The page sizes offered (Strapi's default list when absent). */
  pageSizes?: string[];
}) => (
  <Box paddingTop={4}>
    <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={defaultPageSize}>
      <Pagination.PageSize options={pageSizes} />
      <Pagination.Links />
    </Pagination.Root>
  </Box>
);
