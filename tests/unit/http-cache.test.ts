import config, { configSchema } from '@cited-articles/server/src/config';
import { ifNoneMatchHits, strongEtag } from '@cited-articles/server/src/http-cache/etag';
import {
  ALL_KEY,
  ANY_SOURCE_KEY,
  LIST_KEY,
  articleKey,
  keyList,
  keysForComment,
  keysForSource,
  sourceKey,
} from '@cited-articles/server/src/http-cache/keys';

describe('entity tags', () => {
  it('are strong, quoted and depend on every part', () => {
    expect(strongEtag('a', 'b')).toMatch(/^"[\w-]{32}"$/);
    expect(strongEtag('a', 'b')).toBe(strongEtag('a', 'b'));
    expect(strongEtag('a', 'b')).not.toBe(strongEtag('ab'));
  });

  it('match If-None-Match weakly, in a list, or as *', () => {
    const tag = strongEtag('x');
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits(`"a", ${tag} , "b"`, tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
    expect(ifNoneMatchHits('"a", "b"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
    expect(ifNoneMatchHits('', tag)).toBe(false);
  });
});

describe('surrogate keys', () => {
  it('are tokens a space-separated header can carry', () => {
    expect(articleKey('abc 123,"x"')).toBe('cited-article-abc_123__x_');
  });

  it('name the catch-all first, once', () => {
    expect(keyList([LIST_KEY, LIST_KEY, ALL_KEY])).toEqual([ALL_KEY, LIST_KEY]);
  });

  it('replace source keys by one key when there are too many to name', () => {
    const many = Array.from({ length: 200 }, (_, i) => sourceKey(`source-document-id-${i}`));
    const list = keyList([articleKey('a'), ...many]);
    expect(list).toEqual([ALL_KEY, articleKey('a'), ANY_SOURCE_KEY]);
    // …which every source change purges.
    expect(keysForSource({ documentId: 's', key: 'k' })).toContain(ANY_SOURCE_KEY);
  });

  it('purge a comment thread, the article and its comment list', () => {
    expect(keysForComment({ documentId: 'reply', threadRoot: 'root', articleDocumentId: 'art' })).toEqual(
      expect.arrayContaining(['cited-thread-root', 'cited-comments-art', articleKey('art'), LIST_KEY])
    );
    expect(keysForComment({ documentId: 'root', threadRoot: null, articleDocumentId: 'art' })).toContain('cited-thread-root');
  });
});

describe('cache options', () => {
  it('have news defaults and refuse bad values with a message naming the option', () => {
    const parsed = configSchema.parse({});
    expect(parsed.cache).toMatchObject({
      maxAge: 60,
      sMaxAge: 300,
      staleWhileRevalidate: 30,
      purgeUrls: [],
      purgeMethod: 'PURGE',
      originCache: true,
    });
    expect(() => config.validator({ cache: { purgeUrls: ['varnish:6081'] } })).toThrow(
      'invalid option cache.purgeUrls.0: cache.purgeUrls entries must be http(s) URLs'
    );
    expect(() => config.validator({ cache: { sMaxAge: -1 } })).toThrow('cache.sMaxAge must be at least 0');
    expect(() => config.validator({ cache: { purgeMethod: 'DELETE' } })).toThrow('cache.purgeMethod must be "PURGE" or "BAN"');
    expect(() => config.validator({ cache: { purgeUrl: 'http://x' } })).toThrow(/purgeUrl/);
  });

  it('need the purge secret with purge URLs, and one that fits a VCL string', () => {
    const token = 'a'.repeat(64);
    expect(() => config.validator({ cache: { purgeUrls: ['http://127.0.0.1:6081'] } })).toThrow(
      'invalid option cache.purgeToken: cache.purgeToken must be set when cache.purgeUrls is'
    );
    expect(() => config.validator({ cache: { purgeUrls: ['http://127.0.0.1:6081'], purgeToken: token } })).not.toThrow();
    expect(() => config.validator({ cache: { purgeToken: 'short' } })).toThrow('cache.purgeToken must be 32 to 256 letters');
    expect(() => config.validator({ cache: { purgeToken: `${token}"; }` } })).toThrow('cache.purgeToken must be 32 to 256 letters');
    expect(configSchema.parse({}).cache.purgeToken).toBeNull();
  });
});
