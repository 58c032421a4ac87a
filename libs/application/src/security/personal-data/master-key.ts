import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { invalid } from '@pl/domain';
import { readOrCreatePrivateFile } from '../files/private-file';
import { DATA_KEY_BYTES } from './key-store.port';
import { PersonalDataIntegrityError } from './errors';

const VERSION = 'v1';

/**
 * The key that wraps every household key at rest. In the embedded setup it is a file in
 * the data folder; in production it should come from configuration fed by a secrets
 * manager or KMS, never from the same disk or database as the wrapped keys.
 */
export class MasterKey {
  private constructor(private readonly key: Buffer) {}

  /** From a base64 value of 32 bytes, as given in configuration. */
  static fromBase64(value: string): MasterKey {
    const key = Buffer.from(value, 'base64');
    if (key.length !== DATA_KEY_BYTES) throw invalid('INVALID_CONFIGURATION', `the personal-data master key must be ${DATA_KEY_BYTES} bytes in base64, got ${key.length} bytes`);
    return new MasterKey(key);
  }

  /** From `<dataDir>/keys/master-key` (mode 0600), created on first start. */
  static async fromDataDir(dataDir: string): Promise<MasterKey> {
    const text = await readOrCreatePrivateFile(join(dataDir, 'keys', 'master-key'), () => `${randomBytes(DATA_KEY_BYTES).toString('base64')}\n`);
    return MasterKey.fromBase64(text.trim());
  }

  /** Encrypts a data key, bound to its household so a wrapped key cannot be moved to another. */
  wrap(householdId: string, dataKey: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(aad(householdId));
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64'))).join('.');
  }

  unwrap(householdId: string, wrapped: string): Buffer {
    const [version, iv, tag, ciphertext] = wrapped.split('.');
    if (version !== VERSION || !iv || !tag || !ciphertext) throw new PersonalDataIntegrityError(`wrapped key of household ${householdId}`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64')).setAAD(aad(householdId));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
    } catch {
      throw new PersonalDataIntegrityError(`wrapped key of household ${householdId}`);
    }
  }
}

const aad = (householdId: string): Buffer => Buffer.from(`pl-household-key:${householdId}`, 'utf8');
