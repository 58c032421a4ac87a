import { Logger } from '@nestjs/common';
import { Document } from '@pl/read-store';
import { Projection, ProjectionRunner, ReadModels } from '@pl/projections';
import { LeaseKeeper, Stores } from '@pl/application';
import { HealthReport } from './health-server';

/**
 * Keeps every read model up to date while this instance holds the lease: a fresh runner
 * per term, started without waiting for catch-up so lease renewals go on meanwhile.
 */
export class Projector {
  private readonly logger = new Logger('Projector');
  private runner?: ProjectionRunner;
  private catchingUp?: Promise<void>;
  private failure?: string;

  constructor(private readonly stores: Stores, private readonly projections: readonly Projection<Document>[]) {}

  /** Starts a runner for this term of the lease. */
  async activate(): Promise<void> {
    const started = Date.now();
    const runner = new ProjectionRunner(this.stores.events, this.stores.readModels, this.projections, { followAliases: true });
    this.runner = runner;
    this.failure = undefined;
    this.catchingUp = runner.start().then(async () => {
      // Queries read through aliases: point each at what the runner keeps, now that it has caught up.
      const readModels = new ReadModels(this.stores.readModels);
      for (const status of runner.snapshot()) {
        if ((await readModels.liveName(status)) !== status.collection) await readModels.switch(status.name, status.collection);
      }
      this.logger.log(`active: caught up to position ${runner.position()} in ${Date.now() - started} ms`);
    }).catch((error: unknown) => {
      this.failure = error instanceof Error ? error.message : String(error);
      this.logger.error(`projections failed: ${this.failure}`);
    });
  }

  /** False once the projections failed for good: the liveness probe then asks for a restart. */
  get alive(): boolean {
    return this.failure === undefined && this.runner?.failure === undefined;
  }

  /** Stops the runner after its current batch; the checkpoints hold where it got to. */
  async deactivate(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    await runner?.stop();
    this.logger.log('standby: the runner is stopped');
  }

  /** Status and lag, for /health/ready. */
  async report(lease: LeaseKeeper, owner: string): Promise<HealthReport> {
    const head = await this.stores.events.headPosition();
    const runner = this.runner;
    const projections = (runner?.snapshot() ?? []).map((p) => ({
      name: p.name, version: p.version, checkpoint: p.checkpoint, lag: Math.max(0, head - p.checkpoint), state: p.state, poisoned: p.poisoned,
    }));
    const lag = runner ? Math.max(0, head - runner.position()) : undefined;
    const poisoned = projections.filter((p) => p.poisoned).length;
    // A standby is ready by being ready to take over; an active one when nothing stopped it.
    const ready = lease.status === 'standby' || (lease.status === 'active' && poisoned === 0 && this.failure === undefined);
    return { ready, body: { lease: lease.status, owner, head, lag, failure: this.failure, projections } };
  }
}
