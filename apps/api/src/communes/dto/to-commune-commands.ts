import { CommandContext, deterministicId } from '@pl/application';
import { CommuneCode, RecordHouseholdCount, RecordRadioUpgrade, RecordTrainingActivity, isoDate, vnd } from '@pl/domain';
import { toDecision } from '../../support/dto/decision.dto';
import { HouseholdCountDto, RadioUpgradeDto, TrainingActivityDto } from './commune-activity.dto';

const activityIdOf = (given: string | undefined, ctx: CommandContext): string => given ?? deterministicId(ctx.commandId, 'activity');

export const toRecordRadioUpgrade = (dto: RadioUpgradeDto, communeCode: CommuneCode, ctx: CommandContext): RecordRadioUpgrade => ({
  type: 'RecordRadioUpgrade',
  data: {
    communeCode, activityId: activityIdOf(dto.activityId, ctx), completedOn: isoDate(dto.completedOn, 'completedOn'), stations: dto.stations,
    loudspeakerClusters: dto.loudspeakerClusters, cost: vnd(dto.cost, 'cost'), fund: dto.fund, decision: toDecision(dto.decision),
  },
});

export const toRecordTrainingActivity = (dto: TrainingActivityDto, communeCode: CommuneCode, ctx: CommandContext): RecordTrainingActivity => ({
  type: 'RecordTrainingActivity',
  data: {
    communeCode, activityId: activityIdOf(dto.activityId, ctx), kind: dto.kind, heldOn: isoDate(dto.heldOn, 'heldOn'), participants: dto.participants,
    topic: dto.topic, ...(dto.cost !== undefined ? { cost: vnd(dto.cost, 'cost') } : {}), ...(dto.fund !== undefined ? { fund: dto.fund } : {}),
  },
});

export const toRecordHouseholdCount = (dto: HouseholdCountDto, communeCode: CommuneCode): RecordHouseholdCount => ({
  type: 'RecordHouseholdCount',
  data: {
    communeCode, year: dto.year, total: dto.total, urban: dto.urban, rural: dto.rural, ethnicMinority: dto.ethnicMinority, source: dto.source,
    recordedOn: isoDate(dto.recordedOn, 'recordedOn'),
  },
});
