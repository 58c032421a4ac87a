import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SupportKindId } from '@pl/domain';
import {
  Coverage, HouseholdRegistryDoc, ReadModels, SupportCoverageDoc, coverageOf, householdRegistry, supportCoverage,
} from '@pl/projections';

/** A commune's coverage of a kind on a date: the registry's statuses joined with what households received. */
export class GetSupportCoverage extends Query<Coverage> {
  constructor(readonly communeCode: string, readonly kind: SupportKindId, readonly asOf: string) {
    super();
  }
}

@QueryHandler(GetSupportCoverage)
export class GetSupportCoverageHandler implements IQueryHandler<GetSupportCoverage, Coverage> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ communeCode, kind, asOf }: GetSupportCoverage): Promise<Coverage> {
    const households: HouseholdRegistryDoc[] = [];
    for await (const h of (await this.readModels.live<HouseholdRegistryDoc>(householdRegistry)).findAll({ communeCode })) households.push(h);
    const received = await (await this.readModels.live<SupportCoverageDoc>(supportCoverage)).getMany(households.map((h) => h.householdId));
    return coverageOf(communeCode, kind, asOf, households, received);
  }
}
