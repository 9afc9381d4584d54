// The CPU-heavy work the server hands to its worker threads (services/platform/work-pool.ts runs them).
// Pure functions of plain, structured-cloneable data: no Strapi import, nothing read from a
// database. What they take and answer crosses a thread boundary, so it is copied, never shared.
import {
  extractCitedKeys,
  formatNews,
  markerClusters,
  referenceTargets,
  renderBodyHtml,
  resolveCitations,
  type CitableSource,
  type InTextCitation,
  type ReferenceTargets,
  type ResolvedCitations,
} from '../citations';
import { CSL_STYLES, createListCache, formatWithCsl, type ClusterItem } from '../csl/csl-style';
import { readImportFile, UnreadableFileError, type ReadResult } from '../interchange/read-import';
import type { ImportFormat } from '../interchange/split-entries';
import { toPublicSource } from '../utils/public-shape';
import { engineBuildCount, warmUpStyles } from './style-warm-up';

/** What a body cites: the keys (first use first) and the stored reference targets. */
export interface BodyIndex {
  keys: string[];
  targets: ReferenceTargets;
}

export interface ResolveInput {
  body: string;
  /** The article's own citations list, in its order. */
  listed: CitableSource[];
  /** Library sources that `[@key]` markers fall back to. */
  library: CitableSource[];
  numberingStart: 0 | 1;
}

export interface PresentInput extends ResolveInput {
  /** A style bundled with the plugin (news or a CSL style); null: the caller formats. */
  style: { id: string; locale: string } | null;
  /** Formatted entries when the caller formatted them (a style registered at runtime). */
  formatted: string[] | null;
  html: boolean;
}

export interface PresentOutput {
  resolved: ResolvedCitations;
  /** The references' public fields, in number order (what formatting and the API show). */
  sources: CitableSource[];
  /** Null when neither the input gave them nor the style runs here. */
  formatted: string[] | null;
  /**
   * Per citation occurrence (resolved.citations' order), its marker as an author-date style prints
   * it in the text, the same for every source of one marker; null for numeric styles and news.
   */
  citationTexts: Array<string | null>;
  bodyHtml: string | null;
}

/** A bundled style's answer: the entries, and the in-text clusters for an author-date style. */
export interface BundledFormat {
  entries: string[];
  clusters: InTextCitation[] | null;
}

export type ImportOutput = { read: ReadResult } | { unreadable: { message: string; line: number } };

// One per worker thread: formatted lists by style, locale and a hash of the list (csl-style.ts).
const listCache = createListCache();

/** Formats a whole list with a style the plugin ships; null when the id is not one of them. */
export function formatBundled(styleId: string, sources: CitableSource[], locale: string): string[] | null {
  return formatBundledList(styleId, sources, locale, [])?.entries ?? null;
}

/**
 * Formats a whole list, and the in-text citations of an author-date style, with a style the
 * plugin ships; null when the id is not one of them. `clusters` are the markers, each a list of
 * (index in `sources`, locator); a cluster's pieces name their item by its index in the cluster.
 */
export function formatBundledList(
  styleId: string,
  sources: CitableSource[],
  locale: string,
  clusters: ClusterItem[][]
): { entries: string[]; clusters: Array<{ text: string; pieces: Array<{ text: string; item: number | null }> | null }> | null } | null {
  if (styleId.toLowerCase() === 'news') return { entries: sources.map(formatNews), clusters: null };
  const definition = CSL_STYLES.find((style) => style.id.toLowerCase() === styleId.toLowerCase());
  if (!definition) return null;
  const list = formatWithCsl(definition, sources, locale, listCache, clusters);
  return { entries: list.entries, clusters: definition.numeric ? null : list.clusters };
}

/**
 * The markers of a resolved body as clusters of the references' indices, and after formatting,
 * each marker's in-text citation by its start offset and each occurrence's text.
 */
