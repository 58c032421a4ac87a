import { appendContract } from './append.contract';
import { ContractContext, EventStoreFactory, useFreshStore } from './contract-context';
import { idempotencyContract } from './idempotency.contract';
import { readContract } from './read.contract';
import { subscriptionContract } from './subscription.contract';

/**
 * The behaviour every EventStore adapter must show. Call it from an adapter's spec with a
 * factory that builds a fresh, empty store.
 */
export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    const ctx: ContractContext = useFreshStore(factory);
    appendContract(ctx);
    idempotencyContract(ctx);
    readContract(ctx);
    subscriptionContract(ctx);
  });
}
