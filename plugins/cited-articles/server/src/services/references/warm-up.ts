import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { cacheSettings } from '../../utils/settings';

// A moment after listening, so that the first readiness probes are answered at once.
const START_DELAY_MS = 250;

/**
 * Starts the worker threads in the background once the server listens, each of which builds the
 * CSL engines of the bundled styles before it takes a job (workers/style-warm-up.ts), so that the
 * first `?style=apa` request after a start costs what the next ones do (building citeproc for a
 * style and locale takes a second or two) and readiness is not held up: the engines are built in
 * the threads, never on Strapi's event loop. `warmUpFinished()` answers the styles a thread warmed.
 */
export const createStyleWarmUp = ({ strapi }: { strapi: Core.Strapi }) => {
  let stopped = false;
  let started = false;
  let done: Promise<string[]> | null = null;

  const run = async (): Promise<string[]> => {
    try {
      return await getService('platform', { strapi }).runJob('warmUp', undefined, 'Preparing the reference styles');
    } catch (error) {
      if (!stopped) strapi.log.warn(`[cited-articles] could not prepare the reference styles: ${(error as Error).message}`);
      return [];
    }
  };

  return {
    /** Schedules the warm-up (bootstrap) for when the HTTP server listens: startup is not slowed. */
    scheduleWarmUp() {
      if (!cacheSettings(strapi).warmUpStyles) return;
      const start = () => {
        if (started || stopped) return;
        started = true;
        done = run();
      };
      strapi.server.httpServer.once('listening', () => setTimeout(start, START_DELAY_MS).unref());
    },

    /** The styles warmed, once done (null when it has not started). */
    warmUpFinished(): Promise<string[]> | null {
      return done;
    },

    stopWarmUp() {
      stopped = true;
    },
  };
};
