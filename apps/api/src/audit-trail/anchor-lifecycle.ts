import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AnchorReactor, AppConfig } from '@pl/application';
import { EVENT_STORE, EventStore } from '@pl/event-store';


/** Anchors the log every `ANCHOR_EVERY` events (0: never) while the API runs. */
@Injectable()
export class AnchorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly reactor: AnchorReactor;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(APP_CONFIG) config: AppConfig) {
    const every = config.anchorEvery;
    this.reactor = new AnchorReactor(store, every);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reactor.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reactor.stop();
  }
}
