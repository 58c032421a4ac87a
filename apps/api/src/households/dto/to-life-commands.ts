import {
  AssessHousehold, ChangeMembers, DissolveHousehold, HouseholdId, RecordCauses, RelocateHousehold, communeCode, isoDate, vnd,
} from '@pl/domain';
import { AssessHouseholdDto } from './assess-household.dto';
import { ChangeMembersDto, DissolveHouseholdDto, RecordCausesDto, RelocateHouseholdDto } from './household-life.dto';

export function toAssessHousehold(dto: AssessHouseholdDto, householdId: HouseholdId): AssessHousehold {
  return {
    type: 'AssessHousehold',
    data: {
      householdId,
      reviewYear: dto.reviewYear,
      reviewKind: dto.reviewKind,
      assessedOn: isoDate(dto.assessedOn, 'assessedOn'),
      incomePerPersonMonthly: vnd(dto.incomePerPersonMonthly, 'incomePerPersonMonthly'),
      deficientIndicators: dto.deficientIndicators,
      ...(dto.indicatorsAssessed ? { indicatorsAssessed: dto.indicatorsAssessed } : {}),
      surveyor: dto.surveyor,
      ...(dto.outOfWindowReason !== undefined ? { outOfWindowReason: dto.outOfWindowReason } : {}),
    },
  };
}

export function toChangeMembers(dto: ChangeMembersDto, householdId: HouseholdId): ChangeMembers {
  const members = dto.members?.map((m) => ({
    name: m.name,
    ...(m.birthDate ? { birthDate: isoDate(m.birthDate, 'members.birthDate') } : {}),
    ...(m.citizenId ? { citizenId: m.citizenId } : {}),
    ...(m.relation ? { relation: m.relation } : {}),
  }));
  return {
    type: 'ChangeMembers',
    data: { householdId, memberCount: dto.memberCount, changedOn: isoDate(dto.changedOn, 'changedOn'), ...(members ? { personal: { members } } : {}) },
  };
}

export function toRelocateHousehold(dto: RelocateHouseholdDto, householdId: HouseholdId): RelocateHousehold {
  return {
    type: 'RelocateHousehold',
    data: {
      householdId,
      to: { communeCode: communeCode(dto.to.communeCode), village: dto.to.village },
      areaType: dto.areaType,
      movedOn: isoDate(dto.movedOn, 'movedOn'),
    },
  };
}

export function toDissolveHousehold(dto: DissolveHouseholdDto, householdId: HouseholdId): DissolveHousehold {
  return { type: 'DissolveHousehold', data: { householdId, dissolvedOn: isoDate(dto.dissolvedOn, 'dissolvedOn'), reason: dto.reason } };
}

export function toRecordCauses(dto: RecordCausesDto, householdId: HouseholdId): RecordCauses {
  return { type: 'RecordCauses', data: { householdId, recordedOn: isoDate(dto.recordedOn, 'recordedOn'), causes: dto.causes, needGroups: dto.needGroups } };
}
