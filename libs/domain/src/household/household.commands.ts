import { IsoDate } from '../shared/calendar';
import { Command } from '../shared/decider';
import { HouseholdId } from '../shared/ids';
import { Vnd } from '../shared/money';
import { AreaType } from '../poverty-standard/poverty-standard';
import { ErasureLegalBasis, HouseholdAddress, HouseholdPersonalData, HouseholdStatus, MemberPersonalData, RecognitionDecision, ReviewKind } from './household.values';

/** Enter a household in the commune's registry. */
export type RegisterHousehold = Command<
  'RegisterHousehold',
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

/** Record a reviewer's survey: the standard of the review year turns it into a proposed category. */
export type AssessHousehold = Command<
  'AssessHousehold',
  {
    householdId: HouseholdId;
    reviewYear: number;
    reviewKind: ReviewKind;
    assessedOn: IsoDate;
    incomePerPersonMonthly: Vnd;
    deficientIndicators: readonly string[];
    /** The indicators the surveyor assessed; a full survey of the year's standard when left out. */
    indicatorsAssessed?: readonly string[];
    surveyor: string;
    outOfWindowReason?: string;
  }
>;

/** Apply the commune chairman's decision on the household's status. */
export type RecogniseHousehold = Command<
  'RecogniseHousehold',
  { householdId: HouseholdId; reviewYear: number; reviewKind: ReviewKind; decision: RecognitionDecision; to: HouseholdStatus }
>;

export type ChangeMembers = Command<
  'ChangeMembers',
  { householdId: HouseholdId; memberCount: number; changedOn: IsoDate; personal?: Readonly<{ members?: readonly MemberPersonalData[] }> }
>;

/** Move a household to another commune; the old commune keeps what was recorded there. */
export type RelocateHousehold = Command<
  'RelocateHousehold',
  { householdId: HouseholdId; to: HouseholdAddress; areaType: AreaType; movedOn: IsoDate }
>;

export type DissolveHousehold = Command<'DissolveHousehold', { householdId: HouseholdId; dissolvedOn: IsoDate; reason: string }>;

/** Record why a household is poor and what support it needs. */
export type RecordCauses = Command<
  'RecordCauses',
  { householdId: HouseholdId; recordedOn: IsoDate; causes: readonly string[]; needGroups: readonly string[] }
>;

/** Erase a household's personal data for good (Law 91/2025/QH15); allowed after dissolution, once. */
export type ErasePersonalData = Command<
  'ErasePersonalData',
  { householdId: HouseholdId; requestedOn: IsoDate; legalBasis: ErasureLegalBasis; reason: string }
>;

/** Everything that can be asked of a household stream. */
export type HouseholdCommand =
  | RegisterHousehold
  | AssessHousehold
  | RecogniseHousehold
  | ChangeMembers
  | RelocateHousehold
  | DissolveHousehold
  | RecordCauses
  | ErasePersonalData;
