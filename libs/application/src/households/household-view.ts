import { Inject, Injectable } from '@nestjs/common';
import { HouseholdRegistryDoc } from '@pl/projections';
import { canSeePersonalData } from '../security/personal-data-visibility';
import { Principal } from '../security/principal';
import { PersonalData } from '../wiring/personal-data';

/** A household as the API shows it: the registry document, personal data opened only for roles that may see it. */
export type HouseholdView = Omit<HouseholdRegistryDoc, '_id' | '_position' | 'personal'> & {
  readonly position: number;
  readonly personal?: unknown;
};

@Injectable()
export class HouseholdViews {
  constructor(@Inject(PersonalData) private readonly personal: PersonalData) {}

  async view(doc: HouseholdRegistryDoc, principal: Principal): Promise<HouseholdView> {
    const { _id, _position, personal, ...rest } = doc;
    const view = { ...rest, position: _position };
    if (!canSeePersonalData(principal)) return view;
    return { ...view, personal: await this.personal.open(doc.householdId, personal) };
  }
}
