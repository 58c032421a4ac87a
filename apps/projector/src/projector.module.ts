import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Server } from 'node:http';
import type { MongoClient } from 'mongodb';
import {
  AppConfig, Lease, LeaseKeeper, MemoryLease, MongoLease, Stores, UnitDirectory, connectMongo, openStores, projectionsOf,
} from '@pl/application';
import { ProjectorConfig } from './projector-config';
import { Projector } from './projector';
import { startHealthServer } from './health-server';

const SETTINGS = Symbol('ProjectorSettings');
interface Settings { readonly config: AppConfig; readonly projector: ProjectorConfig }

/** Opens the stores and the lease, serves the health endpoint, and hands the runner to the lease holder. */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private stores?: Stores;
  private leaseClient?: MongoClient;
  private keeper?: LeaseKeeper;
  private health?: Server;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  async onApplicationBootstrap(): Promise<void> {
    const { config, projector: p } = this.settings;
    // Appends come from the API processes: an embedded log must be polled for them.
    this.stores = await openStores(config, { followOtherWriters: true });
    const projector = new Projector(this.stores, projectionsOf(UnitDirectory.load(config)));
    const leaseOptions = { group: p.group, owner: p.owner, ttlMs: p.leaseTtlMs };
    let lease: Lease = new MemoryLease(leaseOptions);
    if (config.readStore.kind === 'mongodb') {
      this.leaseClient = await connectMongo(config.readStore);
      lease = new MongoLease(this.leaseClient.db(config.readStore.database), leaseOptions);
    }
    const keeper = new LeaseKeeper(lease, {
      onAcquired: () => { this.logger.log(`lease ${p.group} taken by ${p.owner}`); return projector.activate(); },
      onLost: () => { this.logger.warn(`lease ${p.group} no longer held by ${p.owner}`); return projector.deactivate(); },
      onError: (error) => this.logger.error(`lease ${p.group}: ${error instanceof Error ? error.message : String(error)}`),
    }, { ttlMs: p.leaseTtlMs, renewMs: p.renewMs });
    this.keeper = keeper;
    this.health = await startHealthServer(p.healthPort, p.healthHost, () => projector.report(keeper, p.owner), () => projector.alive);
    await keeper.start();
    this.logger.log(`projector ${p.owner} (${keeper.status}) health on ${p.healthHost}:${p.healthPort}, event store ${config.eventStore.kind}, read store ${config.readStore.kind}`);
  }

  /** SIGTERM: stop the runner, release the lease for a quick takeover, close everything. */
  async onApplicationShutdown(): Promise<void> {
    await this.keeper?.stop();
    await new Promise<void>((resolve) => (this.health ? this.health.close(() => resolve()) : resolve()));
    const s = this.stores;
    await Promise.allSettled([s?.events.close(), s?.readModels.close(), s?.idempotency.close(), this.leaseClient?.close()]);
  }
}

/** The projector's application context: no HTTP API, only the lifecycle above. */
@Module({})
export class ProjectorModule {
  static with(config: AppConfig, projector: ProjectorConfig): DynamicModule {
    return { module: ProjectorModule, providers: [{ provide: SETTINGS, useValue: { config, projector } }, ProjectorLifecycle] };
  }
}
