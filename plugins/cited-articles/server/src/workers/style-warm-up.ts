// Builds the CSL engines of the bundled styles in a worker thread when it starts, before it takes
// a job: building citeproc for a style and locale costs a second or two of CPU, which would
// otherwise be spent, and counted against the work budget, by the first job of each new thread.
import type { CitableSource } from '../citations';
import { SOURCE_TYPES } from '../citations/types';
import { citationJs } from '../csl/citation-js';
import { CSL_STYLES } from '../csl/csl-style';

export const WARM_UP_LOCALE = 'en-US';

// One entry per source type, so that each type's path through the style has run once too; never
// shown (a list of its own in the list cache).
const SAMPLE_TYPES = SOURCE_TYPES;
const SAMPLES: CitableSource[] = SAMPLE_TYPES.map((type) => ({
  documentId: `warm-up-${type}`,
  key: `warm-up-${type}`,
  title: 'Warm-up entry',
  authors: [{ family: 'Doe', given: 'Jane' }],
  editors: [{ literal: 'Cited Articles Editors' }],
  containerTitle: 'Warm-up Journal',
  volume: '1',
  issue: '2',
  pages: '3-4',
  publisher: 'Cited Articles',
  url: 'https://example.org/warm-up',
  publishedDate: '2024-01-01',
  type,
}));

let warmed: string[] | null = null;
let engineBuilds = 0;

/**
 * citeproc reads a locale from plugin-csl's registry when it builds an engine, and only then (a
 * built engine is reused for its style and locale): counting the reads counts the builds, which
 * the `engineBuilds` job reports (the warm-up's test reads it).
 */
let counting = false;
export const countEngineBuilds = () => {
  if (counting) return;
  counting = true;
  const locales = citationJs().config.get('@csl').locales as unknown as { get(name: string): unknown };
  const read = locales.get.bind(locales);
  locales.get = (name: string) => {
    engineBuilds += 1;
    return read(name);
  };
};

/**
 * Formats the samples in every CSL style once, as one list with an in-text citation of each (the
 * first time only); the ids of the styles warmed.
 */
export function warmUpStyles(
  format: (styleId: string, sources: CitableSource[], locale: string) => unknown,
  onFailure: (id: string, error: unknown) => void
): string[] {
  if (warmed) return warmed;
  const done: string[] = [];
  for (const style of CSL_STYLES) {
    try {
      format(style.id, SAMPLES, WARM_UP_LOCALE);
      done.push(style.id);
    } catch (error) {
      onFailure(style.id, error);
    }
  }
  warmed = done;
  return done;
}

export const engineBuildCount = () => engineBuilds;
