import { IsoDate } from '../shared/calendar';
import { Command } from '../shared/decider';
import { CommuneCode } from '../shared/ids';
import { Vnd } from '../shared/money';
import { SupportDecision, SupportFund } from '../support/support.values';
import { TrainingKind } from './area.events';

/** Record a finished upgrade of a commune's radio. */
export type RecordRadioUpgrade = Command<
  'RecordRadioUpgrade',
  {
    communeCode: CommuneCode;
    activityId: string;
    completedOn: IsoDate;
    stations: number;
    loudspeakerClusters: number;
    cost: Vnd;
    fund: SupportFund;
    decision: SupportDecision;
  }
>;

/** Record a training or communication activity held in a commune. */
export type RecordTrainingActivity = Command<
  'RecordTrainingActivity',
  {
    communeCode: CommuneCode;
    activityId: string;
    kind: TrainingKind;
    heldOn: IsoDate;
    participants: number;
    topic: string;
    cost?: Vnd;
    fund?: SupportFund;
  }
>;

/** Record how many households a commune had in a year, split as the reports split them. */
export type RecordHouseholdCount = Command<
  'RecordHouseholdCount',
  { communeCode: CommuneCode; year: number; total: number; urban: number; rural: number; ethnicMinority: number; source: string; recordedOn: IsoDate }
>;

/** Everything that can be asked of a commune's stream. */
export type CommuneCommand = RecordRadioUpgrade | RecordTrainingActivity | RecordHouseholdCount;
