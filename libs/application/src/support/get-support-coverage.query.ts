import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SupportKindId } from '@pl/domain';
import {
  Coverage, HouseholdRegistryDoc, SupportCoverageDoc, collectionOf, coverageOf, householdRegistry, supportCoverage,
} from '@pl/projections';
import { READ_STORE, ReadStore } from '@pl/read-store';

/** A commune's coverage of a kind on a date: the registry's statuses joined with what households received. */
export class GetSupportCoverage extends Query<Coverage> {
  constructor(readonly communeCode: string, readonly kind: SupportKindId, readonly asOf: string) {
    super();
  }
}

@QueryHandler(GetSupportCoverage)
export class GetSupportCoverageHandler implements IQueryHandler<GetSupportCoverage, Coverage> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ communeCode, kind, asOf }: GetSupportCoverage): Promise<Coverage> {
    const households: HouseholdRegistryDoc[] = [];
    for await (const h of this.readStore.collection<HouseholdRegistryDoc>(collectionOf(householdRegistry)).findAll({ communeCode })) households.push(h);
    const received = await this.readStore.collection<SupportCoverageDoc>(collectionOf(supportCoverage)).getMany(households.map((h) => h.householdId));
    return coverageOf(communeCode, kind, asOf, households, received);
  }
}
