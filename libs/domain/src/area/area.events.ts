import { IsoDate } from '../shared/calendar';
import { assertNever, Event } from '../shared/decider';
import { CommuneCode } from '../shared/ids';
import { Vnd } from '../shared/money';
import { SupportDecision, SupportFund } from '../support/support.values';

/** Stored event type names of a commune's area-level support: explicit and versioned. */
export const CommuneEventType = {
  RadioUpgraded: 'CommuneRadioUpgraded.v1',
  TrainingHeld: 'CommuneTrainingHeld.v1',
  HouseholdCountRecorded: 'CommuneHouseholdCountRecorded.v1',
} as const;

/** The stream of support given to a commune as a whole, not to a household. */
export const communeStream = (code: CommuneCode | string): string => `commune-${code}`;

/** Đài truyền thanh: stations converted to IP radio and loudspeaker clusters installed (Project 6, Decision 90/QĐ-TTg). */
export type CommuneRadioUpgraded = Event<
  'CommuneRadioUpgraded.v1',
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

/** Training for officials or communication to residents (Project 6). */
export type TrainingKind = 'training' | 'communication';

export type CommuneTrainingHeld = Event<
  'CommuneTrainingHeld.v1',
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

/** The resident households a rate divides by; a later count of the same year corrects the earlier one. */
export type CommuneHouseholdCountRecorded = Event<
  'CommuneHouseholdCountRecorded.v1',
  {
    communeCode: CommuneCode;
    year: number;
    total: number;
    urban: number;
    rural: number;
    ethnicMinority: number;
    source: string;
    recordedOn: IsoDate;
    corrects: boolean;
  }
>;

/** Everything that can happen on a commune's stream. */
export type CommuneEvent = CommuneRadioUpgraded | CommuneTrainingHeld | CommuneHouseholdCountRecorded;

const TYPES: readonly string[] = Object.values(CommuneEventType);

export const isCommuneEvent = (event: { type: string }): event is CommuneEvent => TYPES.includes(event.type);

/** The activities and yearly counts of one commune. */
export type CommuneState = Readonly<{
  activityIds: readonly string[];
  /** The count in force for each year: the latest recorded. */
  counts: Readonly<Record<number, CommuneHouseholdCountRecorded['data']>>;
}>;

export const initialCommuneState = (): CommuneState => ({ activityIds: [], counts: {} });

/** Applies one event to a commune's state. */
export function evolveCommune(state: CommuneState, event: CommuneEvent): CommuneState {
  switch (event.type) {
    case 'CommuneRadioUpgraded.v1':
    case 'CommuneTrainingHeld.v1':
      return { ...state, activityIds: [...state.activityIds, event.data.activityId] };
    case 'CommuneHouseholdCountRecorded.v1':
      return { ...state, counts: { ...state.counts, [event.data.year]: event.data } };
    default:
      return assertNever(event, 'commune event');
  }
}
