import { Inject, Injectable } from '@nestjs/common';
import { HouseholdRegistryDoc } from '@pl/projections';
import { canSeePersonalData } from '../security/personal-data-visibility';
import { Principal } from '../security/principal';
import { PersonalData } from '../wiring/personal-data';

/** A household as the API shows it: the registry document, personal data opened only for roles that may see it. */
export type HouseholdView = Omit<HouseholdRegistryDoc, '_id' | '_position' | 'personal' | 'citizenIdHashes'> & {
  readonly position: number;
  readonly personal?: unknown;
};

@Injectable()
export class HouseholdViews {
  constructor(@Inject(PersonalData) private readonly personal: PersonalData) {}

  async view(doc: HouseholdRegistryDoc, principal: Principal): Promise<HouseholdView> {
    // Keyed hashes of citizen IDs serve exact search only; they are never shown.
    const { _id, _position, personal, citizenIdHashes: _hashes, ...rest } = doc;
    const view = { ...rest, position: _position };
    if (!canSeePersonalData(principal)) return view;
    if (doc.personalDataErased) return { ...view, personal: { erased: true } };
    return { ...view, personal: await this.personal.open(doc.householdId, personal) };
  }
}
