// No policies: the checks every comment write needs (flood control, reader-account rules) are the
// comment-admission route middleware (middlewares/comment-admission.ts), which answers 401, 403 and
// 429 with Retry-After where a policy could only refuse with a bare 403. See docs/decisions.md,
// "One path per comment use case".
export default {};
