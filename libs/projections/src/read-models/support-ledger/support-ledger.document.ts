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
}

/** A document of the support ledger: per household, or per fund and year. */
export type SupportLedgerDoc = HouseholdLedgerDoc | FundYearLedgerDoc;

export const householdLedgerId = (householdId: string): string => `household:${householdId}`;
export const fundYearLedgerId = (fund: string, year: number): string => `fund:${fund}:${year}`;
