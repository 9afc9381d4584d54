/** A list route's page, in Strapi's own pagination shape (`meta.pagination`). */
export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}
