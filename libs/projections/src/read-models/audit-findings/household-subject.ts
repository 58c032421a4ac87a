import { HouseholdAssessedV1Data, HouseholdEventType, HouseholdStreamEvent, IsoDate, assertNever, withinPeriodicWindow } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { Draft } from '../../projection';
import { FindingDraft, HouseholdSubjectDoc, StatusPeriodRecord, SupportRecord } from './audit-findings.document';
import { householdFindings } from './household-rules';
import { evidenceOf, findingFields, reconcile } from './reconcile';

/** Where a commune code sits on a date; pure data from the unit catalogue. */
export interface ProvinceLookup {
  provinceOf(communeCode: string, onDate: string): string | undefined;
}

type Household = Draft<HouseholdSubjectDoc>;

/** Assessments as stored today and as older records carry them: the fields the window rule reads are in both. */
export const ASSESSMENT_TYPES: readonly string[] = [HouseholdEventType.Assessed, 'HouseholdAssessed.v1'];
const isAssessment = (type: string): boolean => ASSESSMENT_TYPES.includes(type);

/** Keeps the history in decision-date order; a later decision of the same date comes after, as the domain's history does. */
function withPeriod(periods: readonly StatusPeriodRecord[], period: StatusPeriodRecord): StatusPeriodRecord[] {
  const at = periods.findIndex((p) => p.since > period.since);
  return at < 0 ? [...periods, period] : [...periods.slice(0, at), period, ...periods.slice(at)];
}

function standaloneOf(doc: Household, event: HouseholdStreamEvent, recorded: RecordedEvent): FindingDraft | undefined {
  const base = { evidenceKey: `r${recorded.revision}`, evidence: [evidenceOf(recorded)], communeCode: doc.communeCode, provinceCode: doc.provinceCode, householdId: doc.householdId };
  if (event.type === 'HouseholdRecognised.v1' && !event.data.decision.number?.trim()) {
    const { decision, from, to } = event.data;
    return { ...base, communeCode: event.data.communeCode, ruleId: 'recognition-without-decision-number', message: `the change from ${from} to ${to} dated ${decision.date} names no decision number` };
  }
  if (event.type === 'HouseholdAssessed.v2') {
    const { reviewKind, reviewYear, assessedOn, outOfWindowReason } = event.data;
    if (reviewKind !== 'periodic' || withinPeriodicWindow(reviewYear, assessedOn) || outOfWindowReason?.trim()) return undefined;
    const message = `the periodic review of ${reviewYear} surveyed the household on ${assessedOn}, outside 1 September-14 December, and gives no reason`;
    return { ...base, ruleId: 'periodic-review-outside-window-without-reason', message };
  }
  return undefined;
}

function supportRecordOf(doc: Household, event: HouseholdStreamEvent, recorded: RecordedEvent, units: ProvinceLookup): SupportRecord | undefined {
  const at = (on: string) => ({ on, communeCode: doc.communeCode, provinceCode: units.provinceOf(doc.communeCode, on) ?? null, evidence: evidenceOf(recorded) });
  switch (event.type) {
    case 'HouseholdSupportGranted.v1': {
      const d = event.data;
      return { ref: d.grantId, what: 'grant', kind: d.kind, ...at(d.grantedOn), fund: d.fund, amount: d.amount, ...(d.exception ? { exception: d.exception } : {}) };
    }
    case 'HouseholdLoanDisbursed.v1': {
      const d = event.data;
      return {
        ref: d.loanId, what: 'loan', kind: 'preferential-credit', ...at(d.disbursedOn), fund: d.fund, amount: d.amount,
        loan: { termMonths: d.termMonths, annualRatePercent: d.annualRatePercent }, ...(d.exception ? { exception: d.exception } : {}),
      };
    }
    case 'HouseholdPriorSupportRecorded.v1':
      return { ref: `prior-r${recorded.revision}`, what: 'prior', kind: event.data.kind, ...at(event.data.recordedOn) };
    default:
      return undefined;
  }
}

/** The household's record after one event, before its findings are re-read. */
function applyEvent(doc: Household, event: HouseholdStreamEvent, recorded: RecordedEvent, units: ProvinceLookup): Household {
  const support = supportRecordOf(doc, event, recorded, units);
  if (support) return { ...doc, supports: [...doc.supports, support] };
  const flagged = standaloneOf(doc, event, recorded);
  const withFlag = flagged ? { ...doc, standalone: [...doc.standalone, flagged] } : doc;
  if (isAssessment(recorded.type)) return withFlag;
  switch (event.type) {
    case 'HouseholdRecognised.v1': {
      const { decision, to } = event.data;
      return { ...withFlag, periods: withPeriod(doc.periods, { since: decision.date, status: to, decisionNumber: decision.number ?? '', evidence: evidenceOf(recorded) }) };
    }
    case 'HouseholdRelocated.v1': {
      const { communeCode } = event.data.to;
      return { ...withFlag, communeCode, provinceCode: units.provinceOf(communeCode, event.data.movedOn) ?? null };
    }
    case 'HouseholdDissolved.v1':
      return { ...withFlag, dissolution: { on: event.data.dissolvedOn, evidence: evidenceOf(recorded) } };
    case 'HouseholdRegistered.v1':
    case 'HouseholdAssessed.v2':
    case 'HouseholdMembersChanged.v1':
    case 'HouseholdCausesRecorded.v1':
    case 'HouseholdPersonalDataErased.v1':
    case 'HouseholdLoanRepaid.v1':
    case 'HouseholdLoanOverdue.v1':
    case 'HouseholdLoanSettled.v1':
    case 'HouseholdSupportGranted.v1':
    case 'HouseholdLoanDisbursed.v1':
    case 'HouseholdPriorSupportRecorded.v1':
      return withFlag;
    default:
      return assertNever(event, 'household stream event');
  }
}

/** A household's audit record after one of its stream's events, findings re-read in full. */
export function evolveHouseholdSubject(doc: HouseholdSubjectDoc | null, recorded: RecordedEvent, id: string, units: ProvinceLookup): Household {
  const event = { type: recorded.type, data: recorded.data } as HouseholdStreamEvent;
  if (event.type === 'HouseholdRegistered.v1') {
    const { householdId, address, registeredOn } = event.data;
    const provinceCode = units.provinceOf(address.communeCode, registeredOn as IsoDate) ?? null;
    const fresh: Household = {
      _id: id, subject: 'household', householdId, communeCode: address.communeCode, provinceCode,
      periods: [], supports: [], dissolution: null, standalone: [], ...findingFields([]),
    };
    return doc?.subject === 'household' ? { ...doc, communeCode: fresh.communeCode, provinceCode } : fresh;
  }
  if (doc?.subject !== 'household') throw new Error(`${recorded.type} at position ${recorded.position} for a household the audit has not seen registered`);
  const next = applyEvent(doc, event, recorded, units);
  return { ...next, ...findingFields(reconcile(doc.findings, householdFindings(next), id, recorded.position)) };
}
