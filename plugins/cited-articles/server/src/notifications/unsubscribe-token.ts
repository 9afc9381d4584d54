import crypto from 'crypto';

/**
 * One-click unsubscribe links without a login and without the address in the link: the token is
 * the address's keyed hash and a signature of it. The hash is also how an unsubscribed address is
 * stored, so the list of addresses that asked for no more email holds no address.
 */

const hmac = (secret: string, purpose: string, text: string) => crypto.createHmac('sha256', secret).update(`${purpose}\u0000${text}`).digest();

/** The address's keyed hash (hex): compared and stored, never reversed. */
export const addressHash = (secret: string, email: string) => hmac(secret, 'address', email.trim().toLowerCase()).toString('hex');

/** The token of an unsubscribe link: "<address hash>.<signature>", URL-safe. */
export const signUnsubscribeToken = (secret: string, hash: string) => `${hash}.${hmac(secret, 'unsubscribe', hash).toString('base64url')}`;

/** The address hash a token names when its signature holds (compared in constant time), else null. */
export const verifyUnsubscribeToken = (secret: string, token: string): string | null => {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const hash = token.slice(0, dot);
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  // Compared as text, not decoded: base64url's last character carries two unused bits, so a
  // decoded comparison would take four spellings of one signature.
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(hmac(secret, 'unsubscribe', hash).toString('base64url'));
  if (given.length !== expected.length) return null;
  return crypto.timingSafeEqual(given, expected) ? hash : null;
};
