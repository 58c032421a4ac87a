import { appendContract } from './append.contract';
import { ContractContext, EventStoreFactory, useFreshStore } from './contract-context';
import { idempotencyContract } from './idempotency.contract';
import { readContract } from './read.contract';
import { subscriptionContract } from './subscription.contract';

/**
 * The behaviour every EventStore adapter must show. Call it from an adapter's spec with a
 * factory that builds a fresh, empty store.
 */
/** What an adapter's server can guarantee beyond the port's common ground. */
export interface EventStoreCapabilities {
  /** The embedded stores refuse an event id stored in another stream; KurrentDB keeps ids unique per stream only. */
  readonly uniqueEventIdsAcrossStreams?: boolean;
  /** The embedded stores number positions 1, 2, 3...; KurrentDB's are byte offsets, increasing with gaps. */
  readonly contiguousPositions?: boolean;
}

export function eventStoreContract(name: string, factory: EventStoreFactory, capabilities: EventStoreCapabilities = {}): void {
  describe(`EventStore contract: ${name}`, () => {
    const ctx: ContractContext = useFreshStore(factory);
    appendContract(ctx, capabilities.contiguousPositions ?? true);
    idempotencyContract(ctx, capabilities.uniqueEventIdsAcrossStreams ?? true);
    readContract(ctx, capabilities.contiguousPositions ?? true);
    subscriptionContract(ctx);
  });
}
