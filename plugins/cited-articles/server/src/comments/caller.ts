/**
 * Who is acting on a comment, read the same way from a REST request and a GraphQL request: both
 * run Strapi's authentication first (the GraphQL plugin calls strapi.auth.authenticate before
 * Apollo), so ctx.state holds the same auth and user for the same Authorization header.
 */

/** A reader's Users & Permissions account, as the JWT strategy puts it on the request. */
export interface ReaderAccount {
  id: number;
  username: string;
  blocked?: boolean;
}

/** What a comment use case needs to know about its caller, whatever the transport. */
export interface CommentCaller {
  /** The client address (Koa's request.ip, see the proxy note in controllers/comment.ts). */
  ip: string | undefined;
  /** The reader's account behind a JWT, or null (public, API token). */
  account: ReaderAccount | null;
  /** Any user on the request, the reporter of a report (one report per account counts). */
  userId: number | string | null;
}

/** The parts of Koa's ctx.state that Strapi's authentication fills. */
export interface AuthState {
  auth?: { strategy?: { name?: string } | null } | null;
  user?: ({ id?: number | string } & Record<string, unknown>) | null;
}

export const commentCaller = (state: AuthState | null | undefined, ip: string | undefined): CommentCaller => {
  const user = state?.user ?? null;
  const account = state?.auth?.strategy?.name === 'users-permissions' && user ? (user as unknown as ReaderAccount) : null;
  return { ip, account, userId: user?.id ?? null };
};