function inTextCitations(resolved: ResolvedCitations, style: { id: string; locale: string }, sources: CitableSource[]) {
  const indexOfNumber = new Map(resolved.references.map((reference, index) => [reference.number, index]));
  const markers = markerClusters(resolved.citations);
  const clusters = markers.map((marker) =>
    marker.occurrences.map((occurrence) => {
      const citation = resolved.citations[occurrence] as ResolvedCitations['citations'][number];
      return { index: indexOfNumber.get(citation.number) ?? -1, locator: citation.locator };
    })
  );
  const list = formatBundledList(style.id, sources, style.locale, clusters);
  const byStart = new Map<number, InTextCitation>();
  const citationTexts: Array<string | null> = resolved.citations.map(() => null);
  if (!list?.clusters) return { entries: list?.entries ?? null, byStart: null, citationTexts };
  markers.forEach((marker, index) => {
    const cluster = list.clusters?.[index];
    if (!cluster || cluster.text === '') return;
    const cite = (item: number) => {
      const citation = resolved.citations[marker.occurrences[item] as number] as ResolvedCitations['citations'][number];
      return { id: citation.id, number: citation.number };
    };
    const pieces = cluster.pieces?.map((piece) => ({ text: piece.text, cite: piece.item === null ? null : cite(piece.item) })) ?? null;
    byStart.set(marker.start, { text: cluster.text, pieces });
    for (const occurrence of marker.occurrences) citationTexts[occurrence] = cluster.text;
  });
  return { entries: list.entries, byStart, citationTexts };
}

export const jobs = {
  /** Parses a body once for what saving and serving it need to know before the database work. */
  bodyIndex(body: string): BodyIndex {
    return { keys: extractCitedKeys(body), targets: referenceTargets(body) };
  },

  resolve(input: ResolveInput): ResolvedCitations {
    return resolveCitations(input.body, input.listed, { numberingStart: input.numberingStart }, input.library);
  },

  /** Resolution, whole-list formatting and the sanitised HTML of one article version. */
  present(input: PresentInput): PresentOutput {
    const resolved = jobs.resolve(input);
    // Back to the public fields: the engine's health inputs stay on the server.
    const sources = resolved.references.map((reference) => toPublicSource(reference.source) as CitableSource);
    const inText = !input.formatted && input.style ? inTextCitations(resolved, input.style, sources) : null;
    const formatted = input.formatted ?? inText?.entries ?? null;
    let bodyHtml: string | null = null;
    if (input.html && formatted) {
      bodyHtml = renderBodyHtml(input.body, resolved, {
        formatted: new Map(resolved.references.map((reference, index) => [reference.id, formatted[index] as string])),
        inText: inText?.byStart ?? undefined,
      });
    }
    return { resolved, sources, formatted, citationTexts: inText?.citationTexts ?? resolved.citations.map(() => null), bodyHtml };
  },

  /** Reads a BibTeX, RIS or CSL-JSON file (citation-js); an unreadable file is an answer, not a throw. */
  readImport(input: { content: string; format?: ImportFormat }): ImportOutput {
    try {
      return { read: readImportFile(input.content, input.format) };
    } catch (error) {
      // Error classes do not survive the thread boundary: the caller rebuilds the refusal.
      if (error instanceof UnreadableFileError) return { unreadable: { message: error.message, line: error.line } };
      throw error;
    }
  },

  /** Builds the bundled CSL styles' engines in this thread (once); the ids of the styles warmed. */
  warmUp(): string[] {
    const withCitations = (id: string, sources: CitableSource[], locale: string) =>
      formatBundledList(
        id,
        sources,
        locale,
        sources.map((_, index) => [{ index, locator: '1' }])
      );
    return warmUpStyles(withCitations, (id, error) => {
      console.warn(`[cited-articles] could not prepare style ${id}: ${error instanceof Error ? error.message : String(error)}`);
    });
  },

  /** How many citeproc engines this thread has built (the warm-up's test reads it). */
  engineBuilds(): number {
    return engineBuildCount();
  },
};

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
export type JobInput<Name extends JobName> = Parameters<Jobs[Name]>[0];
export type JobOutput<Name extends JobName> = ReturnType<Jobs[Name]>;
