import { errors } from '@strapi/utils';
import { ConflictError } from './errors';
import type { RequestContext } from './request-context';

/**
 * Answers a comment route's refusal where Strapi alone would not say why, or rethrows the error
 * for Strapi's error middleware:
 *
 * - Strapi has no conflict error class (ConflictError is the plugin's);
 * - an UnauthorizedError or ForbiddenError thrown past Strapi's authorize middleware is answered
 *   with a bare "Unauthorized" or "Forbidden", while a reader should learn why (log in, blocked,
 *   comments closed);
 * - Retry-After is a header.
 *
 * The answers keep Strapi's error shape ({ data: null, error: { status, name, message, details } }).
 */
export const answerRestRefusal = (ctx: RequestContext, error: unknown): void => {
  if (error instanceof ConflictError) return ctx.conflict(error.message, error.details);
  if (error instanceof errors.UnauthorizedError) return ctx.unauthorized(error.message, error.details ?? {});
  if (error instanceof errors.ForbiddenError) return ctx.forbidden(error.message, error.details ?? {});
  if (error instanceof errors.RateLimitError) {
    const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) ctx.set('Retry-After', String(retry));
  }
  throw error;
};
