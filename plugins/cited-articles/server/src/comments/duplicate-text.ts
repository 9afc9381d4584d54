/**
 * What "the same comment" means for duplicate detection: one definition, used for the in-memory and
 * Redis claim keys and for the fingerprint stored on each comment (which the database compares,
 * because SQL cannot apply this normalisation portably). Pure: no Strapi import.
 */
import crypto from 'crypto';

// One or more whitespace characters. Nothing follows the run in the pattern, so each match ends
// where the run ends and the scan never revisits a character: linear in the text.
const WHITESPACE_RUN = /\s+/g;

/**
 * The text as compared for duplicates: compatibility forms folded (NFKC: full-width letters,
 * ligatures, no-break spaces), lower case, every whitespace run one space, no leading or trailing
 * space. "Great  Article" and "great article" are the same comment.
 */
export const duplicateText = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(WHITESPACE_RUN, ' ').trim();

/** The stored fingerprint: SHA-256 of the article's documentId and the normalised text. */
export const contentFingerprint = (articleDocumentId: string, text: string): string =>
  crypto.createHash('sha256').update(`${articleDocumentId}\u0000${duplicateText(text)}`).digest('hex');
