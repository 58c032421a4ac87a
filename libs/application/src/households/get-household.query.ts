import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@pl/domain';
import { HouseholdRegistryDoc, ReadModels, householdRegistry } from '@pl/projections';

/** One household's registry document. */
export class GetHousehold extends Query<HouseholdRegistryDoc> {
  constructor(readonly householdId: string) {
    super();
  }
}

@QueryHandler(GetHousehold)
export class GetHouseholdHandler implements IQueryHandler<GetHousehold, HouseholdRegistryDoc> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ householdId }: GetHousehold): Promise<HouseholdRegistryDoc> {
    const doc = await (await this.readModels.live<HouseholdRegistryDoc>(householdRegistry)).get(householdId);
    if (!doc) throw notFound('HOUSEHOLD_NOT_FOUND', `no household ${householdId} in the registry`, { householdId });
    return doc;
  }
}
