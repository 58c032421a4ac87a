import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonalDataIntegrityError } from '../errors';
import { MasterKey } from '../master-key';
import { keyStoreContract } from '../testing/key-store.contract';
import { FileKeyStore } from './file-key-store';

keyStoreContract('file (node:sqlite)', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'pl-keys-'));
  const clock = { now: new Date('2026-01-01T00:00:00.000Z') };
  const open = () => FileKeyStore.open({ dataDir, now: () => clock.now });
  return { store: await open(), clock, reopen: open, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
});

describe('FileKeyStore on disk', () => {
  let dataDir: string;
  const dbPath = () => join(dataDir, 'keys', 'personal-data-keys.sqlite');

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pl-keys-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('given a first start without a configured master key, then one is generated with mode 0600 and reused', async () => {
    const store = await FileKeyStore.open({ dataDir });
    const key = await store.getOrCreateKey('h-1');
    await store.close();
    const masterPath = join(dataDir, 'keys', 'master-key');
    expect((await stat(masterPath)).mode & 0o777).toBe(0o600);
    expect((await stat(dbPath())).mode & 0o777).toBe(0o600);
    const again = await FileKeyStore.open({ dataDir });
    expect((await again.getKey('h-1'))?.equals(key)).toBe(true);
    await again.close();
  });

  it('given a stored key, then the database file never holds it in clear', async () => {
    const store = await FileKeyStore.open({ dataDir, masterKey: MasterKey.fromBase64(randomBytes(32).toString('base64')) });
    const key = await store.getOrCreateKey('h-1');
    await store.close();
    expect((await readFile(dbPath())).includes(key)).toBe(false);
  });

  it('given keys wrapped under one master key, when opened with another, then reading fails authentication', async () => {
    const store = await FileKeyStore.open({ dataDir, masterKey: MasterKey.fromBase64(randomBytes(32).toString('base64')) });
    await store.getOrCreateKey('h-1');
    await store.close();
    const wrong = await FileKeyStore.open({ dataDir, masterKey: MasterKey.fromBase64(randomBytes(32).toString('base64')) });
    await expect(wrong.getKey('h-1')).rejects.toBeInstanceOf(PersonalDataIntegrityError);
    await wrong.close();
  });

  it('given a destroyed key, then its wrapped form is no longer anywhere in the database file', async () => {
    const store = await FileKeyStore.open({ dataDir });
    await store.getOrCreateKey('h-1');
    await store.close();
    const wrapped = /v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+/.exec((await readFile(dbPath())).toString('latin1'))?.[0];
    expect(wrapped).toBeDefined();
    const reopened = await FileKeyStore.open({ dataDir });
    await reopened.destroyKey('h-1');
    await reopened.close();
    expect((await readFile(dbPath())).toString('latin1')).not.toContain(wrapped);
  });
});

describe('MasterKey', () => {
  it('when configured with a value that is not 32 bytes, then it is refused', () => {
    expect(() => MasterKey.fromBase64(randomBytes(16).toString('base64'))).toThrow(/must be 32 bytes/);
  });

  it('given a key wrapped for one household, when unwrapped for another, then it fails authentication', () => {
    const master = MasterKey.fromBase64(randomBytes(32).toString('base64'));
    const wrapped = master.wrap('h-1', randomBytes(32));
    expect(() => master.unwrap('h-2', wrapped)).toThrow(PersonalDataIntegrityError);
  });
});
