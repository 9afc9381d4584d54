// No route policies: the checks every comment write needs (flood control, reader-account rules)
// run once inside the comment use cases (comments/admission.ts, services/comments/actions.ts), so
// the REST routes and the GraphQL fields share one path. See docs/decisions.md, "One path per
// comment use case".
export default {};
