import type { AuthState } from '../comments/caller';
import type { Caller } from '../http-cache/audience';
import type { GraphQLError as GraphQLErrorType, GraphQLResolveInfo } from 'graphql';
import { errors } from '@strapi/utils';
import { ConflictError, isWorkRefusal } from '../utils/errors';

/**
 * The REST routes answer with a status code; GraphQL answers 200 with an error whose
 * `extensions.code` says the same. Strapi's own formatter only knows BAD_USER_INPUT and FORBIDDEN
 * (anything else becomes STRAPI_<NAME>), so the plugin maps its errors itself, keeping Strapi's
 * `extensions.error` ({ name, message, details }) beside the code.
 */
const codeOf = (error: unknown): string | null => {
  if (error instanceof ConflictError) return 'CONFLICT';
  if (error instanceof errors.ValidationError) return 'BAD_USER_INPUT';
  if (error instanceof errors.ForbiddenError || error instanceof errors.UnauthorizedError) return 'FORBIDDEN';
  if (error instanceof errors.NotFoundError) return 'NOT_FOUND';
  if (error instanceof errors.RateLimitError) return 'TOO_MANY_REQUESTS';
  // The worker pool's refusals (utils/errors.ts): over the work budget, or its queue is full.
  if (isWorkRefusal(error)) return error.status === 422 ? 'UNPROCESSABLE_CONTENT' : 'SERVICE_UNAVAILABLE';
  return null;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- required when first needed: `graphql` comes with @strapi/plugin-graphql, which may be absent, and an import would load it whenever the plugin loads
const graphQLError = (): typeof GraphQLErrorType => require('graphql').GraphQLError;

export const toGraphQLError = (error: unknown): unknown => {
  const code = codeOf(error);
  if (!code) return error;
  const { name, message, details } = error as errors.ApplicationError;
  const extensions: Record<string, unknown> = { code, error: { name, message, details: details ?? {} } };
  const retryAfterSeconds = (details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if ((code === 'TOO_MANY_REQUESTS' || code === 'SERVICE_UNAVAILABLE') && retryAfterSeconds) extensions.retryAfterSeconds = retryAfterSeconds;
  return new (graphQLError())(message, { extensions, originalError: error as Error });
};

/**
 * A root field's arguments as graphql-js passes them: checked by the zod schemas before use.
 * `data` is the comment input object of createArticleComment and updateMyComment.
 */
export interface ResolverArgs {
  readonly [name: string]: unknown;
  data?: Record<string, unknown> | null;
}

/** What Strapi's GraphQL plugin puts in the resolver context; only the parts the plugin reads. */
export interface ResolverContext {
  koaContext?: {
    request?: { ip?: string };
    set?: (name: string, value: string) => void;
    /** Koa's request header getter and state: whom an answer is for (http-cache/audience.ts). */
    get?: (field: string) => string;
    state?: Caller['state'];
  };
  /** Koa's ctx.state after Strapi's authentication: the reader's account behind a JWT. */
  state?: AuthState;
}

type Resolver<R> = (parent: unknown, args: ResolverArgs, context: ResolverContext, info: GraphQLResolveInfo) => Promise<R>;

/**
 * An error as a GraphQL client reads it (toGraphQLError). A refusal by flood control or a full
 * work queue also sets Retry-After on the HTTP answer, as the REST route does. Used by the root
 * resolvers and the comment admission (middlewares/comment-admission.ts).
 */
export const graphQLRefusal = (error: unknown, context: ResolverContext | undefined): unknown => {
  const mapped = toGraphQLError(error);
  const retry = mapped instanceof graphQLError() ? mapped.extensions.retryAfterSeconds : undefined;
  if (retry) context?.koaContext?.set?.('Retry-After', String(retry));
  return mapped;
};

/** Wraps a root resolver so that the plugin's and Strapi's errors reach the client with their code. */
export const withErrorCodes =
  <R>(resolve: Resolver<R>): Resolver<R> =>
  async (parent, args, context, info) => {
    try {
      return await resolve(parent, args, context, info);
    } catch (error) {
      throw graphQLRefusal(error, context);
    }
  };
