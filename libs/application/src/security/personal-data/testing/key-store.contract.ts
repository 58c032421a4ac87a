import { DomainError } from '@pl/domain';
import { KeyStore } from '../key-store.port';

/** A store under test, its clock, and how to open it again on the same storage (omitted when it has none). */
export interface KeyStoreFixture {
  readonly store: KeyStore;
  readonly clock: { now: Date };
  readonly reopen?: () => Promise<KeyStore>;
  readonly cleanup: () => Promise<void>;
}

/** The behaviour every `KeyStore` adapter must show; call inside a test file. */
export function keyStoreContract(adapter: string, open: () => Promise<KeyStoreFixture>): void {
  describe(`KeyStore contract: ${adapter}`, () => {
    let fixture: KeyStoreFixture;
    let store: KeyStore;

    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
    });
    afterEach(async () => {
      await store.close();
      await fixture.cleanup();
    });

    it('given no key, then getKey is undefined and the household is not destroyed', async () => {
      expect(await store.getKey('h-none')).toBeUndefined();
      expect(await store.isDestroyed('h-none')).toBe(false);
    });

    it('when a key is created, then it is 32 bytes and the same key comes back each time', async () => {
      const key = await store.getOrCreateKey('h-1');
      expect(key).toHaveLength(32);
      expect((await store.getOrCreateKey('h-1')).equals(key)).toBe(true);
      expect((await store.getKey('h-1'))?.equals(key)).toBe(true);
    });

    it('when two households get keys, then the keys differ', async () => {
      const [a, b] = [await store.getOrCreateKey('h-a'), await store.getOrCreateKey('h-b')];
      expect(a.equals(b)).toBe(false);
    });

    it('when many callers create the same key at once, then all receive one key', async () => {
      const keys = await Promise.all(Array.from({ length: 10 }, () => store.getOrCreateKey('h-race')));
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    });

    it('when a caller scribbles on a returned key, then the stored key is unchanged', async () => {
      const key = await store.getOrCreateKey('h-1');
      const copy = Buffer.from(key);
      key.fill(0);
      expect((await store.getKey('h-1'))?.equals(copy)).toBe(true);
    });

    it('given a key, when destroyed, then it is gone, a tombstone dated by the clock remains, and it cannot come back', async () => {
      await store.getOrCreateKey('h-1');
      fixture.clock.now = new Date('2026-05-04T03:02:01.000Z');
      expect(await store.destroyKey('h-1')).toEqual({ destroyedAt: '2026-05-04T03:02:01.000Z' });
      expect(await store.getKey('h-1')).toBeUndefined();
      expect(await store.isDestroyed('h-1')).toBe(true);
      const refused = await store.getOrCreateKey('h-1').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused).toMatchObject({ kind: 'rule-violated', code: 'PERSONAL_DATA_ERASED' });
    });

    it('given a destroyed key, when destroyed again, then the first tombstone is returned', async () => {
      await store.getOrCreateKey('h-1');
      const first = await store.destroyKey('h-1');
      fixture.clock.now = new Date('2030-01-01T00:00:00.000Z');
      expect(await store.destroyKey('h-1')).toEqual(first);
    });

    it('given a destroyed key, then other households keep theirs', async () => {
      const kept = await store.getOrCreateKey('h-kept');
      await store.getOrCreateKey('h-gone');
      await store.destroyKey('h-gone');
      expect((await store.getKey('h-kept'))?.equals(kept)).toBe(true);
    });

    it('given no key, when destroyed, then nothing is recorded', async () => {
      expect(await store.destroyKey('h-none')).toBeUndefined();
      expect(await store.isDestroyed('h-none')).toBe(false);
    });

    it('given keys and tombstones, when the store is opened again, then both survive', async () => {
      if (!fixture.reopen) return void expect(fixture.reopen).toBeUndefined();
      const key = await store.getOrCreateKey('h-1');
      await store.getOrCreateKey('h-2');
      await store.destroyKey('h-2');
      await store.close();
      store = await fixture.reopen();
      expect((await store.getKey('h-1'))?.equals(key)).toBe(true);
      expect(await store.isDestroyed('h-2')).toBe(true);
    });
  });
}
