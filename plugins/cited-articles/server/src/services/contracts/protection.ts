// Flood control and the checks a comment or a report passes before it is stored.

export interface Limits {
  points: number;
  durationSeconds: number;
}

/** retryAfterSeconds is 0 when allowed. */
export interface ConsumeResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

export interface RateLimitService {
  consume(name: string, key: string, limits: Limits): Promise<ConsumeResult>;
  release(name: string, key: string, limits: Limits): Promise<void>;
  connect(): Promise<void>;
  destroy(): Promise<void>;
}

export type HeldReason = 'honeypot' | 'links' | 'blocked-word' | null;

export interface CommentDraftForHold {
  content: string;
  authorName: string;
  authorEmail: string;
  honeypot?: string;
}

export interface AbuseGuardService {
  hashIp(ip: string | undefined): string;
  reporterHash(reporter: { userId?: number | string | null; ipHash: string }): string;
  assertCommentBudget(ipHash: string): Promise<void>;
  assertReportBudget(reporter: { userId?: number | string | null; ipHash: string }): Promise<void>;
  /** A function that gives the claim back, or null when the text is claimed already. */
  claimDuplicate(articleDocumentId: string, content: string, senders: string[]): Promise<(() => Promise<void>) | null>;
  holdReason(comment: CommentDraftForHold): HeldReason;
}
