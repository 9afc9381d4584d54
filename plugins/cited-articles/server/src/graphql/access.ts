import type { Core } from '@strapi/strapi';
import type { CommentAction } from '../comments/admission';
import { admissionResolverMiddleware } from '../middlewares/comment-admission';

/**
 * Who may call what: the Users & Permissions action of the REST route each field mirrors, so one
 * grant in Settings > Roles opens (or closes) both APIs. The GraphQL plugin checks the scope with
 * strapi.auth.verify before the resolver runs, as Strapi's router does for the REST route.
 */
const action = (name: string) => ({ auth: { scope: [`plugin::cited-articles.${name}`] } });

export const createResolversConfig = (strapi: Core.Strapi) => {
  // A comment write, admitted first as its REST route is (middlewares/comment-admission.ts).
  const write = (name: string, admission: CommentAction) => ({
    ...action(name),
    middlewares: [admissionResolverMiddleware(strapi, admission)],
  });
  return {
    'Query.citedArticle': action('article.findOne'),
    'Query.citedArticles': action('article.find'),
    'Query.citedSource': action('source.findOne'),
    'Query.articleComments': action('comment.find'),
    'Mutation.createArticleComment': write('comment.create', 'post'),
    'Mutation.reportComment': write('comment.report', 'report'),
    // A reader's own comment: the Authenticated role's actions (reader-permissions.ts).
    'Mutation.updateMyComment': write('comment.update', 'edit'),
    'Mutation.deleteMyComment': write('comment.delete', 'delete'),
  };
};
