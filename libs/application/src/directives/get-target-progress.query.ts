import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  DirectiveTargetsDoc, HouseholdRegistryDoc, TargetProgress, ReadModels, areaYearKey, directiveTargets, householdRegistry, targetProgress,
} from '@pl/projections';

/** An area's poverty-reduction targets of a year against the registry's exits that year. */
export class GetTargetProgress extends Query<TargetProgress> {
  constructor(readonly areaCode: string, readonly year: number) {
    super();
  }
}

@QueryHandler(GetTargetProgress)
export class GetTargetProgressHandler implements IQueryHandler<GetTargetProgress, TargetProgress> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ areaCode, year }: GetTargetProgress): Promise<TargetProgress> {
    const directives: DirectiveTargetsDoc[] = [];
    for await (const d of (await this.readModels.live<DirectiveTargetsDoc>(directiveTargets)).findAll({ areaYears: areaYearKey(areaCode, year) })) directives.push(d);
    // A province counts the households recorded in it; a commune those recorded in that commune.
    const field = areaCode.length === 2 ? 'provinceCode' : 'communeCode';
    const households: HouseholdRegistryDoc[] = [];
    for await (const h of (await this.readModels.live<HouseholdRegistryDoc>(householdRegistry)).findAll({ [field]: areaCode })) households.push(h);
    return targetProgress(areaCode, year, directives, households);
  }
}
