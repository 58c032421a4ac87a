import { DomainError } from '@pl/domain';
import { PersonalDataIntegrityError } from './errors';
import { MemoryKeyStore } from './memory/memory-key-store';
import { EncryptedPersonal, isEncryptedPersonal, isErased, PersonalDataCipher } from './personal-data-cipher';

const personal = { headName: 'Nguyễn Thị Lan', citizenId: '001185012345', ethnicity: 'Hmông', phone: '0912345678' };
const fromBase64 = (s: string) => Buffer.from(s, 'base64');
const flipFirstByte = (s: string) => {
  const bytes = fromBase64(s);
  bytes[0] ^= 0x01;
  return bytes.toString('base64');
};

describe('PersonalDataCipher', () => {
  let keys: MemoryKeyStore;
  let cipher: PersonalDataCipher;

  beforeEach(() => {
    keys = new MemoryKeyStore(() => new Date('2026-05-01T00:00:00.000Z'));
    cipher = new PersonalDataCipher(keys);
  });

  it('given personal data, when encrypted and decrypted, then the same value comes back', async () => {
    const enc = await cipher.encrypt('h-1', personal);
    expect(await cipher.decrypt('h-1', enc)).toEqual(personal);
  });

  it('given encrypted data, then its shape is A256GCM with a 12-byte IV and a 16-byte tag', async () => {
    const enc = await cipher.encrypt('h-1', personal);
    expect(enc.alg).toBe('A256GCM');
    expect(fromBase64(enc.iv)).toHaveLength(12);
    expect(fromBase64(enc.tag)).toHaveLength(16);
    expect(isEncryptedPersonal(enc)).toBe(true);
    expect(isEncryptedPersonal(personal)).toBe(false);
  });

  it('given encrypted data, then neither the stored form nor its decoded ciphertext contains the plain text', async () => {
    const enc = await cipher.encrypt('h-1', personal);
    const stored = JSON.stringify(enc);
    const raw = fromBase64(enc.ciphertext).toString('latin1');
    for (const value of Object.values(personal)) {
      expect(stored).not.toContain(value);
      expect(raw).not.toContain(value);
      expect(fromBase64(enc.ciphertext).includes(Buffer.from(value, 'utf8'))).toBe(false);
    }
  });

  it('given the same data twice, then each encryption uses a fresh IV', async () => {
    const [a, b] = [await cipher.encrypt('h-1', personal), await cipher.encrypt('h-1', personal)];
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it.each<[string, (e: EncryptedPersonal) => EncryptedPersonal]>([
    ['ciphertext', (e) => ({ ...e, ciphertext: flipFirstByte(e.ciphertext) })],
    ['IV', (e) => ({ ...e, iv: flipFirstByte(e.iv) })],
    ['tag', (e) => ({ ...e, tag: flipFirstByte(e.tag) })],
    ['key id', (e) => ({ ...e, keyId: 'someone-elses' })],
  ])('given a changed %s, when decrypted, then an integrity error is thrown', async (_part, tamper) => {
    const enc = await cipher.encrypt('h-1', personal);
    await expect(cipher.decrypt('h-1', tamper(enc))).rejects.toBeInstanceOf(PersonalDataIntegrityError);
  });

  it('given data of one household, when decrypted as another with a key of its own, then the authenticated household id refuses it', async () => {
    const enc = await cipher.encrypt('h-1', personal);
    const keyOfH1 = await keys.getOrCreateKey('h-1');
    const sameKey = { getKey: async () => keyOfH1, getOrCreateKey: async () => keyOfH1, destroyKey: async () => undefined, isDestroyed: async () => false, close: async () => {} };
    await expect(new PersonalDataCipher(sameKey).decrypt('h-2', enc)).rejects.toBeInstanceOf(PersonalDataIntegrityError);
    await expect(new PersonalDataCipher(sameKey).decrypt('h-1', enc)).resolves.toEqual(personal);
  });

  it('given a household whose key was erased, when decrypted, then the erased marker is returned', async () => {
    const enc = await cipher.encrypt('h-1', personal);
    expect(await cipher.erase('h-1')).toEqual({ destroyedAt: '2026-05-01T00:00:00.000Z' });
    const opened = await cipher.decrypt('h-1', enc);
    expect(opened).toEqual({ erased: true });
    expect(isErased(opened)).toBe(true);
  });

  it('given a key cached by one cipher, when another cipher erases it, then the first sees the erasure once its cache expires', async () => {
    const reader = new PersonalDataCipher(keys, { cacheTtlMs: 0 });
    const enc = await reader.encrypt('h-1', personal);
    await new PersonalDataCipher(keys).erase('h-1');
    expect(await reader.decrypt('h-1', enc)).toEqual({ erased: true });
  });

  it('given an erased household, when new personal data is encrypted, then PERSONAL_DATA_ERASED', async () => {
    await cipher.encrypt('h-1', personal);
    await cipher.erase('h-1');
    await expect(cipher.encrypt('h-1', personal)).rejects.toMatchObject({ code: 'PERSONAL_DATA_ERASED' });
  });

  it('given data but a key store that lost its key without a tombstone, then the key is reported missing, not erased', async () => {
    const enc = await cipher.encrypt('h-1', personal);
    const amnesiac = new PersonalDataCipher(new MemoryKeyStore());
    const error = await amnesiac.decrypt('h-1', enc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'PERSONAL_DATA_KEY_MISSING' });
  });

  it('when the value is not JSON, then it is refused', async () => {
    await expect(cipher.encrypt('h-1', undefined)).rejects.toMatchObject({ code: 'INVALID_PERSONAL_DATA' });
  });

  it('given many decryptions, then the key store is asked once per household', async () => {
    const getKey = jest.spyOn(keys, 'getKey');
    const enc = await cipher.encrypt('h-1', personal);
    for (let i = 0; i < 5; i += 1) await cipher.decrypt('h-1', enc);
    expect(getKey).not.toHaveBeenCalled();
  });
});
