import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE } from '@pl/event-store';
import { READ_STORE } from '@pl/read-store';
import { ProjectionRunner, ReadModels, RebuildService } from '@pl/projections';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CommandExecutor } from '../commands/command-executor';
import { EVENT_CODEC, EventCodec } from '../commands/event-codec';
import { IDEMPOTENCY_STORE } from '../idempotency/idempotency.port';
import { AccessPolicy } from '../security/access-policy';
import { TOKEN_VERIFIER } from '../security/tokens/token-verifier';
import { LocalKeyTokenService } from '../security/tokens/local-key-token-service';
import { OidcTokenVerifier } from '../security/tokens/oidc-token-verifier';
import { Stores, closeStores } from './open-stores';
import { PersonalData, openPersonalData } from './personal-data';
import { UNIT_DIRECTORY, UnitDirectory } from './unit-directory';
import { projectionsOf } from './projections';
import { READ_MODEL_PROGRESS, ReadModelProgress } from '../progress/read-model-progress';
import { RunnerProgress } from '../progress/runner-progress';
import { CheckpointProgress } from '../progress/checkpoint-progress';

const STORES = Symbol('Stores');

/** Starts the projections before the API answers, and closes every store on shutdown. */
@Injectable()
class Lifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(RebuildService) private readonly rebuilds: RebuildService,
    @Inject(STORES) private readonly stores: Stores,
    @Inject(PersonalData) private readonly personal: PersonalData,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // PROJECTIONS_IN_PROCESS=false: the projector keeps the read models; this process only reads them.
    if (!this.config.projectionsInProcess) return;
    const started = Date.now();
    await this.runner.start();
    // Queries read through aliases: point each at what the runner keeps, now that it has caught up.
    for (const status of this.runner.snapshot()) {
      if ((await this.readModels.liveName(status)) !== status.collection) await this.readModels.switch(status.name, status.collection);
    }
    this.logger.log(`read models caught up to position ${this.runner.position()} in ${Date.now() - started} ms`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rebuilds.close();
    await this.runner.stop();
    await closeStores(this.stores, this.personal);
  }
}

/** Wires the ports to the adapters the configuration chose, and registers every handler and projection. */
@Module({})
export class ApplicationModule {
  static with(config: AppConfig, stores: Stores): DynamicModule {
    return {
      module: ApplicationModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: STORES, useValue: stores },
        { provide: EVENT_STORE, useValue: stores.events },
        { provide: READ_STORE, useValue: stores.readModels },
        { provide: IDEMPOTENCY_STORE, useValue: stores.idempotency },
        { provide: UNIT_DIRECTORY, useFactory: () => UnitDirectory.load(config) },
        { provide: PersonalData, useFactory: () => openPersonalData(config) },
        { provide: EVENT_CODEC, useFactory: (personal: PersonalData): EventCodec => personal.codec, inject: [PersonalData] },
        { provide: CommandExecutor, useFactory: (codec: EventCodec) => new CommandExecutor(stores.events, codec), inject: [EVENT_CODEC] },
        {
          provide: ProjectionRunner,
          useFactory: (units: UnitDirectory) => new ProjectionRunner(stores.events, stores.readModels, projectionsOf(units), { followAliases: true }),
          inject: [UNIT_DIRECTORY],
        },
        {
          provide: READ_MODEL_PROGRESS,
          useFactory: (runner: ProjectionRunner, units: UnitDirectory): ReadModelProgress => config.projectionsInProcess
            ? new RunnerProgress(runner)
            : new CheckpointProgress(stores.readModels, stores.events, projectionsOf(units)),
          inject: [ProjectionRunner, UNIT_DIRECTORY],
        },
        { provide: ReadModels, useFactory: () => new ReadModels(stores.readModels) },
        {
          provide: RebuildService,
          useFactory: (runner: ProjectionRunner, readModels: ReadModels, units: UnitDirectory) =>
            new RebuildService(stores.readModels, stores.events, runner, readModels, projectionsOf(units), { now: () => new Date(), batchSize: config.rebuildBatchSize }),
          inject: [ProjectionRunner, ReadModels, UNIT_DIRECTORY],
        },
        { provide: AccessPolicy, useFactory: (units: UnitDirectory) => new AccessPolicy((code) => units.provinceOf(code)), inject: [UNIT_DIRECTORY] },
        {
          provide: TOKEN_VERIFIER,
          useFactory: () => config.auth.mode === 'local'
            ? LocalKeyTokenService.open({ dataDir: config.dataDir })
            : new OidcTokenVerifier({ jwksUrl: config.auth.jwksUrl, issuer: config.auth.issuer, audience: config.auth.audience }),
        },
        Lifecycle,
      ],
      exports: [APP_CONFIG, EVENT_STORE, READ_STORE, IDEMPOTENCY_STORE, UNIT_DIRECTORY, PersonalData, CommandExecutor, ProjectionRunner, READ_MODEL_PROGRESS, ReadModels, RebuildService, AccessPolicy, TOKEN_VERIFIER],
    };
  }
}
