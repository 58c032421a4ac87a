import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { AccessPolicy } from '../../security/access-policy';
import { Principal } from '../../security/principal';
import { UNIT_DIRECTORY, UnitDirectory } from '../../wiring/unit-directory';
import { WhatIfRequest, runWhatIf } from './run-what-if';
import { WhatIfReport } from './what-if-report';

/** Run a poverty standard over the history to a date, without changing anything live. */
export class RunWhatIf extends Query<WhatIfReport> {
  constructor(readonly request: WhatIfRequest, readonly principal: Principal) {
    super();
  }
}

@QueryHandler(RunWhatIf)
export class RunWhatIfHandler implements IQueryHandler<RunWhatIf, WhatIfReport> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(UNIT_DIRECTORY) private readonly units: UnitDirectory,
  ) {}

  async execute({ request, principal }: RunWhatIf): Promise<WhatIfReport> {
    // A run over everything needs a national operator; one over an area needs that area.
    const area = request.areaCode;
    const target = area === undefined ? {} : area.length === 2 ? { provinceCode: area } : { communeCode: area };
    this.access.authorize(principal, 'operations:run', target);
    return runWhatIf(this.events, this.units, request);
  }
}
