import { addYears, IsoDate } from '../shared/calendar';
import { assertNever } from '../shared/decider';
import { HouseholdId } from '../shared/ids';
import { AreaType } from '../poverty-standard/poverty-standard';
import { NeedGroup, PovertyCause } from './household.causes';
import { HouseholdAssessed, HouseholdEvent } from './household.events';
import { HouseholdAddress, HouseholdStatus } from './household.values';

/** The latest assessment of one review year. */
export type AssessmentRecord = HouseholdAssessed['data'];

/** One recognised status change, as the history a support rule reads. */
export type RecognitionRecord = Readonly<{ reviewYear: number; to: HouseholdStatus; decisionDate: IsoDate; decisionNumber: string }>;

/** A stream with nothing in it yet. */
export type UnregisteredHousehold = Readonly<{ registered: false }>;

/** What the write side needs to know about a registered household; no personal data. */
export type RegisteredHousehold = Readonly<{
  registered: true;
  dissolved: boolean;
  /** Once true, the household can never hold personal data again. */
  personalDataErased: boolean;
  householdId: HouseholdId;
  status: HouseholdStatus;
  address: HouseholdAddress;
  areaType: AreaType;
  memberCount: number;
  ethnicMinority: boolean;
  policyFamily: boolean;
  assessments: Readonly<Record<number, AssessmentRecord>>;
  recognitions: readonly RecognitionRecord[];
  /** Date of the decision that last made the household 'escaped'. */
  lastLeftListOn?: IsoDate;
  causes: readonly PovertyCause[];
  needGroups: readonly NeedGroup[];
}>;

/** A household as its stream tells it. */
export type HouseholdState = UnregisteredHousehold | RegisteredHousehold;

export const initialHouseholdState = (): HouseholdState => ({ registered: false });

/** Applies one event; the decider never emits anything but registration on an empty stream. */
export function evolveHousehold(state: HouseholdState, event: HouseholdEvent): HouseholdState {
  if (event.type === 'HouseholdRegistered.v1') {
    const d = event.data;
    return {
      registered: true,
      dissolved: false,
      personalDataErased: false,
      householdId: d.householdId,
      status: 'not-listed',
      address: d.address,
      areaType: d.areaType,
      memberCount: d.memberCount,
      ethnicMinority: d.ethnicMinority,
      policyFamily: d.policyFamily,
      assessments: {},
      recognitions: [],
      causes: [],
      needGroups: [],
    };
  }
  if (!state.registered) return state;
  switch (event.type) {
    case 'HouseholdAssessed.v2':
      return { ...state, assessments: { ...state.assessments, [event.data.reviewYear]: event.data } };
    case 'HouseholdRecognised.v1': {
      const { reviewYear, to, decision } = event.data;
      return {
        ...state,
        status: to,
        recognitions: [...state.recognitions, { reviewYear, to, decisionDate: decision.date, decisionNumber: decision.number }],
        ...(to === 'escaped' ? { lastLeftListOn: decision.date } : {}),
      };
    }
    case 'HouseholdMembersChanged.v1':
      return { ...state, memberCount: event.data.memberCount };
    case 'HouseholdRelocated.v1':
      return { ...state, address: event.data.to, areaType: event.data.areaType };
    case 'HouseholdDissolved.v1':
      return { ...state, dissolved: true };
    case 'HouseholdCausesRecorded.v1':
      return { ...state, causes: event.data.causes, needGroups: event.data.needGroups };
    case 'HouseholdPersonalDataErased.v1':
      return { ...state, personalDataErased: true };
    default:
      return assertNever(event, 'household event');
  }
}

/**
 * Newly escaped (hộ mới thoát nghèo) is a window, not a status: preferential credit stays open
 * for three years from the decision that took the household off the lists (Decision 28/2015/QĐ-TTg).
 * The window starts on the decision day and ends the day before its third anniversary.
 */
export function isNewlyEscaped(state: HouseholdState, onDate: IsoDate): boolean {
  if (!state.registered || state.status !== 'escaped' || !state.lastLeftListOn) return false;
  return onDate >= state.lastLeftListOn && onDate < addYears(state.lastLeftListOn, 3);
}
