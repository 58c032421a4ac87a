import { Lease } from './lease.port';

/** What the keeper does when the lease changes hands. */
export interface LeaseHandlers {
  /** This instance became active: start the work. */
  onAcquired(): Promise<void>;
  /** This instance is no longer sure it holds the lease: stop the work before another starts it. */
  onLost(): Promise<void>;
  onError?(error: unknown): void;
}

export type LeaseState = 'standby' | 'active' | 'stopped';

/**
 * Tries the lease every `renewMs`: a standby takes it once it expires, the holder renews it.
 * A renewal that fails (the database unreachable) keeps the work going only until the
 * last successful renewal's lease would expire, minus one renewal interval of margin.
 */
export class LeaseKeeper {
  private state: LeaseState = 'standby';
  private timer?: NodeJS.Timeout;
  private heldUntil = 0;
  private ticking: Promise<void> = Promise.resolve();

  constructor(
    private readonly lease: Lease,
    private readonly handlers: LeaseHandlers,
    private readonly timing: { readonly ttlMs: number; readonly renewMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  get status(): LeaseState {
    return this.state;
  }

  /** Makes the first attempt, then keeps trying on the interval. */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => { this.ticking = this.ticking.then(() => this.tick()).catch((error: unknown) => this.handlers.onError?.(error)); }, this.timing.renewMs);
  }

  /** Stops trying, stops the work if active, and releases the lease for a quick takeover. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
    const wasActive = this.state === 'active';
    this.state = 'stopped';
    if (wasActive) await this.handlers.onLost();
    if (wasActive) await this.lease.release().catch((error: unknown) => this.handlers.onError?.(error));
  }

  private async tick(): Promise<void> {
    if (this.state === 'stopped') return;
    const asked = this.now();
    let held: boolean;
    try {
      held = await this.lease.tryAcquire();
    } catch (error) {
      this.handlers.onError?.(error);
      held = this.state === 'active' && this.now() < this.heldUntil - this.timing.renewMs;
      if (held) return;
    }
    if (held) this.heldUntil = asked + this.timing.ttlMs;
    if (held && this.state === 'standby') {
      this.state = 'active';
      await this.handlers.onAcquired();
    } else if (!held && this.state === 'active') {
      this.state = 'standby';
      await this.handlers.onLost();
    }
  }
}
