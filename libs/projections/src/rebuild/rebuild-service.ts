import { conflict, notFound } from '@pl/domain';
import { EventStore } from '@pl/event-store';
import { Document, ReadStore } from '@pl/read-store';
import { Observable, of } from 'rxjs';
import { Projection } from '../projection';
import { ProjectionRunner } from '../runner/projection-runner';
import { diffCollections } from './collection-diff';
import { REBUILD_BATCH, RebuildJob } from './rebuild-job';
import { RebuildLog } from './rebuild-log';
import { RebuildRecord, isActive } from './rebuild-record';
import { ReadModels } from './read-models';

/** What an operator asks for: another version, or the same one into a fresh collection. */
export interface RebuildRequest {
  readonly toVersion?: number;
  /** Switch as soon as the rebuilt collection has caught up and the diff is made. */
  readonly autoSwitch?: boolean;
}

export interface RebuildOptions {
  /** The operator's clock: it stamps rebuild records and times progress, never a read model. */
  readonly now: () => Date;
  /** Events a rebuild reads, applies and checkpoints at a time (REBUILD_BATCH by default). */
  readonly batchSize?: number;
}

// How often progress is written to the rebuild record; the Observable reports every batch.
const SAVE_EVERY_MS = 1000;

/**
 * Blue/green rebuilds: a projection version builds from position 0 into its own collection
 * while the live one keeps serving; once caught up, a diff against the live one, then an
 * atomic alias switch (at once or on command) or an abort that drops the new collection.
 * State lives in the read store, so a rebuild cut off by a crash resumes when started again.
 */
export class RebuildService {
  private readonly log: RebuildLog;
  /** Stamps the operator's rebuild record; never a read model, so replays stay deterministic. */
  private readonly now: () => Date;
  private readonly batchSize: number;
  private readonly jobs = new Map<string, RebuildJob>();
  private readonly settled = new Map<string, Promise<RebuildRecord>>();

  constructor(
    private readonly readStore: ReadStore,
    private readonly events: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly readModels: ReadModels,
    /** Every projection definition the code has, the running versions and any others. */
    private readonly definitions: readonly Projection<Document>[],
    options: RebuildOptions,
  ) {
    this.log = new RebuildLog(readStore);
    this.now = options.now;
    this.batchSize = options.batchSize ?? REBUILD_BATCH;
  }

  /** Starts a rebuild, or resumes the projection's unfinished one; resolves once it runs. */
  async start(name: string, request: RebuildRequest = {}): Promise<RebuildRecord> {
    const running = this.runner.snapshot().find((s) => s.name === name);
    if (!running) throw notFound('PROJECTION_NOT_FOUND', `no projection ${name}`, { projection: name });
    const toVersion = request.toVersion ?? running.version;
    const projection = this.definitions.find((p) => p.name === name && p.version === toVersion);
    if (!projection) throw notFound('PROJECTION_VERSION_UNKNOWN', `projection ${name} has no version ${toVersion}`, { projection: name, toVersion });
    const unfinished = (await this.log.list()).find((r) => r.projection === name && isActive(r));
    if (unfinished && this.jobs.has(unfinished._id)) {
      throw conflict('REBUILD_IN_PROGRESS', `projection ${name} is already rebuilding (${unfinished._id})`, { id: unfinished._id });
    }
    if (unfinished) return this.launch(unfinished, this.definitionOf(unfinished));
    const toCollection = await this.log.freshCollection(name, toVersion);
    const at = this.now().toISOString();
    const record = await this.log.save({
      _id: toCollection, projection: name, fromCollection: await this.readModels.liveName(projection), toVersion, toCollection,
      state: 'building', autoSwitch: request.autoSwitch ?? false, startedAt: at, updatedAt: at,
      progress: { done: 0, total: await this.events.headPosition(), eventsPerSecond: 0, etaSeconds: null },
    });
    return this.launch(record, projection);
  }

  /** The rebuild as stored, with the running job's latest progress. */
  async get(id: string): Promise<RebuildRecord> {
    const record = await this.log.load(id);
    if (!record) throw notFound('REBUILD_NOT_FOUND', `no rebuild ${id}`, { id });
    const job = this.jobs.get(id);
    return job && record.state === 'building' ? { ...record, progress: job.current() } : record;
  }

  list(): Promise<RebuildRecord[]> {
    return this.log.list();
  }

  /** Progress after every batch, until the job stops. */
  progress(id: string): Observable<RebuildRecord['progress']> {
    const job = this.jobs.get(id);
    return job ? job.progress : of();
  }

