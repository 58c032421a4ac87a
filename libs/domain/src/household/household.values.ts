import { IsoDate } from '../shared/calendar';
import { CommuneCode } from '../shared/ids';
import { PovertyCategory } from '../poverty-standard/poverty-standard';

/** Where a household stands on the commune's lists: poor (hộ nghèo), near-poor (hộ cận nghèo), escaped (thoát nghèo). */
export type HouseholdStatus = 'not-listed' | 'poor' | 'near-poor' | 'escaped';

/** Rà soát: the yearly periodic review, or a regular one on a household's request. */
export type ReviewKind = 'periodic' | 'regular';

/** A recognised change of status: newly arising (phát sinh), escaped, fallen back (tái nghèo), or a move between the lists. */
export type RecognitionTransition = 'newly-arising' | 'poor-to-near-poor' | 'near-poor-to-poor' | 'escaped' | 'fallen-back';

/** An address as recorded on the day: the commune code is never rewritten after a reorganisation. */
export type HouseholdAddress = Readonly<{ communeCode: CommuneCode; village: string }>;

/** The commune chairman's decision that carries a status change. */
export type RecognitionDecision = Readonly<{ number: string; date: IsoDate; issuer: string }>;

/** The legal act an erasure of personal data rests on: a data subject's request decided, or an order. */
export type ErasureLegalBasis = Readonly<{ number: string; date: IsoDate; issuer?: string }>;

/** One member's personal data. */
export type MemberPersonalData = Readonly<{ name: string; birthDate?: IsoDate; citizenId?: string; relation?: string }>;

/** Everything personal about a household (docs/domain-rules.md §6), kept apart so the application can encrypt it; ethnicity is sensitive. */
export type HouseholdPersonalData = Readonly<{
  headName: string;
  headCitizenId?: string;
  headBirthDate?: IsoDate;
  ethnicity?: string;
  members?: readonly MemberPersonalData[];
}>;

export const MIN_MEMBERS = 1;
export const MAX_MEMBERS = 50;

/** The transition a recognition makes, or undefined where the law allows none (docs/domain-rules.md §2). */
export function transitionBetween(from: HouseholdStatus, to: HouseholdStatus): RecognitionTransition | undefined {
  const listed = (s: HouseholdStatus) => s === 'poor' || s === 'near-poor';
  if (from === 'not-listed' && listed(to)) return 'newly-arising';
  if (from === 'poor' && to === 'near-poor') return 'poor-to-near-poor';
  if (from === 'near-poor' && to === 'poor') return 'near-poor-to-poor';
  if (listed(from) && to === 'escaped') return 'escaped';
  if (from === 'escaped' && listed(to)) return 'fallen-back';
  return undefined;
}

/** Whether a recognised status is what the assessment proposed: leaving the lists matches any category above them. */
export function statusMatchesCategory(status: HouseholdStatus, category: PovertyCategory): boolean {
  if (status === 'poor' || status === 'near-poor') return status === category;
  if (status === 'escaped') return category === 'average-living-standard' || category === 'none';
  return false;
}
