import * as React from 'react';
import { useForm } from '@strapi/strapi/admin';
import type { CitationIssue, PreviewReference, PreviewReferences } from '../../../shared/contracts';
import { useLazyGetCitedSavedCitationsQuery, usePreviewCitedReferencesMutation } from '../services/preview';
import { bodyOf, citationChangesOf, numberingStartOf, type RelationChanges } from '../utils/articleForm';
import { useErrorMessage } from './useErrorMessage';

export type { CitationIssue };

export interface ReferencePreview {
  references: PreviewReference[];
  issues: CitationIssue[];
  publishGuard: PreviewReferences.Response['meta']['publishGuard'];
}

const DEBOUNCE_MS = 400;
// At most this long before asking again after a 503, whatever Retry-After says.
const MAX_RETRY_SECONDS = 60;

/**
 * The seconds to wait before asking again when the server was too busy (503: its worker threads
 * and queue are all taken, README "Heavy work off the event loop"), from the answer's
 * `details.retryAfterSeconds`; null for any other failure, which waits for the editor's next change.
 */
const busyRetrySeconds = (failure: unknown): number | null => {
  // The query layer's error is the API's: `{ status, name, message, details }`.
  if (typeof failure !== 'object' || failure === null || !('status' in failure) || failure.status !== 503) return null;
  const details = 'details' in failure ? (failure.details as { retryAfterSeconds?: unknown } | null | undefined) : undefined;
  const seconds = details?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.min(seconds, MAX_RETRY_SECONDS) : null;
};
const NO_CITATIONS: string[] = [];

/**
 * The article's saved citations list (the Content Manager loads relations apart from the form and
 * keeps only the unsaved changes in it), refreshed after each save.
 */
const useSavedCitations = (documentId: string | undefined, savedAt: string | undefined, enabled: boolean, locale: string | undefined) => {
  const [getSavedCitations] = useLazyGetCitedSavedCitationsQuery();
  // Kept with the article it was loaded for: another article's list is never this form's.
  const [saved, setSaved] = React.useState<{ documentId: string; list: string[] } | null>(null);
  const load = React.useCallback(
    async (id: string) => {
      // Asked afresh each time (never the cached list): a save may have changed it.
      const data = await getSavedCitations({ documentId: id, ...(locale ? { locale } : {}) }, false).unwrap();
      // The Content Manager answers newest position first; the article's order is the reverse.
      return [...(data.results ?? [])].reverse().map((item) => item.documentId);
    },
    [getSavedCitations, locale]
  );
  React.useEffect(() => {
    if (!documentId || !enabled) return;
    let live = true;
    load(documentId)
      .then((list) => live && setSaved({ documentId, list }))
      .catch(() => live && setSaved({ documentId, list: [] }));
    return () => {
      live = false;
    };
  }, [documentId, savedAt, enabled, load]);
  const list = documentId && enabled && saved?.documentId === documentId ? saved.list : NO_CITATIONS;
  return { saved: list, load };
};

/** The saved list with the form's unsaved connects and disconnects applied. */
const applyChanges = (saved: string[], value: RelationChanges) => {
  const removed = new Set((value?.disconnect ?? []).map((item) => item.documentId));
  const list = saved.filter((id) => !removed.has(id));
  for (const item of value?.connect ?? []) {
    if (item.documentId && !list.includes(item.documentId)) list.push(item.documentId);
  }
  return list;
};

/**
 * The References panel's data: the unsaved body, citations and numbering start from the edit
 * form, resolved by the plugin's preview route as the public API will resolve them once saved.
 * Requests are debounced while the editor types, and a late answer never overwrites a newer one.
 */
export const useReferencePreview = ({
  documentId,
  savedAt,
  locale,
  enabled = true,
}: {
  documentId?: string;
  savedAt?: string;
  /** The locale being edited: its citations list, and references formatted in its language. */
  locale?: string;
  /** false: ask nothing (another content type's form). */
  enabled?: boolean;
}) => {
  const [previewReferences] = usePreviewCitedReferencesMutation();
  const describeError = useErrorMessage();
  const body = useForm('CitedArticlesReferences', (state) => bodyOf(state.values), false);
  const numberingStart = useForm('CitedArticlesReferences', (state) => numberingStartOf(state.values), false);
  const citationChanges = useForm('CitedArticlesReferences', (state) => citationChangesOf(state.values), false);
  const { saved, load } = useSavedCitations(documentId, savedAt, enabled, locale);
  const citations = React.useMemo(() => applyChanges(saved, citationChanges), [saved, citationChanges]);
  const inputs = React.useMemo(() => ({ body, citations, numberingStart }), [body, citations, numberingStart]);

  const [preview, setPreview] = React.useState<ReferencePreview | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  // The inputs the shown preview (or error) answers: while the form differs, an answer is due.
  const [answered, setAnswered] = React.useState<typeof inputs | null>(null);
  const loading = enabled && answered !== inputs;
  const latest = React.useRef(0);
  // Bumped to ask again for the same form after a 503's Retry-After.
  const [retries, setRetries] = React.useState(0);

  const ask = React.useCallback(
    async (input: { body: string | undefined; citations: string[]; numberingStart: 0 | 1 | undefined }): Promise<ReferencePreview> => {
      const data = await previewReferences({
        body: input.body ?? '',
        citations: input.citations,
        numberingStart: input.numberingStart === 0 ? 0 : 1,
        ...(locale ? { locale } : {}),
      }).unwrap();
      return {
        references: data.data.references ?? [],
        issues: data.meta.issues ?? [],
        publishGuard: data.meta.publishGuard === 'block' ? 'block' : 'confirm',
      };
    },
    [previewReferences, locale]
  );

  // The latest form values, for resolveNow, which runs outside a render (a click), after commit.
  const current = React.useRef({ inputs, citationChanges, documentId });
  React.useLayoutEffect(() => {
    current.current = { inputs, citationChanges, documentId };
  }, [inputs, citationChanges, documentId]);

  /**
   * Resolves the form as it is at this instant, without waiting for the debounce or a pending
   * load (the Publish guard must not decide on a stale or missing preview).
   */
  const resolveNow = React.useCallback(async () => {
    const { inputs: asked, citationChanges: changes, documentId: id } = current.current;
    // Numbered like a debounced request: an older one's late answer is dropped, a newer one's kept.
    const request = ++latest.current;
    const savedNow = id ? await load(id) : [];
    const fresh = await ask({ ...asked, citations: applyChanges(savedNow, changes) });
    if (request === latest.current) {
      setPreview(fresh);
      setError(null);
      setAnswered(asked);
    }
    return fresh;
  }, [ask, load]);

  React.useEffect(() => {
    const request = ++latest.current;
    if (!enabled) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(async () => {
      try {
        const fresh = await ask(inputs);
        if (request !== latest.current) return;
        setPreview(fresh);
        setError(null);
      } catch (failure) {
        if (request !== latest.current) return;
        // The server's message: too complex within its work budget (422), busy (503), or other.
        setError(describeError(failure, 'Preview failed'));
        const wait = busyRetrySeconds(failure);
        if (wait !== null) retry = setTimeout(() => setRetries((count) => count + 1), wait * 1000);
      } finally {
        if (request === latest.current) setAnswered(inputs);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      clearTimeout(retry);
    };
  }, [inputs, enabled, ask, describeError, retries]);

  return { preview, error, loading, resolveNow };
};
