// TEMPORARY: the comment services' types, still inferred from their implementations (these
// imports keep them in the import circle through utils/get-service.ts). Replaced by hand-written
// interfaces (the comment services' own contracts) when those land; that version wins.
export type CommentArticleRefService = ReturnType<typeof import('../comment-article-ref').default>;
export type CommentAuthorsService = ReturnType<typeof import('../comment-authors').default>;
export type CommentCountsService = ReturnType<typeof import('../comment-counts').default>;
export type CommentEventsService = ReturnType<typeof import('../comment-events').default>;
export type CommentFingerprintService = ReturnType<typeof import('../comment-fingerprint').default>;
export type CommentModerationService = ReturnType<typeof import('../comment-moderation').default>;
export type CommentPagesService = ReturnType<typeof import('../comment-pages').default>;
export type CommentRepliesService = ReturnType<typeof import('../comment-replies').default>;
export type CommentsPublicService = ReturnType<typeof import('../comments-public').default>;
export type StaffRepliesService = ReturnType<typeof import('../staff-replies').default>;
export type NotificationsService = ReturnType<typeof import('../notifications').default>;
export type ReferenceCountsService = ReturnType<typeof import('../reference-counts').default>;
