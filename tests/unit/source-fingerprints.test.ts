import { identityFingerprints } from '@cited-articles/server/src/utils/source-fingerprints';

describe('identityFingerprints', () => {
  it('gives copies of one URL or DOI the same fingerprint, and different ones different fingerprints', () => {
    const a = identityFingerprints({ url: 'https://www.example.org/story/', doi: '10.1000/ABC' });
    const b = identityFingerprints({ url: 'http://example.org/story?utm_source=x', doi: 'https://doi.org/10.1000/abc' });
    expect(a).toEqual(b);
    expect(a.urlFingerprint).toMatch(/^[0-9a-f]{64}$/);
    const c = identityFingerprints({ url: 'https://example.org/other', doi: '10.1000/abd' });
    expect(c.urlFingerprint).not.toBe(a.urlFingerprint);
    expect(c.doiFingerprint).not.toBe(a.doiFingerprint);
  });

  it("stores '' for a value with no identity and null for an empty field", () => {
    expect(identityFingerprints({ url: 'mailto:desk@example.org', doi: 'not a doi' })).toEqual({ urlFingerprint: '', doiFingerprint: '' });
    expect(identityFingerprints({ url: '  ', doi: null })).toEqual({ urlFingerprint: null, doiFingerprint: null });
    expect(identityFingerprints({})).toEqual({ urlFingerprint: null, doiFingerprint: null });
  });
});
