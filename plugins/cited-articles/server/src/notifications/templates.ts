/**
 * The text of the plugin's emails: pure, plain text (no HTML to escape, nothing a reader wrote can
 * become markup in a mail client).
 */

export interface WaitingComment {
  authorName: string | null;
  content: string;
  articleTitle: string | null;
  reason: string | null;
}

const REASONS: Record<string, string> = {
  reports: 'sent back by readers’ reports',
  links: 'held: too many links',
  'blocked-word': 'held: a blocked word',
};

const excerpt = (text: string, max = 500) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** One email listing every comment that started waiting since the last one. */
export const moderatorDigest = (comments: WaitingComment[], moderationUrl: string) => {
  const count = comments.length;
  const subject = `${count} comment${count === 1 ? '' : 's'} waiting for moderation`;
  const entries = comments.map((comment) => {
    const why = comment.reason ? (REASONS[comment.reason] ?? comment.reason) : 'new';
    return [
      `— ${comment.authorName ?? 'Someone'} on “${comment.articleTitle ?? 'an article'}” (${why}):`,
      excerpt(comment.content)
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    ].join('\n');
  });
  const text = [`${subject}:`, '', ...entries.flatMap((entry) => [entry, '']), `Moderate them: ${moderationUrl}`].join('\n');
  return { subject, text };
};

/** The email to a reader whose comment was answered. */
export const replyNotice = ({
  replier,
  staff,
  reply,
  articleTitle,
  articleUrl,
  unsubscribeUrl,
}: {
  replier: string;
  staff: boolean;
  reply: string;
  articleTitle: string | null;
  articleUrl: string | null;
  unsubscribeUrl: string;
}) => {
  const who = staff ? `${replier} (newsroom)` : replier;
  const subject = `${who} replied to your comment${articleTitle ? ` on “${articleTitle}”` : ''}`;
  const text = [
    `${who} replied to your comment${articleTitle ? ` on “${articleTitle}”` : ''}:`,
    '',
    excerpt(reply, 2000),
    '',
    ...(articleUrl ? [`Read the conversation: ${articleUrl}`, ''] : []),
    `You receive this because you asked to be told of replies. Stop all reply emails: ${unsubscribeUrl}`,
  ].join('\n');
  return { subject, text };
};
