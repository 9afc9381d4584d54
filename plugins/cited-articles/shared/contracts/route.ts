/**
 * One admin route's contract, as Strapi's own plugins declare theirs (content-releases'
 * shared/contracts): `Request` is what the route reads (`query`, `params`, `body`), `Response` its
 * answer, read as `GetComments['Request']['query']` or `GetComments['Response']`.
 */
export interface RouteContract<Request extends { query?: object; params?: object; body?: object }, Response> {
  Request: Request;
  Response: Response;
}
