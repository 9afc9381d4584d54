import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ArticleRecord } from '../content-types/records';
import { getService } from '../utils/get-service';
import { PUBLIC_SOURCE_FIELDS, SOURCE_HEALTH_FIELDS } from '../utils/public-shape';
import { ARTICLE_UID } from '../utils/uids';
import type { PublishGuardService } from './contracts';

const SOURCE_FIELDS = PUBLIC_SOURCE_FIELDS.filter((field) => field !== 'documentId');

/**
 * The server side of the option `blockPublishOnCitationErrors`: the draft about to be published is
 * resolved like the public API would, and any error-level issue refuses the publish with a 400
 * listing each one (the admin panel shows the message; API clients read `details.errors`).
 */
const publishGuard = ({ strapi }: { strapi: Core.Strapi }): PublishGuardService => ({
  async assertPublishable({ documentId, locale }) {
    // The Query Engine: the Document Service refuses admin-only (private) fields in a populate,
    // and the guard needs the sources' health fields for `retracted-source`.
    // A locale narrows the draft only where articles have one (the type is not localised by default).
    const byLocale = locale && 'locale' in (strapi.getModel(ARTICLE_UID).attributes ?? {}) ? { locale } : {};
    const draft: ArticleRecord | null = await strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, publishedAt: { $null: true }, ...byLocale },
      select: ['documentId', 'body', 'numberingStart'],
      populate: { citations: { select: ['documentId', ...SOURCE_FIELDS, ...SOURCE_HEALTH_FIELDS] } },
    });
    if (!draft) return;
    const [resolved] = await getService('resolved-articles', { strapi }).resolveMany([draft]);
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

export default publishGuard;
