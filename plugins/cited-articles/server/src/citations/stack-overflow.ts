/**
 * The unified utilities recurse once per nesting level, so a body nested a
 * few thousand levels deep (`> > > …`, `- - - …`) overflows the call stack.
 * No article does that, but the engine must not throw on any string, so the
 * callers catch exactly this failure and fall back to treating the body as
 * plain text. V8 reports it as a RangeError, or inside a regular expression
 * as a SyntaxError mentioning "Stack overflow". Other errors are real bugs
 * and are rethrown. parseMarkdown throws a RangeError of its own (NestingTooDeepError) for a body
 * nested past its limit, which the parser would take super-linear time to parse.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && /stack overflow|call stack/i.test(error.message));
}
