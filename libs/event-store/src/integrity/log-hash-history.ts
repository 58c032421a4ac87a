const CAPACITY = 1 << 16;

/**
 * The log hash after each of the most recent events, so an anchor appended a little after
 * the head it covered (other appends may land between) can still be checked exactly.
 */
export class LogHashHistory {
  private readonly positions = new Float64Array(CAPACITY);
  private readonly hashes = new Array<string>(CAPACITY);
  private readonly counts = new Float64Array(CAPACITY);
  private size = 0;
  private next = 0;

  push(position: number, logHash: string, count: number): void {
    this.positions[this.next] = position;
    this.hashes[this.next] = logHash;
    this.counts[this.next] = count;
    this.next = (this.next + 1) % CAPACITY;
    if (this.size < CAPACITY) this.size += 1;
  }

  /** The log hash and count through `position` (the last folded event at or before it). */
  at(position: number): { readonly logHash: string; readonly count: number } | 'too-old' {
    // Newest first: anchors are almost always a few events behind the head.
    for (let i = 1; i <= this.size; i++) {
      const slot = (this.next - i + CAPACITY) % CAPACITY;
      if (this.positions[slot] <= position) return { logHash: this.hashes[slot], count: this.counts[slot] };
    }
    if (this.size < CAPACITY) return { logHash: '', count: 0 };
    return 'too-old';
  }
}
