import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from './get-service';

/**
 * The id of the requested style as registered (`APA` → `apa`), or the default; a 400 that lists the
 * choices for an unknown one.
 */
export const assertStyle = (strapi: Core.Strapi, requested: string | undefined) => {
  const styles = getService('references', { strapi });
  const style = requested ?? styles.defaultStyle;
  const found = styles.getStyle(style);
  if (found) return found.id;
  const available = styles
    .listStyles()
    .map(({ id }) => id)
    .join(', ');
  throw new errors.ValidationError(`Unknown style "${style}". Use one of: ${available}.`, {
    errors: [{ path: ['style'], message: `style must be one of: ${available}`, name: 'ValidationError' }],
  });
};
