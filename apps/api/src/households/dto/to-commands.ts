import { HouseholdId, IsoDate, RegisterHousehold, isoDate } from '@pl/domain';
import { RegisterHouseholdDto } from './register-household.dto';

/** DTOs stop at the edge: each is mapped, field by field, to the domain's command. */
export function toRegisterHousehold(dto: RegisterHouseholdDto, householdId: HouseholdId, today: IsoDate): RegisterHousehold {
  return {
    type: 'RegisterHousehold',
    data: {
      householdId,
      registeredOn: dto.registeredOn ? isoDate(dto.registeredOn, 'registeredOn') : today,
      address: { communeCode: dto.address.communeCode as RegisterHousehold['data']['address']['communeCode'], village: dto.address.village },
      areaType: dto.areaType,
      memberCount: dto.memberCount,
      ethnicMinority: dto.ethnicMinority ?? false,
      policyFamily: dto.policyFamily ?? false,
      personal: {
        headName: dto.head.name,
        ...(dto.head.citizenId ? { headCitizenId: dto.head.citizenId } : {}),
        ...(dto.head.birthDate ? { headBirthDate: isoDate(dto.head.birthDate, 'head.birthDate') } : {}),
        ...(dto.head.ethnicity ? { ethnicity: dto.head.ethnicity } : {}),
        ...(dto.members?.length
          ? { members: dto.members.map((m) => ({ name: m.name, ...(m.birthDate ? { birthDate: isoDate(m.birthDate, 'members.birthDate') } : {}), ...(m.citizenId ? { citizenId: m.citizenId } : {}), ...(m.relation ? { relation: m.relation } : {}) })) }
          : {}),
      },
    },
  };
}
