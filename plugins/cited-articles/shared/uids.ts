// Content-type uids of the plugin, in one place so that no file spells them by hand.
export const PLUGIN_ID = 'cited-articles';

export const ARTICLE_UID = 'plugin::cited-articles.article' as const;
export const SOURCE_UID = 'plugin::cited-articles.source' as const;
export const COMMENT_UID = 'plugin::cited-articles.comment' as const;
export const COMMENT_REPORT_UID = 'plugin::cited-articles.comment-report' as const;
export const TASK_LOCK_UID = 'plugin::cited-articles.task-lock' as const;
export const NOTIFICATION_OPTOUT_UID = 'plugin::cited-articles.notification-optout' as const;
export const COMMENT_TALLY_UID = 'plugin::cited-articles.comment-tally' as const;
