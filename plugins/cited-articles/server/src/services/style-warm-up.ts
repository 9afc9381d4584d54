import type { Core } from '@strapi/strapi';
import type { CitableSource } from '../citations';
import { getService } from '../utils/get-service';
import { cacheSettings } from '../utils/settings';
import { DEFAULT_LOCALE } from './reference-styles';
import type { StyleWarmUpService } from './contracts';

// Formatted once per style to build its engine, one entry per source type so that each type's path
// through the style has run once too; never shown (their own hashes in the entry cache).
const SAMPLE_TYPES: NonNullable<CitableSource['type']>[] = ['news', 'web', 'journal', 'book', 'report', 'other'];
const SAMPLES: CitableSource[] = SAMPLE_TYPES.map((type) => ({
  documentId: `warm-up-${type}`,
  key: `warm-up-${type}`,
  title: 'Warm-up entry',
  authors: ['Jane Doe'],
  publisher: 'Cited Articles',
  url: 'https://example.org/warm-up',
  publishedDate: '2024-01-01',
  type,
}));

// Building APA's engine takes one to two seconds of CPU (citeproc-js), during which requests wait.
const START_DELAY_MS = 250;

/**
 * Builds the CSL engines of the reference styles in the background once the server listens, one
 * style per turn of the event loop, so that the first `?style=apa` request after a start costs what
 * the next ones do (building citeproc for a style and locale takes about a second) and readiness is
 * not held up: requests arriving meanwhile wait for one style's build at most.
 */
const styleWarmUp = ({ strapi }: { strapi: Core.Strapi }): StyleWarmUpService => {
  let stopped = false;
  let started = false;
  let done: Promise<string[]> | null = null;

  const run = () =>
    new Promise<string[]>((resolve) => {
      const styles = getService('reference-styles', { strapi });
      // One entry per turn of the event loop: the first of a style builds its engine (the longest
      // wait a request can meet), the others run each source type's path once.
      const pending = styles
        .list()
        .filter((style) => style.kind === 'csl')
        .flatMap((style) => SAMPLES.map((sample, index) => ({ id: style.id, sample, last: index === SAMPLES.length - 1 })));
      const warmed: string[] = [];
      const failed = new Set<string>();
      const next = () => {
        const task = pending.shift();
        if (!task || stopped) return resolve(warmed);
        if (!failed.has(task.id)) {
          try {
            styles.get(task.id)?.format([task.sample], { locale: DEFAULT_LOCALE });
            if (task.last) warmed.push(task.id);
          } catch (error) {
            failed.add(task.id);
            strapi.log.warn(`[cited-articles] could not prepare style ${task.id}: ${(error as Error).message}`);
          }
        }
        setImmediate(next);
      };
      setImmediate(next);
    });

  return {
    /** Schedules the warm-up (bootstrap) for when the HTTP server listens: startup is not slowed. */
    schedule() {
      if (!cacheSettings(strapi).warmUpStyles) return;
      const start = () => {
        if (started || stopped) return;
        started = true;
        done = run();
      };
      // A moment after listening, so that the first readiness probes are answered at once.
      strapi.server.httpServer.once('listening', () => setTimeout(start, START_DELAY_MS).unref());
    },

    /** The styles warmed, once done (null when it has not started). */
    finished() {
      return done;
    },

    stop() {
      stopped = true;
    },
  };
};

export default styleWarmUp;
