import { HouseholdEventType, SupportEvent, SupportEventType, assertNever } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { Draft, Projection } from '../../projection';
import { AREA_ACTIVITY_EVENTS, AreaActivity, addActivity, areaActivityOf } from './area-activities';
import {
  AreaYearLedgerDoc, FundYearLedgerDoc, HouseholdLedgerDoc, LedgerEntry, LedgerLoan, SupportLedgerDoc, areaYearLedgerId, fundYearLedgerId, householdLedgerId,
} from './support-ledger.document';

/** Name and version of the support ledger; its live collection is `collectionOf(supportLedger)`. Version 2 counts area-level support. */
export const supportLedger = { name: 'support-ledger', version: 2 } as const;

type AddressEvent = { readonly householdId: string; readonly address?: { readonly communeCode: string }; readonly to?: { readonly communeCode: string } };

const yearOf = (date: string): number => Number(date.slice(0, 4));
const householdOf = (event: RecordedEvent): string => (event.data as { householdId: string }).householdId;
const asSupport = (event: RecordedEvent) => ({ type: event.type, data: event.data }) as SupportEvent;

/** The ledger entry of a grant or a disbursement: the two events that pay money out. */
function entryOf(event: SupportEvent, communeCode: string): LedgerEntry | undefined {
  if (event.type === SupportEventType.Granted) {
    const d = event.data;
    return {
      ref: d.grantId, kind: d.kind, on: d.grantedOn, year: yearOf(d.grantedOn), amount: d.amount, fund: d.fund, communeCode,
      decisionNumber: d.decision.number, ...(d.exception ? { exception: d.exception } : {}),
    };
  }
  if (event.type === SupportEventType.LoanDisbursed) {
    const d = event.data;
    return {
      ref: d.loanId, kind: 'preferential-credit', on: d.disbursedOn, year: yearOf(d.disbursedOn), amount: d.amount, fund: d.fund, communeCode,
      decisionNumber: d.decision.number, ...(d.exception ? { exception: d.exception } : {}),
    };
  }
  return undefined;
}

function withLoan(doc: HouseholdLedgerDoc, loanId: string, change: (loan: LedgerLoan) => LedgerLoan): Draft<HouseholdLedgerDoc> {
  const loan = doc.loans[loanId];
  return loan ? { ...doc, loans: { ...doc.loans, [loanId]: change(loan) } } : doc;
}

function evolveHousehold(doc: HouseholdLedgerDoc, event: SupportEvent): Draft<HouseholdLedgerDoc> {
  const entry = entryOf(event, doc.communeCode);
  const withEntry = entry
    ? { ...doc, entries: [...doc.entries, entry], supportCommunes: doc.supportCommunes.includes(doc.communeCode) ? doc.supportCommunes : [...doc.supportCommunes, doc.communeCode] }
    : doc;
  switch (event.type) {
    case 'HouseholdSupportGranted.v1':
      return withEntry;
    case 'HouseholdLoanDisbursed.v1': {
      const { loanId, amount, annualRatePercent } = event.data;
      return { ...withEntry, loans: { ...doc.loans, [loanId]: { amount, balance: amount, annualRatePercent, overdueSince: null, settledOn: null } } };
    }
    case 'HouseholdPriorSupportRecorded.v1': {
      const { kind, programme, recordedOn } = event.data;
      return { ...doc, prior: [...doc.prior, { kind, programme, recordedOn }] };
    }
    case 'HouseholdLoanRepaid.v1':
      return withLoan(doc, event.data.loanId, (loan) => ({ ...loan, balance: event.data.balanceAfter }));
    case 'HouseholdLoanOverdue.v1':
      return withLoan(doc, event.data.loanId, (loan) => ({ ...loan, overdueSince: event.data.since }));
    case 'HouseholdLoanSettled.v1':
      return withLoan(doc, event.data.loanId, (loan) => ({ ...loan, settledOn: event.data.settledOn }));
    default:
      return assertNever(event, 'support event');
  }
}

