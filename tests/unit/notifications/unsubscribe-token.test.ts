import {
  addressHash,
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from '../../../plugins/cited-articles/server/src/notifications/unsubscribe-token';

const SECRET = 'a'.repeat(64);

describe('unsubscribe tokens', () => {
  it('hash the address case-insensitively and carry no address', () => {
    const hash = addressHash(SECRET, ' Reader@Example.org ');
    expect(hash).toBe(addressHash(SECRET, 'reader@example.org'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(signUnsubscribeToken(SECRET, hash)).not.toContain('reader');
  });

  it('verify a token signed with the same secret, and nothing else', () => {
    const hash = addressHash(SECRET, 'reader@example.org');
    const token = signUnsubscribeToken(SECRET, hash);
    expect(verifyUnsubscribeToken(SECRET, token)).toBe(hash);
    expect(verifyUnsubscribeToken('b'.repeat(64), token)).toBeNull();
    const other = addressHash(SECRET, 'other@example.org');
    expect(verifyUnsubscribeToken(SECRET, `${other}${token.slice(hash.length)}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${token}x`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, token.slice(0, -1))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, 'no-dot')).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `.${token}`)).toBeNull();
  });
});
