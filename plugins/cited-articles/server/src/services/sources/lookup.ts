import type { Core } from '@strapi/strapi';
import type { LookupResponse } from '../../../../shared/contracts';
import { errors } from '@strapi/utils';
import { normaliseUrl } from '../../citations';
import { sourceFromCsl } from '../../lookup/from-csl';
import { sourceFromOpenLibrary } from '../../lookup/from-open-library';
import { parseIdentifier } from '../../lookup/identifier';
import type { LookedUpSource } from '../../lookup/looked-up-source';
import { sourceFromPage } from '../../lookup/page-metadata';
import { RemoteServiceError } from '../../outbound/errors';
import type { SafeResponse } from '../../outbound/safe-fetch';
import { sourcesRepository } from '../../repositories/sources';
import { getService } from '../../utils/get-service';
import { lookupSettings } from '../../utils/source-settings';
import { asHttpError } from '../platform/outbound';

/** The lookup's answer, as POST /sources/lookup sends it. */
export type LookupResult = LookupResponse;

const CSL_JSON = 'application/vnd.citationstyles.csl+json';
const HTML = /^(?:text\/html|application\/xhtml\+xml)\b/i;

/** The page's text in the charset its Content-Type names (UTF-8 when it names none or an unknown one). */
const decode = (response: SafeResponse) => {
  const charset = /charset=["']?([\w-]+)/i.exec(String(response.headers['content-type'] ?? ''))?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(response.body);
  } catch {
    return new TextDecoder('utf-8').decode(response.body);
  }
};

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Fills a source from a DOI, an ISBN or a URL, as Wikipedia's Citoid does, without saving
 * anything: the editor checks and edits the fields, then saves. Also names a library source with
 * the same DOI or URL, so that the editor can cite it instead of creating a duplicate.
 */
export const createSourceLookup = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * documentId of a library source with this DOI (case-insensitive) or one of these URLs (equal
   * after normalisation: http/https, www., trailing slash, tracking parameters), or null.
   * Candidates are narrowed in SQL by DOI or host, then compared normalised here.
   */
  const findExisting = async (doi: string | null, urls: Array<string | null>): Promise<string | null> => {
    const wanted = new Set(urls.map((url) => normaliseUrl(url)).filter((url): url is string => !!url));
    const hosts = new Set<string>();
    for (const url of wanted) hosts.add(new URL(url).hostname);
    const rows = await sourcesRepository(strapi).lookupCandidates([...hosts], doi);
    const match =
      (doi ? rows.find((row) => typeof row.doi === 'string' && row.doi.toLowerCase() === doi.toLowerCase()) : undefined) ??
      rows.find((row) => wanted.has(normaliseUrl(row.url) ?? ''));
    return match?.documentId ?? null;
  };

  return {
    async lookup(identifier: string): Promise<LookupResult> {
      const parsed = parseIdentifier(identifier);
      if (parsed.kind === 'invalid') {
        throw new errors.ValidationError(`Invalid identifier. ${parsed.reason}.`, {
          errors: [{ path: ['identifier'], message: parsed.reason, name: 'ValidationError' }],
        });
      }
      const settings = lookupSettings(strapi);
      const outbound = getService('platform', { strapi });
      let data: LookedUpSource;

      if (parsed.kind === 'doi') {
        // DOIs may hold characters that are special in a path (";", "#", "?"): encode each, keep "/".
        const path = parsed.doi.split('/').map(encodeURIComponent).join('/');
        const answer = await outbound.fetchJson(`${settings.doiResolver}/${path}`, 'The DOI resolver', { accept: CSL_JSON });
        if (answer === null) throw new errors.NotFoundError(`No work is registered with the DOI ${parsed.doi}.`);
        const source = sourceFromCsl(answer, parsed.doi);
        if (typeof source === 'string') throw new RemoteServiceError(source);
        data = source;
      } else if (parsed.kind === 'isbn') {
        const query = new URLSearchParams({ bibkeys: `ISBN:${parsed.isbn}`, format: 'json', jscmd: 'data' });
        const answer = await outbound.fetchJson(`${settings.isbnApi}/api/books?${query}`, 'Open Library');
        const source = answer === null ? null : sourceFromOpenLibrary(answer, parsed.isbn);
        if (source === null) throw new errors.NotFoundError(`Open Library knows no book with the ISBN ${parsed.isbn}.`);
        data = source;
      } else {
        let response: SafeResponse;
        try {
          response = await outbound.fetch(parsed.url, {
            headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
          });
        } catch (error) {
          throw asHttpError(error, 'The page');
        }
        if (response.status === 404 || response.status === 410) {
          throw new errors.NotFoundError(`The page answered ${response.status}: check the URL.`);
        }
        if (response.status < 200 || response.status > 299) {
          throw new RemoteServiceError(`The page answered ${response.status}; try again later, or fill the source by hand`);
        }
        const type = String(response.headers['content-type'] ?? 'text/html');
        if (!HTML.test(type)) {
          throw new errors.ValidationError(
            `The URL gives ${type.split(';')[0]}, not a web page: fill this source by hand, or paste the DOI or ISBN of the work.`
          );
        }
        const source = sourceFromPage(decode(response), response.url, today());
        if (source === null) throw new RemoteServiceError('The page has no title to fill a source from; fill it by hand');
        data = source;
      }

      const existing = await findExisting(data.doi, [data.url, parsed.kind === 'url' ? parsed.url : null]);
      return { data, meta: { via: parsed.kind, existing } };
    },

    findExisting,
  };
};
