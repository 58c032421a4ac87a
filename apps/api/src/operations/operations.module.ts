import { Module } from '@nestjs/common';
import {
  AbortRebuildHandler, GetProjectionsHandler, GetRebuildHandler, ResolvePoisonedEventHandler, StartRebuildHandler, SwitchRebuildHandler,
} from '@pl/application';
import { RunWhatIfHandler } from '@pl/application';
import { WhatIfController } from './what-if.controller';
import { ProjectionsController } from './projections.controller';
import { RebuildsController } from './rebuilds.controller';

/** Operators' routes: projection status, poisoned events, blue/green rebuilds (and what-if replays beside them). */
@Module({
  controllers: [
    ProjectionsController,
    RebuildsController,
    WhatIfController,
  ],
  providers: [
    GetProjectionsHandler,
    ResolvePoisonedEventHandler,
    StartRebuildHandler,
    GetRebuildHandler,
    SwitchRebuildHandler,
    AbortRebuildHandler,
    RunWhatIfHandler,
  ],
})
export class OperationsModule {}
