import { randomUUID } from 'node:crypto';
import type { ReadStore } from '../read-store.port';
import type { ContractContext } from './contract-fixtures';
import { indexContract } from './contract-indexes';
import { pageContract } from './contract-pages';
import { queryContract } from './contract-queries';
import { storeContract } from './contract-store';
import { writeContract } from './contract-writes';

/** Makes the store under test; `cleanup` releases it (drops test data, closes connections). */
export type ReadStoreFactory = () => Promise<{ store: ReadStore; cleanup(): Promise<void> }>;

/** The behaviour every ReadStore adapter must show; call it inside a test file. */
export function readStoreContract(name: string, factory: ReadStoreFactory): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore | undefined;
    let cleanup: (() => Promise<void>) | undefined;
    let counter = 0;
    const run = randomUUID().slice(0, 8);
    const ctx: ContractContext = {
      store: () => store ?? fail('the store was not created'),
      uniqueName: (prefix = 'rows') => `${prefix}_${run}_${++counter}`,
    };

    beforeAll(async () => {
      ({ store, cleanup } = await factory());
    });
    afterAll(async () => {
      await cleanup?.();
    });

    describe('writes', () => writeContract(ctx));
    describe('queries', () => queryContract(ctx));
    describe('pages', () => pageContract(ctx));
    describe('indexes', () => indexContract(ctx));
    describe('store', () => storeContract(ctx));
  });
}

function fail(message: string): never {
  throw new Error(message);
}
