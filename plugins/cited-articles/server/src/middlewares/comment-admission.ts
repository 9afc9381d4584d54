import type { Core } from '@strapi/strapi';
import { admitCommentCaller, type Admitted, type CommentAction } from '../comments/admission';
import { commentCaller, type AuthState, type ReaderAccount } from '../comments/caller';
import { graphQLRefusal, type ResolverArgs, type ResolverContext } from '../graphql/errors';
import { answerRestRefusal } from '../utils/rest-refusal';
import type { RequestContext } from '../utils/request-context';

/**
 * The admission of every comment write (comments/admission.ts: flood control, then the account
 * rules), attached to the four REST write routes (routes/content-api.ts, route `middlewares`) and
 * to the four GraphQL mutations (graphql/access.ts, resolversConfig `middlewares`), so that both
 * run it before their handler reads any input.
 *
 * A route middleware rather than a policy: Strapi answers a policy's UnauthorizedError or
 * ForbiddenError with a bare "Unauthorized" or "Forbidden" (its authorize middleware catches them),
 * and a policy cannot set Retry-After; a reader must learn why (log in, blocked, wait N seconds).
 * docs/decisions.md, "One path per comment use case".
 */

/** Where the admission leaves its answer for the handler: Koa's ctx.state, one request's own. */
const ADMITTED = 'citedArticlesAdmitted';

type AdmissionState = AuthState & { [ADMITTED]?: Admitted & { action: CommentAction } };

const admit = async (strapi: Core.Strapi, state: AdmissionState, ip: string | undefined, action: CommentAction) => {
  const admitted = await admitCommentCaller(strapi, commentCaller(state, ip), action);
  state[ADMITTED] = { ...admitted, action };
};

/**
 * What the admission found for this request's `action`. Editing and deleting are admitted only with
 * an account. Throws if the route or field was not given the admission: a configuration mistake,
 * never a reader's.
 */
export function admittedFor(state: unknown, action: 'edit' | 'delete'): Admitted & { account: ReaderAccount };
export function admittedFor(state: unknown, action: CommentAction): Admitted;
export function admittedFor(state: unknown, action: CommentAction): Admitted {
  const admitted = (state as AdmissionState | undefined)?.[ADMITTED];
  if (!admitted || admitted.action !== action) {
    throw new Error(
      `The comment ${action} ran without its admission: add commentAdmission to the route's middlewares, admissionResolverMiddleware to the field's.`
    );
  }
  const { ipHash, account, userId } = admitted;
  return { ipHash, account, userId };
}

/** The REST routes' middleware (a route's config.middlewares). */
export const commentAdmission = (strapi: Core.Strapi, action: CommentAction) => async (ctx: RequestContext, next: () => Promise<unknown>) => {
  try {
    await admit(strapi, ctx.state as AdmissionState, ctx.request.ip, action);
  } catch (error) {
    answerRestRefusal(ctx, error);
    return;
  }
  await next();
};

/** Koa's ctx.state as a GraphQL resolver sees it. */
export const graphQLState = (context: ResolverContext): AdmissionState => (context.state ?? context.koaContext?.state ?? {}) as AdmissionState;

/** The same admission as a GraphQL resolver middleware (resolversConfig's `middlewares`). */
export const admissionResolverMiddleware =
  (strapi: Core.Strapi, action: CommentAction) =>
  async <R>(
    resolve: (parent: unknown, args: ResolverArgs, context: ResolverContext, info: unknown) => R,
    parent: unknown,
    args: ResolverArgs,
    context: ResolverContext,
    info: unknown
  ): Promise<R> => {
    try {
      // The GraphQL plugin's context holds Koa's ctx.state, already authenticated (comments/caller.ts).
      await admit(strapi, graphQLState(context), context.koaContext?.request?.ip, action);
    } catch (error) {
      throw graphQLRefusal(error, context);
    }
    return resolve(parent, args, context, info);
  };
