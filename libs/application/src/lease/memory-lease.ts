import { Lease, LeaseOptions } from './lease.port';

interface Held { owner: string; expiresAt: number }

/** Leases of one process, for a read store that lives in that process anyway (the memory one). */
export class MemoryLease implements Lease {
  private static readonly held = new Map<string, Held>();
  private readonly now: () => number;

  constructor(private readonly options: LeaseOptions) {
    this.now = options.now ?? Date.now;
  }

  async tryAcquire(): Promise<boolean> {
    const current = MemoryLease.held.get(this.options.group);
    if (current && current.owner !== this.options.owner && current.expiresAt > this.now()) return false;
    MemoryLease.held.set(this.options.group, { owner: this.options.owner, expiresAt: this.now() + this.options.ttlMs });
    return true;
  }

  async release(): Promise<void> {
    if (MemoryLease.held.get(this.options.group)?.owner === this.options.owner) MemoryLease.held.delete(this.options.group);
  }

  async holder(): Promise<string | undefined> {
    const current = MemoryLease.held.get(this.options.group);
    return current && current.expiresAt > this.now() ? current.owner : undefined;
  }
}
