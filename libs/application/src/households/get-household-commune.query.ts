import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { HouseholdStreamReader } from './household-stream-reader';

/** The commune a household lives in now, from its stream: the area a write on it is checked against. */
export class GetHouseholdCommune extends Query<string> {
  constructor(readonly householdId: string) {
    super();
  }
}

@QueryHandler(GetHouseholdCommune)
export class GetHouseholdCommuneHandler implements IQueryHandler<GetHouseholdCommune, string> {
  constructor(@Inject(HouseholdStreamReader) private readonly streams: HouseholdStreamReader) {}

  execute({ householdId }: GetHouseholdCommune): Promise<string> {
    return this.streams.communeOf(householdId);
  }
}
