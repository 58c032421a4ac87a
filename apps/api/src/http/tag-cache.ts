import { SetMetadata } from '@nestjs/common';
import type { Principal } from '@pl/application';
import type { ProjectionRunner } from '@pl/projections';

export const TAG_CACHED = 'pl:tag-cached';

/**
 * Marks a read whose body depends only on its method and URL, the caller's role and areas, and
 * the read models' state (no clock, no subject, no header): while none of these changes, a
 * request naming the tag last sent is answered 304 without running the handler.
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

/**
 * The tags last sent for requests at one state of the read models: a new state forgets them
 * all, so a tag never outlives a write. Bounded, least recently used first out.
 */
export class TagCache {
  private state?: ReadModelState;
  private readonly tags = new Map<string, string>();

  constructor(private readonly capacity = 4096) {}

  get(state: ReadModelState, key: string): string | undefined {
    if (state !== this.state) return undefined;
    const tag = this.tags.get(key);
    if (tag !== undefined) {
      this.tags.delete(key);
      this.tags.set(key, tag);
    }
    return tag;
  }

  set(state: ReadModelState, key: string, tag: string): void {
    if (state !== this.state) {
      this.tags.clear();
      this.state = state;
    }
    this.tags.delete(key);
    this.tags.set(key, tag);
    if (this.tags.size > this.capacity) this.tags.delete(this.tags.keys().next().value as string);
  }
}
