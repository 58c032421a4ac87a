import { LOG_ANCHORED, LogAnchored, isAnchored, isLogAnchored, nextLogHash } from './anchor';
import { LogHashHistory } from './log-hash-history';
import { rowHash } from './row-hash';
import { TamperFinding } from './tamper-finding';

/** The last event seen of a stream: what its next event must chain to. */
interface Tail {
  revision: number;
  position: number;
  eventId: string;
  prevHash: string;
  hash: string;
}

/** A break before classification: the kind is refined by `classifyBreak` with a look at the rest of the log. */
export type RawBreak = TamperFinding & { readonly suspect: 'gap' | 'link' | 'content' | 'final' };

/** Options of a verification pass. */
export interface ChainVerifierOptions {
  /** Fold the log hash and check anchors; off when only one stream is read. */
  readonly anchors: boolean;
  /** An anchor kept outside the log (exported earlier) to compare with as well. */
  readonly external?: LogAnchored;
}

/**
 * Checks a log fed to it in position order, one event at a time: positions increase,
 * revisions are contiguous per stream, each event chains to its predecessor and its hash
 * matches its content, and the running log hash matches every anchor. Stops at the first break.
 */
export class ChainVerifier {
  private readonly tails = new Map<string, Tail>();
  private readonly history = new LogHashHistory();
  private lastPosition = 0;
  private logHash = '';
  private logCount = 0;
  events = 0;
  anchorsChecked = 0;
  broken: RawBreak | undefined;

  constructor(private readonly options: ChainVerifierOptions) {}

  /** Checks one event; false once a break is found (then see `broken`). */
  check(position: number, streamId: string, revision: number, eventId: string, type: string, dataJson: string, metadataJson: string, prevHash: string, hash: string): boolean {
    if (this.broken) return false;
    const at = { position, streamId, revision, eventId };
    if (position <= this.lastPosition) return this.fail({ ...at, kind: 'reordered', suspect: 'final', message: `position ${position} follows position ${this.lastPosition}` });
    this.checkExternalBefore(position);
    if (this.broken) return false;
    const tail = this.tails.get(streamId);
    const expected = tail ? tail.revision + 1 : 0;
    if (revision > expected) {
      return this.fail({ ...at, revision: expected, kind: 'removed', suspect: 'gap', message: `revision ${expected} of ${streamId} is missing: the next stored event is revision ${revision} (event ${eventId} at position ${position})` });
    }
    if (revision < expected) return this.fail({ ...at, kind: 'reordered', suspect: 'final', message: `revision ${revision} of ${streamId} comes again after revision ${expected - 1}` });
    const expectedPrev = tail ? tail.hash : '';
    if (prevHash !== expectedPrev) {
      if (tail && prevHash === tail.prevHash) {
        return this.fail({ position: tail.position, streamId, revision: tail.revision, eventId: tail.eventId, kind: 'inserted', suspect: 'final', message: `event ${tail.eventId} (revision ${tail.revision} of ${streamId}) was inserted: the event after it chains past it` });
      }
      return this.fail({ ...at, kind: 'chain-broken', suspect: 'link', message: `event ${eventId} does not chain to the previous event of ${streamId}` });
    }
    if (rowHash(prevHash, streamId, revision, eventId, type, dataJson, metadataJson) !== hash) {
      return this.fail({ ...at, kind: 'changed', suspect: 'content', message: `event ${eventId} (revision ${revision} of ${streamId}) does not match its hash: its content was changed` });
    }
    if (tail) {
      tail.revision = revision; tail.position = position; tail.eventId = eventId; tail.prevHash = prevHash; tail.hash = hash;
    } else {
      this.tails.set(streamId, { revision, position, eventId, prevHash, hash });
    }
    this.lastPosition = position;
    this.events += 1;
    if (!this.options.anchors) return true;
    if (isAnchored(streamId)) {
      this.logHash = nextLogHash(this.logHash, hash);
      this.logCount += 1;
      this.history.push(position, this.logHash, this.logCount);
      return true;
    }
    if (type === LOG_ANCHORED) {
      // Only anchors are parsed: every other event is checked as the text it is stored as.
      const data: unknown = JSON.parse(dataJson);
      this.compare(isLogAnchored(data) ? data : undefined, at, 'stored anchor');
    }
    return !this.broken;
  }

  /** Call after the last event: an external anchor beyond the end means events were removed. */
  finish(): void {
    if (!this.broken) this.checkExternalBefore(Number.MAX_SAFE_INTEGER);
  }

  get streams(): number {
    return this.tails.size;
  }

  get last(): { readonly position: number; readonly logHash: string; readonly logCount: number } {
    return { position: this.lastPosition, logHash: this.logHash, logCount: this.logCount };
  }

  /** The external anchor is compared once the log has passed its position. */
  private externalDone = false;
  private checkExternalBefore(position: number): void {
    const external = this.options.external;
    if (!this.options.anchors || !external || this.externalDone || position <= external.position) return;
    this.externalDone = true;
    this.compare(external, { position: external.position, streamId: '', revision: -1, eventId: '' }, 'exported anchor');
  }

  private compare(anchor: LogAnchored | undefined, at: { position: number; streamId: string; revision: number; eventId: string }, what: string): void {
    this.anchorsChecked += 1;
    if (!anchor) {
      this.fail({ ...at, kind: 'anchor-mismatch', suspect: 'final', message: `${what} at position ${at.position} is malformed` });
      return;
    }
    const seen = this.history.at(anchor.position);
    if (seen === 'too-old') {
      this.fail({ ...at, kind: 'anchor-mismatch', suspect: 'final', message: `${what} covers position ${anchor.position}, too far behind it to check` });
    } else if (seen.logHash !== anchor.logHash || seen.count !== anchor.eventCount) {
      this.fail({
        ...at, kind: 'anchor-mismatch', suspect: 'final',
        message: `${what} through position ${anchor.position} records ${anchor.eventCount} events with log hash ${anchor.logHash}; the log now gives ${seen.count} events with ${seen.logHash || '(empty)'}: an event at or before position ${anchor.position} was changed, removed, inserted or reordered`,
      });
    }
  }

  private fail(found: RawBreak): false {
    this.broken = found;
    return false;
  }
}
