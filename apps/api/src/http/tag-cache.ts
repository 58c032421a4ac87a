import { SetMetadata } from '@nestjs/common';
import type { Principal } from '@pl/application';
import type { ProjectionRunner } from '@pl/projections';

export const TAG_CACHED = 'pl:tag-cached';

/**
 * Marks a read whose body depends only on its method and URL, the caller's role and areas, and
 * the read models' state (no clock, no subject, no header): while none of these changes, a
 * repeat is answered from the answer last sent (200 with its bytes, or 304 when it names its
 * tag) without running the handler.
 */
export const TagCached = () => SetMetadata(TAG_CACHED, true);

/** A state of the read models: the same object for as long as nothing is written to them. */
export type ReadModelState = object;

/**
 * The read models' state, when the projection runner in this process is at rest: every
 * projection has applied the head it has seen and its last batch is published. The runner
 * raises its head before it writes a batch and publishes a new status list after, and a
 * rebuild's switch publishes one when the runner adopts the new collection (tag-cached reads
 * read the collection that list names), so the list in hand while at rest is replaced by every
 * write. Undefined while a batch is being applied, a projection is stopped or behind, or
 * another process (a projector) keeps the read models: this process does not see its writes.
 */
export function restingState(runner: ProjectionRunner, projectionsInProcess: boolean): ReadModelState | undefined {
  if (!projectionsInProcess || runner.failure) return undefined;
  const head = runner.headPosition();
  const statuses = runner.snapshot();
  if (statuses.length === 0 || runner.position() !== head) return undefined;
  return statuses.every((s) => s.checkpoint === head && !s.poisoned) ? statuses : undefined;
}

/** What of the caller can shape a tag-cached answer: the role (what it may see) and the areas (where). */
export const scopeOf = (caller: Principal): string => `${caller.role} ${caller.areas.join(',')}`;

/** What was sent for a tag-cached request: its tag, and its bytes with their type when small enough to keep. */
export interface Answer {
  readonly etag: string;
  readonly body?: Buffer;
  readonly contentType?: string;
}

export interface AnswerCacheLimits {
  /** Bytes kept in all: bodies, keys and tags. */
  readonly maxBytes: number;
  /** A larger body is not kept, only its tag: a few big pages must not push out many small ones. */
  readonly maxBodyBytes: number;
}

// What an entry costs beside its body, key and tag: the map slot and the answer object, roughly.
const ENTRY_OVERHEAD = 200;

/**
 * The answers last sent for requests at one state of the read models: a new state forgets them
 * all, so an answer never outlives a write. Bounded by bytes, least recently used first out.
 */
export class AnswerCache {
  private state?: ReadModelState;
  private readonly answers = new Map<string, { readonly answer: Answer; readonly cost: number }>();
  private bytes = 0;

  constructor(private readonly limits: AnswerCacheLimits = { maxBytes: 64 * 2 ** 20, maxBodyBytes: 512 * 2 ** 10 }) {}

  get(state: ReadModelState, key: string): Answer | undefined {
    if (state !== this.state) return undefined;
    const entry = this.answers.get(key);
    if (entry === undefined) return undefined;
    this.answers.delete(key);
    this.answers.set(key, entry);
    return entry.answer;
  }

  set(state: ReadModelState, key: string, etag: string, body: Buffer, contentType: string | undefined): void {
    if (state !== this.state) {
      this.answers.clear();
      this.bytes = 0;
      this.state = state;
    }
    this.forget(key);
    const answer: Answer = body.length <= this.limits.maxBodyBytes ? { etag, body: ownBytes(body), ...(contentType ? { contentType } : {}) } : { etag };
    const cost = ENTRY_OVERHEAD + 2 * (key.length + etag.length) + (answer.body?.length ?? 0);
    this.answers.set(key, { answer, cost });
    this.bytes += cost;
    while (this.bytes > this.limits.maxBytes) this.forget(this.answers.keys().next().value as string);
  }

  private forget(key: string): void {
    const entry = this.answers.get(key);
    if (entry === undefined) return;
    this.answers.delete(key);
    this.bytes -= entry.cost;
  }
}

/**
 * The body in memory of its own: kept as a slice of a larger buffer (Node's shared pool, or one
 * sized for the worst case), it would hold all of that, uncounted.
 */
function ownBytes(body: Buffer): Buffer {
  if (body.byteLength === body.buffer.byteLength) return body;
  const own = Buffer.allocUnsafeSlow(body.length);
  body.copy(own);
  return own;
}
