import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { HouseholdStatus, validateCitizenId } from '@pl/domain';
import { HouseholdRegistryDoc, ReadModels, householdRegistry } from '@pl/projections';
import { PersonalData } from '../../wiring/personal-data';
import { AccessPolicy } from '../access-policy';
import { Principal } from '../principal';

/** A household found by citizen ID: where it is and how it stands, nothing personal. */
export interface CitizenIdMatch {
  readonly householdId: string;
  readonly communeCode: string;
  readonly status: HouseholdStatus;
  readonly active: boolean;
}

/** Households recorded with this exact citizen ID, within the caller's areas. */
export class SearchByCitizenId extends Query<readonly CitizenIdMatch[]> {
  constructor(readonly citizenId: string, readonly caller: Principal) {
    super();
  }
}

const MAX_MATCHES = 100;

@QueryHandler(SearchByCitizenId)
export class SearchByCitizenIdHandler implements IQueryHandler<SearchByCitizenId, readonly CitizenIdMatch[]> {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PersonalData) private readonly personal: PersonalData,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  async execute({ citizenId, caller }: SearchByCitizenId): Promise<readonly CitizenIdMatch[]> {
    validateCitizenId(citizenId);
    const hash = this.personal.citizenIdHash(citizenId);
    const registry = await this.readModels.live<HouseholdRegistryDoc>(householdRegistry);
    const matches: CitizenIdMatch[] = [];
    for await (const doc of registry.findAll({ citizenIdHashes: hash })) {
      if (!this.access.covers(caller, { communeCode: doc.communeCode, ...(doc.provinceCode ? { provinceCode: doc.provinceCode } : {}) })) continue;
      matches.push({ householdId: doc.householdId, communeCode: doc.communeCode, status: doc.status, active: doc.active });
      if (matches.length >= MAX_MATCHES) break;
    }
    return matches;
  }
}
