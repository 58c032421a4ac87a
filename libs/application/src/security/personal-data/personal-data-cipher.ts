import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@pl/domain';
import { KeyCache } from './key-cache';
import { KeyStore, KeyTombstone } from './key-store.port';
import { PersonalDataIntegrityError } from './errors';

/** Personal fields as stored in events and documents: AES-256-GCM, every part base64. */
export interface EncryptedPersonal {
  readonly alg: 'A256GCM';
  /** Fingerprint of the household key, to tell a wrong key from tampering. */
  readonly keyId: string;
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}

/** Whether a stored value is encrypted personal data (rather than plain data written before encryption). */
export function isEncryptedPersonal(value: unknown): value is EncryptedPersonal {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.alg === 'A256GCM' && ['keyId', 'iv', 'tag', 'ciphertext'].every((field) => typeof v[field] === 'string');
}

/** What decrypting yields once the household's key was destroyed. */
export interface ErasedPersonal {
  readonly erased: true;
}

/** Whether a decrypted value is the erased marker. */
export const isErased = (value: unknown): value is ErasedPersonal =>
  typeof value === 'object' && value !== null && (value as { erased?: unknown }).erased === true && Object.keys(value).length === 1;

/** Bounds of the in-memory key cache. */
export interface PersonalDataCipherOptions {
  /** Keys held in memory at most; default 1 000. */
  readonly cacheSize?: number;
  /**
   * How long a cached key is trusted; default 60 s. Erasure through this cipher takes
   * effect at once; erasure by another process is seen here within this time.
   */
  readonly cacheTtlMs?: number;
}

/** Encrypts each household's personal fields under its own key, so erasing the key erases them. */
export class PersonalDataCipher {
  private readonly cache: KeyCache;

  constructor(private readonly keys: KeyStore, options: PersonalDataCipherOptions = {}) {
    this.cache = new KeyCache(options.cacheSize ?? 1_000, options.cacheTtlMs ?? 60_000);
  }

  /** Encrypts any JSON value with a fresh IV; the household id is authenticated, so the result cannot be moved to another household. */
  async encrypt(householdId: string, plain: unknown): Promise<EncryptedPersonal> {
    const json = JSON.stringify(plain);
    if (json === undefined) throw new DomainError('invalid', 'INVALID_PERSONAL_DATA', 'personal data must be a JSON value');
    const key = await this.keyFor(householdId, true);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(householdId));
    const ciphertext = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
    return { alg: 'A256GCM', keyId: keyIdOf(key), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
  }

  /** The plain value, or `{ erased: true }` once the household's key is destroyed. */
  async decrypt<T = unknown>(householdId: string, encrypted: EncryptedPersonal): Promise<T | ErasedPersonal> {
    const key = await this.keyFor(householdId, false);
    if (!key) return { erased: true };
    if (encrypted.alg !== 'A256GCM' || encrypted.keyId !== keyIdOf(key)) {
      throw new PersonalDataIntegrityError(`personal data of household ${householdId} (key ${encrypted.keyId})`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(encrypted.iv, 'base64')).setAAD(aad(householdId));
      decipher.setAuthTag(Buffer.from(encrypted.tag, 'base64'));
      const json = Buffer.concat([decipher.update(Buffer.from(encrypted.ciphertext, 'base64')), decipher.final()]).toString('utf8');
      return JSON.parse(json) as T;
    } catch {
      throw new PersonalDataIntegrityError(`personal data of household ${householdId}`);
    }
  }

  /** Destroys the household's key and forgets it here; undefined when it never had one. */
  async erase(householdId: string): Promise<KeyTombstone | undefined> {
    this.cache.drop(householdId);
    const tombstone = await this.keys.destroyKey(householdId);
    this.cache.drop(householdId);
    return tombstone;
  }

  private async keyFor(householdId: string, create: true): Promise<Buffer>;
  private async keyFor(householdId: string, create: false): Promise<Buffer | undefined>;
  private async keyFor(householdId: string, create: boolean): Promise<Buffer | undefined> {
    const cached = this.cache.get(householdId);
    if (cached) return cached;
    const key = create ? await this.keys.getOrCreateKey(householdId) : await this.keys.getKey(householdId);
    if (!key) {
      if (await this.keys.isDestroyed(householdId)) return undefined;
      throw new DomainError('unavailable', 'PERSONAL_DATA_KEY_MISSING', `household ${householdId} has encrypted personal data but no key and no erasure record`, { householdId });
    }
    this.cache.set(householdId, key);
    return key;
  }
}

const aad = (householdId: string): Buffer => Buffer.from(householdId, 'utf8');

/** A short fingerprint; a one-way hash of a random 256-bit key reveals nothing of it. */
const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('base64url').slice(0, 16);
