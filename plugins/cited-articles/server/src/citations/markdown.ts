import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { installLinearDataMerge } from './linear-data-merge';
import { deepestNesting } from './nesting-depth';

// Before the first parse: micromark's own merge of text runs is quadratic (see linear-data-merge.ts).
installLinearDataMerge();

/**
 * The single place where the body is parsed, so the marker finder and the
 * HTML renderer agree on what is text and what is code, HTML, a link or an
 * autolink.
 *
 * GFM minus footnotes: tables, strikethrough and task lists because editors
 * paste them, bare URLs because a `[1]` glued into a URL must stay part of
 * the link. Footnotes (`[^1]`) are left out on purpose: a second notes system
 * would compete with citations, and unreferenced footnote definitions vanish
 * from the HTML together with any citation inside them. `[^1]` is plain text.
 * (micromark-extension-gfm / mdast-util-gfm bundle footnotes with no way to
 * turn them off, hence the individual extensions.)
 */
export interface ParsedMarkdown {
  tree: Root;
  /**
   * micromark drops a leading byte order mark and counts offsets from after
   * it; add this to every `position.*.offset` to get an offset into the body.
   */
  offsetShift: number;
}

const syntax = [gfmAutolinkLiteral(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
const mdast = [gfmAutolinkLiteralFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()];

/** Container nesting past which a body is not parsed as Markdown (like markdown-it's maxNesting). */
export const MAX_NESTING = 100;

/**
 * Thrown instead of parsing a body nested deeper than MAX_NESTING: a RangeError, so callers
 * take the same plain-text fallback as for a stack overflow (see stack-overflow.ts).
 */
export class NestingTooDeepError extends RangeError {}

export function parseMarkdown(body: string): ParsedMarkdown {
  if (deepestNesting(body) > MAX_NESTING) {
    throw new NestingTooDeepError(`Markdown nested more than ${MAX_NESTING} levels deep`);
  }
  const offsetShift = body.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = fromMarkdown(body, { extensions: syntax, mdastExtensions: mdast });
  return { tree, offsetShift };
}
