import { Logger } from '@nestjs/common';
import {
  ANCHOR_STREAM, EventStore, InStep, LogHashState, RecordedEvent, WrongExpectedRevisionError, anchorEvent, foldEvent, followInStep, isAnchored,
  latestAnchor,
} from '@pl/event-store';
import { randomUUID } from 'node:crypto';

// Hashing a backlog (the whole log, on a first start) batch after batch would hold the event
// loop for seconds while the API already answers: requests get a turn every this many events.
const YIELD_EVERY = 200;
const turnForOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Who the automatic anchors are recorded as. */
export const ANCHOR_ACTOR = { id: 'system:anchor-reactor', role: 'system' } as const;

/**
 * A reactor: every `every` events it appends an anchor of the log hash to `audit-anchors`.
 * Its state is the latest stored anchor, so a restart resumes from there; an anchor written
 * meanwhile by someone else (the command line) is taken over, not fought.
 */
export class AnchorReactor {
  private readonly logger = new Logger('Anchors');
  private following: InStep | undefined;
  private state: LogHashState = { position: 0, logHash: '', eventCount: 0 };
  private anchorRevision = -1;
  private sinceAnchor = 0;

  constructor(private readonly store: EventStore, private readonly every: number, private readonly now: () => Date = () => new Date()) {}

  /**
   * Resumes from the latest anchor and follows the log, in the background; `every` 0 turns it
   * off. The backlog (the whole log on a first start) is read in step with the hashing (see
   * followInStep), which yields to requests as it goes.
   */
  async start(): Promise<void> {
    if (this.every <= 0) return;
    await this.resume();
    const stopped = (error: unknown) => this.logger.error(`anchoring stopped: ${String(error)}`);
    this.following = followInStep(this.store, this.state.position, (batch) => this.apply(batch), { onLiveError: stopped });
    void this.following.caughtUp.catch(stopped);
  }

  /** Stops following the log once the batch in hand is done. */
  async stop(): Promise<void> {
    await this.following?.stop();
    this.following = undefined;
  }

  private async resume(): Promise<void> {
    const latest = await latestAnchor(this.store);
    this.anchorRevision = latest.revision;
    if (latest.anchor) this.state = { position: latest.anchor.position, logHash: latest.anchor.logHash, eventCount: latest.anchor.eventCount };
    this.sinceAnchor = 0;
  }

  private async apply(batch: readonly RecordedEvent[]): Promise<void> {
    for (let i = 0; i < batch.length; i++) {
      if (i > 0 && i % YIELD_EVERY === 0) await turnForOthers();
      const event = batch[i];
      if (!isAnchored(event.streamId)) {
        // Someone else's anchor: count from it, keep our own running hash (it is the same log).
        if (event.revision > this.anchorRevision) { this.anchorRevision = event.revision; this.sinceAnchor = 0; }
        continue;
      }
      const next = foldEvent(this.state, event);
      if (next === this.state) continue;
      this.state = next;
      this.sinceAnchor += 1;
      if (this.sinceAnchor >= this.every) await this.anchor();
    }
  }

  private async anchor(): Promise<void> {
    const event = anchorEvent(this.state, this.now(), randomUUID(), ANCHOR_ACTOR);
    try {
      const result = await this.store.append(ANCHOR_STREAM, [event], this.anchorRevision < 0 ? 'no-stream' : this.anchorRevision);
      this.anchorRevision = result.revision;
      this.sinceAnchor = 0;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      // Another anchor landed first; it shows up in the subscription and resets the count.
      this.anchorRevision = (await latestAnchor(this.store)).revision;
    }
  }
}
