/**
 * Who may call what: the Users & Permissions action of the REST route each field mirrors, so one
 * grant in Settings > Roles opens (or closes) both APIs. The GraphQL plugin checks the scope with
 * strapi.auth.verify before the resolver runs, as Strapi's router does for the REST route.
 */
const action = (name: string) => ({ auth: { scope: [`plugin::cited-articles.${name}`] } });

export const resolversConfig = {
  'Query.citedArticle': action('article.findOne'),
  'Query.citedArticles': action('article.find'),
  'Query.citedSource': action('source.findOne'),
  'Query.articleComments': action('comment.find'),
  'Mutation.createArticleComment': action('comment.create'),
  'Mutation.reportComment': action('comment.report'),
  // A reader's own comment: the Authenticated role's actions (reader-permissions.ts).
  'Mutation.updateMyComment': action('comment.update'),
  'Mutation.deleteMyComment': action('comment.delete'),
};
