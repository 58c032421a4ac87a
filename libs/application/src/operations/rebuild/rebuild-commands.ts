import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler, IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { RebuildRecord, RebuildService } from '@pl/projections';

/** Starts a blue/green rebuild of a projection (or resumes its unfinished one). */
export class StartRebuild extends Command<{ readonly id: string }> {
  constructor(readonly projection: string, readonly toVersion?: number, readonly autoSwitch?: boolean) {
    super();
  }
}

/** Makes a ready rebuild live. */
export class SwitchRebuild extends Command<RebuildRecord> {
  constructor(readonly id: string) {
    super();
  }
}

/** Drops a rebuild's collection; the live read model stays. */
export class AbortRebuild extends Command<RebuildRecord> {
  constructor(readonly id: string) {
    super();
  }
}

/** One rebuild: state, progress, and the diff once caught up. */
export class GetRebuild extends Query<RebuildRecord> {
  constructor(readonly id: string) {
    super();
  }
}

@CommandHandler(StartRebuild)
export class StartRebuildHandler implements ICommandHandler<StartRebuild, { readonly id: string }> {
  constructor(@Inject(RebuildService) private readonly rebuilds: RebuildService) {}

  async execute({ projection, toVersion, autoSwitch }: StartRebuild): Promise<{ readonly id: string }> {
    const record = await this.rebuilds.start(projection, { ...(toVersion !== undefined ? { toVersion } : {}), ...(autoSwitch !== undefined ? { autoSwitch } : {}) });
    return { id: record._id };
  }
}

@CommandHandler(SwitchRebuild)
export class SwitchRebuildHandler implements ICommandHandler<SwitchRebuild, RebuildRecord> {
  constructor(@Inject(RebuildService) private readonly rebuilds: RebuildService) {}

  execute({ id }: SwitchRebuild): Promise<RebuildRecord> {
    return this.rebuilds.switch(id);
  }
}

@CommandHandler(AbortRebuild)
export class AbortRebuildHandler implements ICommandHandler<AbortRebuild, RebuildRecord> {
  constructor(@Inject(RebuildService) private readonly rebuilds: RebuildService) {}

  execute({ id }: AbortRebuild): Promise<RebuildRecord> {
    return this.rebuilds.abort(id);
  }
}

@QueryHandler(GetRebuild)
export class GetRebuildHandler implements IQueryHandler<GetRebuild, RebuildRecord> {
  constructor(@Inject(RebuildService) private readonly rebuilds: RebuildService) {}

  execute({ id }: GetRebuild): Promise<RebuildRecord> {
    return this.rebuilds.get(id);
  }
}
