import { formatNews } from './format-news';
import type { CitableSource, Reference } from './types';

export type SourceFormatter = (source: CitableSource) => string;

/**
 * The `formatted` map renderBodyHtml expects (reference id → plain text).
 * The news style is the default; the service can pass another formatter per
 * publication without the renderer knowing about styles.
 */
export function formatReferences(references: readonly Reference[], format: SourceFormatter = formatNews): Map<string, string> {
  return new Map(references.map((reference) => [reference.id, format(reference.source)]));
}