function evolveFundYear(doc: FundYearLedgerDoc | null, event: SupportEvent): Draft<FundYearLedgerDoc> {
  const entry = entryOf(event, '');
  if (!entry) throw new Error(`${event.type} pays nothing out and touches no fund total`);
  const base: Draft<FundYearLedgerDoc> = doc ?? { _id: fundYearLedgerId(entry.fund, entry.year), scope: 'fund-year', fund: entry.fund, year: entry.year, byKind: {}, exceptions: [] };
  const was = base.byKind[entry.kind] ?? { count: 0, amount: 0 };
  const exceptions = entry.exception
    ? [...base.exceptions, { householdId: event.data.householdId, ref: entry.ref, kind: entry.kind, on: entry.on, communeCode: null, exception: entry.exception }]
    : base.exceptions;
  return { ...base, byKind: { ...base.byKind, [entry.kind]: { count: was.count + 1, amount: was.amount + entry.amount } }, exceptions };
}

/** Area-level support: into the commune's year, and into its fund's year when a fund paid. */
function evolveArea(doc: SupportLedgerDoc | null, activity: AreaActivity, id: string): Draft<AreaYearLedgerDoc> | Draft<FundYearLedgerDoc> {
  if (id.startsWith('fund:')) {
    const base: Draft<FundYearLedgerDoc> = doc?.scope === 'fund-year' ? doc : { _id: id, scope: 'fund-year', fund: activity.fund as FundYearLedgerDoc['fund'], year: activity.year, byKind: {}, exceptions: [] };
    return { ...base, areaActivities: addActivity(base.areaActivities, activity) };
  }
  const base: Draft<AreaYearLedgerDoc> = doc?.scope === 'area-year' ? doc : { _id: id, scope: 'area-year', communeCode: activity.communeCode, year: activity.year, activities: {} };
  return { ...base, activities: addActivity(base.activities, activity) };
}

function evolve(doc: SupportLedgerDoc | null, recorded: RecordedEvent, id: string): Draft<HouseholdLedgerDoc> | Draft<FundYearLedgerDoc> | Draft<AreaYearLedgerDoc> {
  const activity = areaActivityOf(recorded);
  if (activity) return evolveArea(doc, activity, id);
  if (recorded.type === HouseholdEventType.Registered || recorded.type === HouseholdEventType.Relocated) {
    const d = recorded.data as AddressEvent;
    const communeCode = d.address?.communeCode ?? d.to?.communeCode;
    if (!communeCode) throw new Error(`${recorded.type} at position ${recorded.position} carries no commune`);
    if (doc?.scope === 'household') return { ...doc, communeCode };
    return { _id: id, scope: 'household', householdId: d.householdId, communeCode, supportCommunes: [], entries: [], loans: {}, prior: [] };
  }
  const event = asSupport(recorded);
  if (id.startsWith('fund:')) return evolveFundYear(doc?.scope === 'fund-year' ? doc : null, event);
  if (doc?.scope === 'area-year') throw new Error(`${recorded.type} at position ${recorded.position} cannot touch an area document`);
  if (doc?.scope !== 'household') throw new Error(`${recorded.type} at position ${recorded.position} for a household the ledger has not seen registered`);
  return evolveHousehold(doc, event);
}

/** Support given per household and per fund and year: counts and VND by kind, exceptions listed. */
export const supportLedgerProjection: Projection<SupportLedgerDoc> = {
  ...supportLedger,
  handles: new Set<string>([HouseholdEventType.Registered, HouseholdEventType.Relocated, ...Object.values(SupportEventType), ...AREA_ACTIVITY_EVENTS]),
  indexes: [{ fields: ['scope', 'supportCommunes'] }, { fields: ['scope', 'fund', 'year'] }],
  keys: (event) => {
    const activity = areaActivityOf(event);
    if (activity) return [areaYearLedgerId(activity.communeCode, activity.year), ...(activity.fund ? [fundYearLedgerId(activity.fund, activity.year)] : [])];
    const household = householdLedgerId(householdOf(event));
    if (event.type !== SupportEventType.Granted && event.type !== SupportEventType.LoanDisbursed) return [household];
    const { fund, grantedOn, disbursedOn } = event.data as { fund: string; grantedOn?: string; disbursedOn?: string };
    return [household, fundYearLedgerId(fund, yearOf(grantedOn ?? disbursedOn ?? ''))];
  },
  evolve,
};
