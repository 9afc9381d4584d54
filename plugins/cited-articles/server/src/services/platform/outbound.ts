import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { OutboundError, RemoteServiceError } from '../../outbound/errors';
import { safeFetch, type SafeFetchOptions, type SafeResponse } from '../../outbound/safe-fetch';
import { lookupSettings } from '../../utils/source-settings';

/** Name resolution and the address rule, replaceable by tests. */
export type TestNetwork = Pick<SafeFetchOptions, 'lookup' | 'isForbidden'>;

import pkg from '../../../../package.json';

/** Names the plugin to the sites it fetches, so that their operators know who is asking. */
export const USER_AGENT = `CitedArticles/${pkg.version} (Strapi plugin strapi-plugin-cited-articles; source lookup and link check)`;

/**
 * The plugin's outbound HTTP: every request to a remote service or an editor's URL goes through
 * here, under the safe fetcher's rules with the options in force (`lookup.allowPrivateHosts`).
 */
export const createOutbound = ({ strapi }: { strapi: Core.Strapi }) => {
  let network: TestNetwork = {};

  /** Any answer, or OutboundError. For the link check, which judges statuses itself. */
  const fetch = (url: string, options: Omit<SafeFetchOptions, 'allowPrivateHosts'> = {}): Promise<SafeResponse> =>
    safeFetch(url, {
      ...options,
      allowPrivateHosts: lookupSettings(strapi).allowPrivateHosts,
      headers: { 'user-agent': USER_AGENT, ...options.headers },
      ...network,
    });

  return {
    /**
     * Replaces name resolution and the address rule ({}: back to the real ones). Tests only: a
     * fixture server cannot be given a public address or a DNS name, so an SSRF test stands in for
     * them (see tests/api/source-lookup-ssrf.test.ts).
     */
    useTestNetwork(replacement: TestNetwork) {
      network = replacement;
    },

    fetch,

    /**
     * A remote service's JSON answer. A refused request is the caller's mistake (400); no answer,
     * an error status other than `notFound` or an unreadable body is the service's (502).
     * Answers `null` for a 404 (or 410) so that the caller can say what was not found. Any JSON:
     * callers check its shape.
     */
    async fetchJson(url: string, service: string, headers: Record<string, string> = {}): Promise<unknown> {
      let response: SafeResponse;
      try {
        response = await fetch(url, { headers: { accept: 'application/json', ...headers } });
      } catch (error) {
        throw asHttpError(error, service);
      }
      if (response.status === 404 || response.status === 410) return null;
      if (response.status < 200 || response.status > 299) {
        throw new RemoteServiceError(`${service} answered ${response.status}; try again later`);
      }
      if (response.truncated) throw new RemoteServiceError(`${service} sent an answer larger than the plugin reads`);
      try {
        return JSON.parse(response.body.toString('utf8'));
      } catch {
        throw new RemoteServiceError(`${service} sent an answer that is not JSON`);
      }
    },
  };
};

/** OutboundError as the error a route answers: refused → 400, failed → 502. */
export const asHttpError = (error: unknown, service: string) => {
  if (error instanceof OutboundError) {
    return error.kind === 'refused'
      ? new errors.ValidationError(`The address cannot be fetched: ${error.message}`)
      : new RemoteServiceError(`${service}: ${error.message}`);
  }
  return error;
};
