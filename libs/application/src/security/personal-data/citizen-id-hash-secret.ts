import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreatePrivateFile } from '../files/private-file';

const SECRET_BYTES = 32;

/**
 * The secret that keys citizen-ID hashes, from `<dataDir>/keys/citizen-id-hash-secret`
 * (mode 0600, 32 random bytes), created on first use. Losing it makes stored hashes
 * unsearchable, never readable; it is kept apart from the event log for that reason.
 */
export async function citizenIdHashSecretFromDataDir(dataDir: string): Promise<Buffer> {
  const text = await readOrCreatePrivateFile(join(dataDir, 'keys', 'citizen-id-hash-secret'), () => `${randomBytes(SECRET_BYTES).toString('base64')}\n`);
  const secret = Buffer.from(text.trim(), 'base64');
  if (secret.length !== SECRET_BYTES) throw new Error(`the citizen ID hash secret must hold ${SECRET_BYTES} bytes (base64); the file is damaged`);
  return secret;
}
