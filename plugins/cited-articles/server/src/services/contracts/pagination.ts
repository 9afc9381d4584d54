/** Where a page sits in a list, as the content API and the admin's pages return it. */
export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}
