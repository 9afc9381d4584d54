import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { PUBLIC_SOURCE_FIELDS } from '../utils/public-shape';
import { ARTICLE_UID } from '../utils/uids';

const SOURCE_FIELDS = PUBLIC_SOURCE_FIELDS.filter((field) => field !== 'documentId');

/**
 * The server side of the option `blockPublishOnCitationErrors`: the draft about to be published is
 * resolved like the public API would, and any error-level issue refuses the publish with a 400
 * listing each one (the admin panel shows the message; API clients read `details.errors`).
 */
const publishGuard = ({ strapi }: { strapi: Core.Strapi }) => ({
  async assertPublishable({ documentId, locale }: { documentId: string; locale?: string }) {
    const draft: any = await strapi.documents(ARTICLE_UID).findOne({
      documentId,
      locale,
      status: 'draft',
      fields: ['body', 'numberingStart'] as any,
      populate: { citations: { fields: [...SOURCE_FIELDS] } } as any,
    });
    if (!draft) return;
    const [resolved] = await getService('resolved-articles', { strapi }).resolveMany([draft]);
    const citationErrors = resolved.issues.filter((issue) => issue.severity === 'error');
    if (citationErrors.length === 0) return;
    const count = citationErrors.length === 1 ? '1 citation error' : `${citationErrors.length} citation errors`;
    throw new errors.ValidationError(
      `This article has ${count}; fix them before publishing. ${citationErrors[0].message}`,
      {
        errors: citationErrors.map((issue) => ({
          path: ['body'],
          message: issue.marker ? `${issue.marker}: ${issue.message}` : issue.message,
          name: 'ValidationError',
          code: issue.code,
        })),
      }
    );
  },
});

export default publishGuard;
