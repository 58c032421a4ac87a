import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

interface Window {
  hits: number;
  /** Epoch ms when the window closes. */
  readonly endsAt: number;
  blockedUntil: number;
}

/**
 * Rate-limit counters as fixed windows: one number per client per window. The library's
 * default keeps every hit's time and prunes them on each request, which at thousands of
 * requests a minute per client costs more than the page being served.
 */
export class FixedWindowStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private sweptAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    this.sweep(now);
    const id = `${throttlerName}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || window.endsAt <= now) {
      window = { hits: 0, endsAt: now + ttl, blockedUntil: 0 };
      this.windows.set(id, window);
    }
    const blocked = window.blockedUntil > now;
    if (!blocked) {
      window.hits += 1;
      if (window.hits > limit) window.blockedUntil = now + (blockDuration || window.endsAt - now);
    }
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.endsAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  /** Forgets closed windows once a minute, so idle clients do not accumulate. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [id, window] of this.windows) if (window.endsAt <= now && window.blockedUntil <= now) this.windows.delete(id);
  }
}
