import type { Core } from '@strapi/strapi';
import type { CitableSource } from '../citations';
import { getService } from '../utils/get-service';
import { cacheSettings } from '../utils/settings';
import { DEFAULT_LOCALE } from './reference-styles';

// Formatted once per style to build its engine; never shown (its own hash in the entry cache).
const SAMPLE: CitableSource = {
  documentId: 'warm-up',
  key: 'warm-up',
  title: 'Warm-up entry',
  authors: ['Jane Doe'],
  publisher: 'Cited Articles',
  url: 'https://example.org/warm-up',
  publishedDate: '2024-01-01',
};

// Building APA's engine takes one to two seconds of CPU (citeproc-js), during which requests wait.
const START_DELAY_MS = 250;

/**
 * Builds the CSL engines of the reference styles in the background once the server listens, one
 * style per turn of the event loop, so that the first `?style=apa` request after a start costs what
 * the next ones do (building citeproc for a style and locale takes about a second) and readiness is
 * not held up: requests arriving meanwhile wait for one style's build at most.
 */
const styleWarmUp = ({ strapi }: { strapi: Core.Strapi }) => {
  let stopped = false;
  let started = false;
  let done: Promise<string[]> | null = null;

  const run = () =>
    new Promise<string[]>((resolve) => {
      const styles = getService('reference-styles', { strapi });
      const pending = styles.list().filter((style) => style.kind === 'csl');
      const warmed: string[] = [];
      const next = () => {
        const style = pending.shift();
        if (!style || stopped) return resolve(warmed);
        try {
          styles.get(style.id)?.format([SAMPLE], { locale: DEFAULT_LOCALE });
          warmed.push(style.id);
        } catch (error) {
          strapi.log.warn(`[cited-articles] could not prepare style ${style.id}: ${(error as Error).message}`);
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
