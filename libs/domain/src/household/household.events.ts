import { IsoDate } from '../shared/calendar';
import { Event } from '../shared/decider';
import { CommuneCode, HouseholdId } from '../shared/ids';
import { Vnd } from '../shared/money';
import { AreaType, PovertyCategory } from '../poverty-standard/poverty-standard';
import { NeedGroup, PovertyCause } from './household.causes';
import {
  ErasureLegalBasis,
  HouseholdAddress,
  HouseholdPersonalData,
  HouseholdStatus,
  MemberPersonalData,
  RecognitionDecision,
  RecognitionTransition,
  ReviewKind,
} from './household.values';

/** Stored event type names of a household stream: explicit and versioned, never a class name. */
export const HouseholdEventType = {
  Registered: 'HouseholdRegistered.v1',
  Assessed: 'HouseholdAssessed.v2',
  Recognised: 'HouseholdRecognised.v1',
  MembersChanged: 'HouseholdMembersChanged.v1',
  Relocated: 'HouseholdRelocated.v1',
  Dissolved: 'HouseholdDissolved.v1',
  CausesRecorded: 'HouseholdCausesRecorded.v1',
  PersonalDataErased: 'HouseholdPersonalDataErased.v1',
} as const;

/** The stream that holds one household's whole history. */
export const householdStream = (id: HouseholdId | string): string => `household-${id}`;

export type HouseholdRegistered = Event<
  'HouseholdRegistered.v1',
  {
    householdId: HouseholdId;
    registeredOn: IsoDate;
    address: HouseholdAddress;
    areaType: AreaType;
    memberCount: number;
    ethnicMinority: boolean;
    policyFamily: boolean;
    personal: HouseholdPersonalData;
  }
>;

/** The first shape of an assessment, still stored as it was written; read as v2 through `householdUpcasters`. */
export type HouseholdAssessedV1Data = Readonly<{
  householdId: HouseholdId;
  reviewYear: number;
  reviewKind: ReviewKind;
  assessedOn: IsoDate;
  incomePerPersonMonthly: Vnd;
  deficientIndicators: readonly string[];
  surveyor: string;
  standardId: string;
  proposedCategory: PovertyCategory;
  deprivations: number;
  outOfWindowReason?: string;
}>;

/**
 * v2 adds `indicatorsAssessed`: the indicators the surveyor actually assessed. In v1 an indicator
 * missing from `deficientIndicators` could mean "not deficient" or "never asked"; a replay under
 * another standard (2026-2030 adds indicators older surveys never had) must tell the two apart.
 * `standardId` stays explicit: it names the indicator list the survey was made against.
 */
export type HouseholdAssessed = Event<
  'HouseholdAssessed.v2',
  HouseholdAssessedV1Data & Readonly<{ indicatorsAssessed: readonly string[] }>
>;

export type HouseholdRecognised = Event<
  'HouseholdRecognised.v1',
  {
    householdId: HouseholdId;
    reviewYear: number;
    reviewKind: ReviewKind;
    decision: RecognitionDecision;
    from: HouseholdStatus;
    to: HouseholdStatus;
    transition: RecognitionTransition;
    standardId: string;
    deprivations: number;
    /** As recorded on the day of the decision. */
    communeCode: CommuneCode;
    proposedCategory: PovertyCategory;
    /** False when the commune decided other than the assessment proposed: its right, but worth a look. */
    matchesAssessment: boolean;
  }
>;

export type HouseholdMembersChanged = Event<
  'HouseholdMembersChanged.v1',
  { householdId: HouseholdId; memberCount: number; changedOn: IsoDate; personal?: Readonly<{ members?: readonly MemberPersonalData[] }> }
>;

export type HouseholdRelocated = Event<
  'HouseholdRelocated.v1',
  { householdId: HouseholdId; from: HouseholdAddress; to: HouseholdAddress; areaType: AreaType; movedOn: IsoDate }
>;

export type HouseholdDissolved = Event<'HouseholdDissolved.v1', { householdId: HouseholdId; dissolvedOn: IsoDate; reason: string }>;

export type HouseholdCausesRecorded = Event<
  'HouseholdCausesRecorded.v1',
  { householdId: HouseholdId; recordedOn: IsoDate; causes: readonly PovertyCause[]; needGroups: readonly NeedGroup[] }
>;

/** The household's personal data was erased: its key is destroyed right after this is recorded. */
export type HouseholdPersonalDataErased = Event<
  'HouseholdPersonalDataErased.v1',
  { householdId: HouseholdId; erasedOn: IsoDate; legalBasis: ErasureLegalBasis; reason: string }
>;

/** Everything that can happen to a household. */
export type HouseholdEvent =
  | HouseholdRegistered
  | HouseholdAssessed
  | HouseholdRecognised
  | HouseholdMembersChanged
  | HouseholdRelocated
  | HouseholdDissolved
  | HouseholdCausesRecorded
  | HouseholdPersonalDataErased;

const TYPES: readonly string[] = Object.values(HouseholdEventType);

/** True for an event read back from a store that belongs to a household stream. */
export const isHouseholdEvent = (event: { type: string }): event is HouseholdEvent => TYPES.includes(event.type);
