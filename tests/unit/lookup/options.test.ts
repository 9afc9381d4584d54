import config from '@cited-articles/server/src/config';
import { linkCheckOptionsSchema, lookupOptionsSchema } from '@cited-articles/server/src/config/sources-options';

describe('lookup and linkCheck options', () => {
  it('default to the public services, no private hosts, a daily check', () => {
    expect(lookupOptionsSchema.parse({})).toEqual({
      doiResolver: 'https://doi.org',
      isbnApi: 'https://openlibrary.org',
      crossrefApi: 'https://api.crossref.org',
      waybackApi: 'https://archive.org',
      allowPrivateHosts: false,
    });
    expect(linkCheckOptionsSchema.parse({})).toEqual({ cron: '0 3 * * *', lockSeconds: 3600 });
  });

  it('drop a trailing slash from endpoints', () => {
    expect(lookupOptionsSchema.parse({ doiResolver: 'http://127.0.0.1:9/doi/' }).doiResolver).toBe('http://127.0.0.1:9/doi');
  });

  it.each([
    [{ lookup: { doiResolver: 'ftp://x' } }, /lookup\.doiResolver: lookup\.doiResolver must be an http\(s\) URL/],
    [{ lookup: { allowPrivateHosts: 'yes' } }, /allowPrivateHosts must be true or false/],
    [{ lookup: { unknown: 1 } }, /Unrecognized key/],
    [{ linkCheck: { cron: 'daily' } }, /linkCheck\.cron must be a cron expression of 5 to 7 fields/],
    [{ linkCheck: { lockSeconds: 5 } }, /lockSeconds must be at least 60/],
  ])('are refused at startup when wrong: %j', (options, message) => {
    expect(() => config.validator({ comments: {}, ...options })).toThrow(message);
  });

  it('accept null for no scheduled check', () => {
    expect(() => config.validator({ comments: {}, linkCheck: { cron: null } })).not.toThrow();
  });
});
