import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * hast-util-sanitize rather than sanitize-html: the body is already a hast
 * tree after mdast-util-to-hast, so sanitising the tree avoids a second HTML
 * parse, needs no DOM/htmlparser2 dependency, and the GitHub-style default
 * schema is a well-reviewed starting point.
 *
 * Changes to the default schema, and why:
 * - `clobber: []`: the default prefixes every `id` with `user-content-`,
 *   which would break the `#ref-1` / `#cite-1-a` anchors frontends link to.
 *   Safe here because raw HTML is dropped before sanitising, so the only ids
 *   in the tree are ours and GFM footnote ids (mdast-util-to-hast prefixes
 *   those itself).
 * - links: only http, https, mailto and relative URLs (no irc/xmpp).
 * - the reference list's classes, and `citation` for in-text citations.
 */
const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];

export const citationSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
  attributes: {
    ...defaultSchema.attributes,
    ol: [...aria, ['className', 'contains-task-list', 'references']],
    span: [['className', 'backlinks', 'reference-text', 'citation']],
  },
};

/** Schemes a link in the body may have; anything else is rendered as plain text. */
export const LINK_PROTOCOLS: readonly string[] = ['http', 'https', 'mailto'];
