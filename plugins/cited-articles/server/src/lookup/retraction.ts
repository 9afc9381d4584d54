import { normaliseDate } from './normalise-date';

export interface Retraction {
  /** DOI of the retraction notice. */
  noticeDoi: string | null;
  /** When the retraction was issued, YYYY-MM-DD, when Crossref gives a full date. */
  date: string | null;
}

const isRetraction = (entry: any) => typeof entry?.type === 'string' && entry.type.toLowerCase() === 'retraction';

const dateOf = (entry: any): string | null => {
  const parts = entry?.updated?.['date-parts']?.[0];
  if (Array.isArray(parts) && parts.length === 3) {
    return normaliseDate(
      parts.map((part: number, index: number) => String(part).padStart(index === 0 ? 4 : 2, '0')).join('-')
    );
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
export function retractionOf(doi: string, work: any, updates?: any): Retraction | null {
  const byWork = (Array.isArray(work?.message?.['updated-by']) ? work.message['updated-by'] : []).find(isRetraction);
  if (byWork) return { noticeDoi: typeof byWork.DOI === 'string' ? byWork.DOI : null, date: dateOf(byWork) };
  const lower = doi.toLowerCase();
  for (const notice of Array.isArray(updates?.message?.items) ? updates.message.items : []) {
    const entry = (Array.isArray(notice?.['update-to']) ? notice['update-to'] : []).find(
      (update: any) => isRetraction(update) && String(update.DOI ?? '').toLowerCase() === lower
    );
    if (entry) return { noticeDoi: typeof notice.DOI === 'string' ? notice.DOI : null, date: dateOf(entry) };
  }
  return null;
}
