import {
  HouseholdSupportState, IsoDate, SUPPORT_KINDS, borrowerCategoryOn, initialSupportState, loanCapOn, loanRateFor, MAX_LOAN_TERM_MONTHS, statusOn,
} from '@pl/domain';
import { FindingDraft, HouseholdSubjectDoc, StatusPeriodRecord, SupportRecord } from './audit-findings.document';

type Household = Omit<HouseholdSubjectDoc, '_id' | '_position'>;

// Rates are published to two decimals; compare as the loan rules do.
const sameRate = (a: number, b: number): boolean => Math.round(a * 10_000) === Math.round(b * 10_000);

/** The dated status history in the shape the domain's status rules read; nothing else of the state is used. */
const historyOf = (doc: Household): HouseholdSupportState => ({
  ...initialSupportState(),
  statusHistory: doc.periods.map((p) => ({ since: p.since as IsoDate, status: p.status, decisionNumber: p.decisionNumber })),
});

/** The recognition that set the status on a date, if any: the last one dated on or before it. */
const periodOn = (doc: Household, date: string): StatusPeriodRecord | undefined => doc.periods.filter((p) => p.since <= date).at(-1);

function draft(doc: Household, record: SupportRecord, ruleId: FindingDraft['ruleId'], message: string, more: readonly SupportRecord['evidence'][] = []): FindingDraft {
  return {
    ruleId, evidenceKey: record.ref, message, evidence: [record.evidence, ...more],
    communeCode: record.communeCode, provinceCode: record.provinceCode, householdId: doc.householdId, ...(record.fund ? { fund: record.fund } : {}),
  };
}

/** Says so when the status on the date comes from a decision recorded after the support itself. */
function correctionNote(period: StatusPeriodRecord | undefined, record: SupportRecord): string {
  if (!period || period.evidence.position < record.evidence.position) return '';
  return ` (by decision ${period.decisionNumber || 'without a number'} dated ${period.since}, recorded after the ${record.what})`;
}

function eligibilityFindings(doc: Household, history: HouseholdSupportState, record: SupportRecord): FindingDraft[] {
  const on = record.on as IsoDate;
  const group = borrowerCategoryOn(history, on);
  const status = statusOn(history, on);
  const period = periodOn(doc, on);
  const periodEvidence = period ? [period.evidence] : [];
  const rule = SUPPORT_KINDS[record.kind];
  if (!group || !rule.eligible.includes(group)) {
    const message = `${record.kind} ${record.ref} on ${record.on} went to a household that was ${status} on that day${correctionNote(period, record)}; it requires ${rule.eligible.join(' or ')}`;
    return [draft(doc, record, 'grant-not-eligible-on-date', message, periodEvidence)];
  }
  if (!record.loan) return [];
  const expected = loanRateFor(group);
  if (sameRate(record.loan.annualRatePercent, expected)) return [];
  const message = `loan ${record.ref} bears ${record.loan.annualRatePercent} %/year; a ${group} borrower on ${record.on} pays ${expected} %/year${correctionNote(period, record)}`;
  return [draft(doc, record, 'loan-wrong-rate', message, periodEvidence)];
}

function loanTermFindings(doc: Household, record: SupportRecord): FindingDraft[] {
  if (!record.loan) return [];
  const found: FindingDraft[] = [];
  const cap = loanCapOn(record.on as IsoDate);
  if (cap !== undefined && (record.amount ?? 0) > cap) {
    found.push(draft(doc, record, 'loan-above-cap', `loan ${record.ref} lends ${record.amount} VND, above the cap of ${cap} VND on ${record.on}`));
  }
  if (record.loan.termMonths > MAX_LOAN_TERM_MONTHS) {
    found.push(draft(doc, record, 'loan-term-too-long', `loan ${record.ref} runs ${record.loan.termMonths} months, longer than the ${MAX_LOAN_TERM_MONTHS} allowed`));
  }
  return found;
}

function duplicateFindings(doc: Household): FindingDraft[] {
  const first = new Map<string, SupportRecord>();
  const found: FindingDraft[] = [];
  for (const record of doc.supports) {
    if (!SUPPORT_KINDS[record.kind].oneOff) continue;
    const earlier = first.get(record.kind);
    if (!earlier) {
      first.set(record.kind, record);
      continue;
    }
    const source = (r: SupportRecord) => (r.what === 'prior' ? `an earlier programme (recorded ${r.on})` : `${r.what} ${r.ref} on ${r.on}`);
    const message = `${record.kind} is given once per household: ${source(record)} repeats ${source(earlier)}`;
    found.push(draft(doc, record, 'duplicate-one-off-support', message, [earlier.evidence]));
  }
  return found;
}

function supportFindings(doc: Household, history: HouseholdSupportState, record: SupportRecord): FindingDraft[] {
  if (record.what === 'prior') return [];
  const found = [...eligibilityFindings(doc, history, record), ...loanTermFindings(doc, record)];
  if (doc.dissolution && record.on >= doc.dissolution.on) {
    const message = `${record.kind} ${record.ref} on ${record.on} went to a household dissolved on ${doc.dissolution.on}`;
    found.push(draft(doc, record, 'support-after-dissolution', message, [doc.dissolution.evidence]));
  }
  if (record.exception) {
    const { legalBasis, reason, overrides } = record.exception;
    const message = `${record.kind} ${record.ref} was given under exception ${legalBasis.number} of ${legalBasis.date} (${reason}), setting aside ${overrides.join(', ')}`;
    found.push(draft(doc, record, 'exception-granted', message));
  }
  return found;
}

/** Every finding a household's record shows now: re-read in full after each event, so a late correction counts. */
export function householdFindings(doc: Household): FindingDraft[] {
  const history = historyOf(doc);
  return [...doc.standalone, ...doc.supports.flatMap((r) => supportFindings(doc, history, r)), ...duplicateFindings(doc)];
}
