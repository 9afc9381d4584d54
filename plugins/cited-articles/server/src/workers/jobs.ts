// The CPU-heavy work the server hands to its worker threads (services/work-pool.ts runs them).
// Pure functions of plain, structured-cloneable data: no Strapi import, nothing read from a
// database. What they take and answer crosses a thread boundary, so it is copied, never shared.
import {
  extractCitedKeys,
  formatNews,
  referenceTargets,
  renderBodyHtml,
  resolveCitations,
  type CitableSource,
  type ReferenceTargets,
  type ResolvedCitations,
} from '../citations';
import { CSL_STYLES, createEntryCache, formatWithCsl } from '../csl/csl-style';
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
  bodyHtml: string | null;
}

export type ImportOutput = { read: ReadResult } | { unreadable: { message: string; line: number } };

// One per worker thread: formatted CSL entries by style, locale and a hash of the source.
const entryCache = createEntryCache();

/** Formats with a style the plugin ships; null when the id is not one of them. */
export function formatBundled(styleId: string, sources: CitableSource[], locale: string): string[] | null {
  if (styleId.toLowerCase() === 'news') return sources.map(formatNews);
  const definition = CSL_STYLES.find((style) => style.id.toLowerCase() === styleId.toLowerCase());
  return definition ? formatWithCsl(definition, sources, locale, entryCache) : null;
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
    const formatted = input.formatted ?? (input.style ? formatBundled(input.style.id, sources, input.style.locale) : null);
    let bodyHtml: string | null = null;
    if (input.html && formatted) {
      bodyHtml = renderBodyHtml(input.body, resolved, {
        formatted: new Map(resolved.references.map((reference, index) => [reference.id, formatted[index]])),
      });
    }
    return { resolved, sources, formatted, bodyHtml };
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
    return warmUpStyles(formatBundled, (id, error) => {
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
