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

  it("refuse every other spelling of the signature: base64url's last character has two unused bits", () => {
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const hash = addressHash(SECRET, 'reader@example.org');
    const token = signUnsubscribeToken(SECRET, hash);
    const last = ALPHABET.indexOf(token[token.length - 1]);
    // The characters whose value differs only in the two low bits decode to the same bytes.
    const sameBytes = [0, 1, 2, 3].map((low) => ALPHABET[(last & ~3) | low]).filter((char) => char !== token[token.length - 1]);
    expect(sameBytes).toHaveLength(3);
    for (const char of sameBytes) {
      const respelled = `${token.slice(0, -1)}${char}`;
      expect(Buffer.from(respelled.split('.')[1], 'base64url')).toEqual(Buffer.from(token.split('.')[1], 'base64url'));
      expect(verifyUnsubscribeToken(SECRET, respelled)).toBeNull();
    }
  });
});
