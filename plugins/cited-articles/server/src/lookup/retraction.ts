import { normaliseDate } from './normalise-date';
import { at, listOf } from './remote-json';

export interface Retraction {
  /** DOI of the retraction notice. */
  noticeDoi: string | null;
  /** When the retraction was issued, YYYY-MM-DD, when Crossref gives a full date. */
  date: string | null;
}

const isRetraction = (entry: unknown) => {
  const type = at(entry, 'type');
  return typeof type === 'string' && type.toLowerCase() === 'retraction';
};

const dateOf = (entry: unknown): string | null => {
  const parts = at(at(at(entry, 'updated'), 'date-parts'), '0');
  if (Array.isArray(parts) && parts.length === 3) {
    return normaliseDate(parts.map((part: unknown, index: number) => String(part).padStart(index === 0 ? 4 : 2, '0')).join('-'));
  }
  return null;
};

/**
 * The retraction recorded for `doi`, or null, from Crossref's works API:
 * - `/works/<doi>`'s `message['updated-by']`: notices that update this work (Crossref fills it from
 *   the notices' deposits and from Retraction Watch);
 * - `/works?filter=updates:<doi>`'s `message.items`: notices whose own `update-to` names this DOI,
 *   for works whose record has not been given `updated-by`.
 * A work that is itself a retraction notice (its `update-to` names another DOI) is not retracted.
 */
const doiOf = (entry: unknown): string | null => {
  const doi = at(entry, 'DOI');
  return typeof doi === 'string' ? doi : null;
};

export function retractionOf(doi: string, work: unknown, updates?: unknown): Retraction | null {
  const byWork = listOf(at(at(work, 'message'), 'updated-by')).find(isRetraction);
  if (byWork) return { noticeDoi: doiOf(byWork), date: dateOf(byWork) };
  const lower = doi.toLowerCase();
  for (const notice of listOf(at(at(updates, 'message'), 'items'))) {
    const entry = listOf(at(notice, 'update-to')).find((update) => isRetraction(update) && String(at(update, 'DOI') ?? '').toLowerCase() === lower);
    if (entry) return { noticeDoi: doiOf(notice), date: dateOf(entry) };
  }
  return null;
}
