import { untrustedProxyWarning } from '@cited-articles/server/src/utils/proxy-trust';

describe('the startup warning about a trusted proxy', () => {
  it('is silent without a proxy, and with a whole hop count', () => {
    expect(untrustedProxyWarning({ proxy: false, maxIpsCount: 0 })).toBeNull();
    expect(untrustedProxyWarning({ proxy: true, maxIpsCount: 1 })).toBeNull();
    expect(untrustedProxyWarning({ proxy: true, maxIpsCount: 3 })).toBeNull();
  });

  it.each([0, undefined, Number.NaN, -1, 1.5])('warns for a trusted proxy with maxIpsCount %p', (maxIpsCount) => {
    expect(untrustedProxyWarning({ proxy: true, maxIpsCount })).toMatch(/maxIpsCount.*leftmost X-Forwarded-For entry/);
  });
});
