import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@pl/domain';
import { READ_STORE, ReadStore } from '@pl/read-store';
import { HouseholdRegistryDoc, collectionOf, householdRegistry } from '@pl/projections';

const REGISTRY = collectionOf(householdRegistry);

/** One household's registry document. */
export class GetHousehold extends Query<HouseholdRegistryDoc> {
  constructor(readonly householdId: string) {
    super();
  }
}

@QueryHandler(GetHousehold)
export class GetHouseholdHandler implements IQueryHandler<GetHousehold, HouseholdRegistryDoc> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ householdId }: GetHousehold): Promise<HouseholdRegistryDoc> {
    const doc = await this.readStore.collection<HouseholdRegistryDoc>(REGISTRY).get(householdId);
    if (!doc) throw notFound('HOUSEHOLD_NOT_FOUND', `no household ${householdId} in the registry`, { householdId });
    return doc;
  }
}
