import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { articlesRepository } from '../../repositories/articles';
import type { ArticleResolving } from './resolving';

/**
 * The server side of the option `blockPublishOnCitationErrors`: the draft about to be published is
 * resolved like the public API would, and any error-level issue refuses the publish with a 400
 * listing each one (the admin panel shows the message; API clients read `details.errors`).
 */
export const createPublishGuard = ({ strapi, resolving }: { strapi: Core.Strapi; resolving: ArticleResolving }) => ({
  /** Throws a ValidationError listing the citation errors of the draft about to be published. */
  async assertPublishable({ documentId, locale }: { documentId: string; locale?: string }): Promise<void> {
    // With its sources' health fields, for `retracted-source`.
    const draft = await articlesRepository(strapi).draftToPublish(documentId, locale);
    if (!draft) return;
    const [resolved] = await resolving.resolveMany([draft]);
    // A retracted source blocks like an error: publishing would cite a withdrawn work as evidence.
    const citationErrors = resolved.issues.filter((issue) => issue.severity === 'error' || issue.code === 'retracted-source');
    if (citationErrors.length === 0) return;
    const count = citationErrors.length === 1 ? '1 citation error' : `${citationErrors.length} citation errors`;
    throw new errors.ValidationError(`This article has ${count}; fix them before publishing. ${citationErrors[0].message}`, {
      errors: citationErrors.map((issue) => ({
        path: ['body'],
        message: issue.marker ? `${issue.marker}: ${issue.message}` : issue.message,
        name: 'ValidationError',
        code: issue.code,
      })),
    });
  },
});
