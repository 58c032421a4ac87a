import { createHmac } from 'node:crypto';
import { invalid } from '@pl/domain';

const MIN_SECRET_BYTES = 32;

/**
 * A keyed HMAC-SHA256 of a citizen ID (hex), for finding a household by exact ID without
 * storing the number in clear. Keyed because the 12-digit space is small enough to hash
 * exhaustively: without the secret the hash would reveal the number.
 */
export function citizenIdHash(citizenId: string, secret: Buffer | string): string {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (key.length < MIN_SECRET_BYTES) throw invalid('INVALID_CONFIGURATION', `the citizen ID hash secret must be at least ${MIN_SECRET_BYTES} bytes`);
  return createHmac('sha256', key).update(citizenId.trim(), 'utf8').digest('hex');
}
