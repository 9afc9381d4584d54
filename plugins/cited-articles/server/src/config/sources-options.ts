import { withoutTrailing } from '../citations/normalise-url';
import { z } from '@strapi/utils';

const endpoint = (name: string, fallback: string) =>
  z
    .string({ error: `${name} must be a URL` })
    .regex(/^https?:\/\/[^\s/]+/, `${name} must be an http(s) URL`)
    .transform((value) => withoutTrailing(value, '/'))
    .default(fallback);

/** Filling sources from a DOI, ISBN or URL, and the remote services the link check asks. */
export const lookupOptionsSchema = z
  .object({
    /** DOI resolver asked for CSL-JSON by content negotiation. */
    doiResolver: endpoint('lookup.doiResolver', 'https://doi.org'),
    /** Open Library, asked for ISBNs. */
    isbnApi: endpoint('lookup.isbnApi', 'https://openlibrary.org'),
    /** Crossref's REST API, asked whether a DOI was retracted. */
    crossrefApi: endpoint('lookup.crossrefApi', 'https://api.crossref.org'),
    /** The Wayback Machine, asked for an archived copy of a broken link. */
    waybackApi: endpoint('lookup.waybackApi', 'https://archive.org'),
    /** Fetch loopback and private addresses too. Only for tests against a local server. */
    allowPrivateHosts: z.boolean({ error: 'lookup.allowPrivateHosts must be true or false' }).default(false),
  })
  .strict();

export const linkCheckOptionsSchema = z
  .object({
    /** When the scheduled link and retraction check runs (cron syntax); null: never, only on request. */
    cron: z
      .string({ error: 'linkCheck.cron must be a cron expression or null' })
      .regex(/^\S+(?:\s+\S+){4,6}$/, 'linkCheck.cron must be a cron expression of 5 to 7 fields, e.g. "0 3 * * *"')
      .nullable()
      .default('0 3 * * *'),
    /** A run gives up its lock after this long, so a crashed instance cannot block checks for good. */
    lockSeconds: z.number().int().min(60, 'linkCheck.lockSeconds must be at least 60').default(3600),
  })
  .strict();

export type LookupOptions = z.output<typeof lookupOptionsSchema>;
export type LinkCheckOptions = z.output<typeof linkCheckOptionsSchema>;
