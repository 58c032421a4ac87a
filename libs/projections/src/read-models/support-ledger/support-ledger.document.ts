import { RecordedException, SupportFund, SupportKindId } from '@pl/domain';
import { Document } from '@pl/read-store';

/** One grant or loan disbursement as the ledger counts it, with the commune the household lived in then. */
export interface LedgerEntry {
  /** The grant id or the loan id. */
  readonly ref: string;
  readonly kind: SupportKindId;
  readonly on: string;
  readonly year: number;
  readonly amount: number;
  readonly fund: SupportFund;
  readonly communeCode: string;
  readonly decisionNumber: string;
  readonly exception?: RecordedException;
}

/** A grant given under an exception, listed so an audit sees which rules a legal basis set aside. */
export interface LedgerException {
  readonly householdId: string;
  readonly ref: string;
  readonly kind: SupportKindId;
  readonly on: string;
  /** Null in a fund's totals: support events do not carry the commune, only the household's ledger knows it. */
  readonly communeCode: string | null;
  readonly exception: RecordedException;
}

/** A loan as its repayments leave it. */
export interface LedgerLoan {
  readonly amount: number;
  readonly balance: number;
  readonly annualRatePercent: number;
  readonly overdueSince: string | null;
  readonly settledOn: string | null;
}

/** Everything one household was given: one document per household, from its registration on. */
export interface HouseholdLedgerDoc extends Document {
  readonly scope: 'household';
  readonly householdId: string;
  /** Where the household lives now. */
  readonly communeCode: string;
  /** Every commune in which the household received something, for the commune-year totals. */
  readonly supportCommunes: readonly string[];
  readonly entries: readonly LedgerEntry[];
  readonly loans: Readonly<Record<string, LedgerLoan>>;
  readonly prior: readonly { readonly kind: SupportKindId; readonly programme: string; readonly recordedOn: string }[];
}

/** Counts and VND of one kind. */
export interface KindTotal {
  readonly count: number;
  readonly amount: number;
}

/** What one fund paid in one calendar year, by kind. */
export interface FundYearLedgerDoc extends Document {
  readonly scope: 'fund-year';
  readonly fund: SupportFund;
  readonly year: number;
  readonly byKind: Readonly<Partial<Record<SupportKindId, KindTotal>>>;
  readonly exceptions: readonly LedgerException[];
  /** What the fund paid for communes as a whole (radio upgrades, training, communication). */
  readonly areaActivities?: AreaActivities;
}

/** Area-level support of one kind: how many activities, what they cost, what they delivered. */
export interface AreaActivityTotal extends KindTotal {
  readonly stations: number;
  readonly loudspeakerClusters: number;
  readonly participants: number;
}

/** Support to a commune as a whole (Project 6): radio upgrades, training of officials, communication. */
export type AreaActivityKind = 'radio-upgrade' | 'training' | 'communication';
export type AreaActivities = Readonly<Partial<Record<AreaActivityKind, AreaActivityTotal>>>;

/** What a commune received as a whole in one calendar year. */
export interface AreaYearLedgerDoc extends Document {
  readonly scope: 'area-year';
  readonly communeCode: string;
  readonly year: number;
  readonly activities: AreaActivities;
}

/** A document of the support ledger: per household, per fund and year, or per commune and year for area-level support. */
export type SupportLedgerDoc = HouseholdLedgerDoc | FundYearLedgerDoc | AreaYearLedgerDoc;

export const householdLedgerId = (householdId: string): string => `household:${householdId}`;
export const fundYearLedgerId = (fund: string, year: number): string => `fund:${fund}:${year}`;
export const areaYearLedgerId = (communeCode: string, year: number): string => `area:${communeCode}:${year}`;
