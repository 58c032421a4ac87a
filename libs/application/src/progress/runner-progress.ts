import { PoisonedEvent, ProjectionRunner, ProjectionStatus } from '@pl/projections';
import { ReadModelProgress } from './read-model-progress';

/** Progress of the runner in this process: exact and pushed, no polling. */
export class RunnerProgress implements ReadModelProgress {
  constructor(private readonly runner: ProjectionRunner) {}

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    return this.runner.waitFor(position, timeoutMs);
  }

  position(): number {
    return this.runner.position();
  }

  poisoned(): readonly PoisonedEvent[] {
    return this.runner.poisoned();
  }

  snapshot(): readonly ProjectionStatus[] {
    return this.runner.snapshot();
  }

  async refresh(): Promise<void> {}
}
