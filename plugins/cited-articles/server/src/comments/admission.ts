import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { commentSettings } from '../utils/settings';
import type { CommentCaller, ReaderAccount } from './caller';

export type CommentAction = 'post' | 'edit' | 'delete' | 'report';

/** What a comment write knows of its caller once admitted: the use cases take this, not the request. */
export interface Admitted {
  ipHash: string;
  account: ReaderAccount | null;
  /** Any user on the request, the reporter of a report (one report per account counts). */
  userId: number | string | null;
}

/**
 * The checks every comment write runs before its input is read, one function that the REST routes
 * and the GraphQL mutations both run before their handler (middlewares/comment-admission.ts;
 * docs/decisions.md, "One path per comment use case"):
 *
 * - flood control first, so a sender over budget costs no validation, normalisation or query
 *   (reports have their own budget, per network and per account: the moderation service's assertReportBudget);
 * - the account rules: posting may need an account (comments.requireAccount); editing and deleting
 *   always do, as only the author may; a blocked account may do none of it.
 *
 * The article's own checks (comments open, honeypot, holds, duplicates) need the article or the
 * text and run in comments-public.create, which every post goes through.
 */
export async function admitCommentCaller(
  strapi: Core.Strapi,
  caller: CommentCaller,
  action: 'edit' | 'delete'
): Promise<Admitted & { account: ReaderAccount }>;
export async function admitCommentCaller(strapi: Core.Strapi, caller: CommentCaller, action: CommentAction): Promise<Admitted>;
export async function admitCommentCaller(strapi: Core.Strapi, caller: CommentCaller, action: CommentAction): Promise<Admitted> {
  const guard = getService('moderation', { strapi });
  const ipHash = guard.hashIp(caller.ip);
  if (action === 'report') {
    await guard.assertReportBudget({ ipHash, userId: caller.userId });
    return { ipHash, account: caller.account, userId: caller.userId };
  }
  await guard.assertCommentBudget(ipHash);

  const { account } = caller;
  if (action === 'post') {
    // Users & Permissions already refuses a blocked user's JWT (401); this keeps it so.
    if (account?.blocked) throw new errors.ForbiddenError('This account is blocked and cannot post comments.');
    if (!account && commentSettings(strapi).requireAccount) {
      throw new errors.UnauthorizedError('Log in to comment: this site accepts comments from reader accounts only.');
    }
    return { ipHash, account, userId: caller.userId };
  }
  if (!account) throw new errors.UnauthorizedError(`Log in to ${action} a comment: only its author, with their reader account, may.`);
  if (account.blocked) throw new errors.ForbiddenError(`This account is blocked and cannot ${action} comments.`);
  return { ipHash, account, userId: caller.userId };
}