  /** Resolves when the rebuild is ready (or switched, with autoSwitch), or has failed. */
  async whenSettled(id: string): Promise<RebuildRecord> {
    return this.settled.get(id) ?? this.get(id);
  }

  /** Makes the rebuilt collection live: the runner writes to it from its checkpoint on, queries read it. */
  async switch(id: string): Promise<RebuildRecord> {
    const record = await this.get(id);
    const job = this.jobs.get(id);
    if (record.state !== 'ready' || !job) throw conflict('REBUILD_NOT_READY', `rebuild ${id} is ${record.state}, not ready to switch`, { id, state: record.state });
    this.jobs.delete(id);
    await job.stop();
    await this.runner.adopt(job.projection, { collection: record.toCollection, checkpointName: record.toCollection, checkpoint: job.checkpoint() });
    await this.readModels.switch(record.projection, record.toCollection);
    return this.log.save({ ...record, state: 'switched', updatedAt: this.now().toISOString() });
  }

  /** Drops the rebuilt collection; the live one stays live. */
  async abort(id: string): Promise<RebuildRecord> {
    const record = await this.get(id);
    if (!isActive(record) && record.state !== 'failed') throw conflict('REBUILD_FINISHED', `rebuild ${id} is already ${record.state}`, { id, state: record.state });
    const job = this.jobs.get(id);
    this.jobs.delete(id);
    this.settled.delete(id);
    await job?.stop();
    await this.readStore.collection(record.toCollection).drop();
    await this.readStore.setCheckpoint(record.toCollection, 0);
    return this.log.save({ ...record, state: 'aborted', updatedAt: this.now().toISOString() });
  }

  /** Stops every job without changing its record: what a process exit does; a later start resumes them. */
  async close(): Promise<void> {
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    this.settled.clear();
    await Promise.all(jobs.map((job) => job.stop()));
  }

  private definitionOf(record: RebuildRecord): Projection<Document> {
    const projection = this.definitions.find((p) => p.name === record.projection && p.version === record.toVersion);
    if (!projection) throw notFound('PROJECTION_VERSION_UNKNOWN', `projection ${record.projection} has no version ${record.toVersion}`);
    return projection;
  }

  private async launch(unstarted: RebuildRecord, projection: Projection<Document>): Promise<RebuildRecord> {
    const resumedFrom = await this.readStore.getCheckpoint(unstarted.toCollection);
    const record = resumedFrom > 0 ? await this.log.save({ ...unstarted, state: 'building', resumedFrom }) : unstarted;
    const job = new RebuildJob(this.events, this.readStore, projection, record.toCollection, { batchSize: this.batchSize, clock: () => this.now().getTime() });
    this.jobs.set(record._id, job);
    let saved = this.now().getTime();
    job.progress.subscribe((progress) => {
      const at = this.now().getTime();
      if (at - saved < SAVE_EVERY_MS || this.jobs.get(record._id) !== job) return;
      saved = at;
      void this.log.save({ ...record, progress, updatedAt: this.now().toISOString() }).catch(() => undefined);
    });
    const settled = this.drive(job, record).catch(async (error: unknown) =>
      this.jobs.get(record._id) === job ? this.fail(record, error instanceof Error ? error.message : String(error)) : this.get(record._id));
    this.settled.set(record._id, settled);
    return record;
  }

  private async drive(job: RebuildJob, record: RebuildRecord): Promise<RebuildRecord> {
    const poisoned = await job.catchUp();
    if (this.jobs.get(record._id) !== job) return this.get(record._id);
    if (poisoned) return this.fail(record, `stopped on event ${poisoned.position}: ${poisoned.error}`, poisoned);
    // Between two live batches: the live collection stands still while the rebuilt one meets it.
    const diff = await this.runner.exclusive(async () => {
      await job.reach(this.runner.headPosition());
      const live = this.runner.snapshot().find((s) => s.name === record.projection)?.collection ?? record.fromCollection;
      return diffCollections(this.readStore.collection(live), this.readStore.collection(record.toCollection));
    });
    if (this.jobs.get(record._id) !== job) return this.get(record._id);
    const ready = await this.log.save({ ...record, state: 'ready', progress: job.current(), diff, updatedAt: this.now().toISOString() });
    return record.autoSwitch ? this.switch(record._id) : ready;
  }

  private async fail(record: RebuildRecord, error: string, poisoned?: RebuildRecord['poisoned']): Promise<RebuildRecord> {
    const job = this.jobs.get(record._id);
    this.jobs.delete(record._id);
    await job?.stop();
    return this.log.save({ ...record, state: 'failed', error, ...(poisoned ? { poisoned } : {}), ...(job ? { progress: job.current() } : {}), updatedAt: this.now().toISOString() });
  }
}
