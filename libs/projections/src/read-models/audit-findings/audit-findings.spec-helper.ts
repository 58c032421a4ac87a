import { EventMetadata, RecordedEvent } from '@pl/event-store';
import { foldAll } from '../../runner/fold';
import { AuditFinding, AuditSubjectDoc } from './audit-findings.document';
import { auditFindingsProjection } from './audit-findings.projection';

type Given = { readonly type: string; readonly data: Record<string, unknown> };

const projection = auditFindingsProjection({ provinceOf: (commune) => (commune === '00001' ? '01' : '25') });
const metadata = { commandId: 'c', correlationId: 'c', causationId: 'c', actor: { id: 'auditor-1', role: 'auditor' }, recordedAt: '2025-03-01T08:00:00.000Z', schemaVersion: 1 } as EventMetadata;

const streamOf = (data: Record<string, unknown>): string =>
  data.findingId ? `audit-finding-${String(data.findingId).length}` : data.householdId ? `household-${String(data.householdId)}` : `directive-${String(data.directiveId)}`;

/** Folds events through the audit projection as the runner does, each in its stream with revisions and log positions. */
export function audit(events: readonly Given[]): { docs: Map<string, AuditSubjectDoc>; findings: AuditFinding[]; recorded: RecordedEvent[] } {
  const docs = new Map<string, AuditSubjectDoc>();
  const revisions = new Map<string, number>();
  const recorded = events.map((e, i): RecordedEvent => {
    const streamId = streamOf(e.data);
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    return { eventId: `e-${i + 1}`, streamId, revision, position: i + 1, type: e.type, data: e.data, metadata, prevHash: '', hash: '' };
  });
  foldAll(projection, recorded, docs);
  return { docs, findings: [...docs.values()].flatMap((d) => d.findings), recorded };
}

const HH = 'hh-1';
const decision = (date: string, number = '125/QĐ-UBND', directiveId?: string) => ({ number, date, issuer: 'UBND xã', ...(directiveId ? { directiveId } : {}) });

export const registered = (communeCode = '00001'): Given => ({
  type: 'HouseholdRegistered.v1',
  data: { householdId: HH, registeredOn: '2023-03-01', address: { communeCode, village: 'Xóm Đồng' }, areaType: 'rural', memberCount: 4, ethnicMinority: false, policyFamily: false, personal: {} },
});

export const assessed = (assessedOn: string, reviewKind = 'periodic', outOfWindowReason?: string): Given => ({
  type: 'HouseholdAssessed.v2',
  data: {
    householdId: HH, reviewYear: Number(assessedOn.slice(0, 4)), reviewKind, assessedOn, incomePerPersonMonthly: 1_000_000, deficientIndicators: [],
    surveyor: 'Đinh Thị Lan', standardId: '2022-2025', proposedCategory: 'poor', deprivations: 3, indicatorsAssessed: [], ...(outOfWindowReason ? { outOfWindowReason } : {}),
  },
});

export const recognised = (to: string, date: string, number = `${date.slice(0, 4)}/QĐ-UBND`, directiveId?: string): Given => ({
  type: 'HouseholdRecognised.v1',
  data: {
    householdId: HH, reviewYear: Number(date.slice(0, 4)), reviewKind: 'periodic', decision: decision(date, number, directiveId), from: 'poor', to,
    transition: 'escaped', standardId: '2022-2025', deprivations: 3, communeCode: '00001', proposedCategory: 'poor', matchesAssessment: true,
  },
});

export const granted = (grantId: string, grantedOn: string, overrides: Record<string, unknown> = {}): Given => ({
  type: 'HouseholdSupportGranted.v1',
  data: {
    householdId: HH, grantId, kind: 'smartphone', grantedOn, fund: 'public-utility-telecom-fund', decision: decision(grantedOn), amount: 500_000,
    form: 'cash', priorityGroup: 'poor', statusOnGrantDate: 'poor', ...overrides,
  },
});

export const lent = (overrides: Record<string, unknown> = {}): Given => ({
  type: 'HouseholdLoanDisbursed.v1',
  data: {
    householdId: HH, loanId: 'loan-1', programme: 'poor-household-lending', lender: 'VBSP', amount: 50_000_000, termMonths: 60, annualRatePercent: 6.6,
    disbursedOn: '2024-06-10', fund: 'vbsp', decision: decision('2024-06-01'), statusOnDisbursement: 'poor', borrowerCategory: 'poor', ...overrides,
  },
});

export const priorSupport = (kind: string, recordedOn: string): Given => ({
  type: 'HouseholdPriorSupportRecorded.v1',
  data: { householdId: HH, kind, programme: 'Sóng và máy tính cho em 2021', recordedOn, source: 'district list', priorEquipment: true },
});

export const dissolved = (dissolvedOn: string): Given => ({ type: 'HouseholdDissolved.v1', data: { householdId: HH, dissolvedOn, reason: 'moved abroad' } });

export const directiveIssued = (directiveId: string, issuedOn: string): Given => ({
  type: 'DirectiveIssued.v1',
  data: { directiveId, number: '715/STTTT-TTBCXB', kind: 'cong-van', issuer: { code: '25', name: 'Sở TT&TT' }, issuedOn, subject: 'V/v', basedOn: [], recipients: [], targets: [] },
});

export const directiveRevoked = (directiveId: string, revokedOn: string): Given => ({
  type: 'DirectiveRevoked.v1', data: { directiveId, revokedOn, byDocument: '901/STTTT-TTBCXB', reason: 'replaced' },
});

export const acknowledged = (findingId: string, note = 'the commune will recover it'): Given => ({ type: 'AuditFindingAcknowledged.v1', data: { findingId, note } });
export const explained = (findingId: string, explanation: string): Given => ({ type: 'AuditFindingExplained.v1', data: { findingId, explanation } });

/** Listed poor from a decision of 2023-12-20. */
export const poorSince2023 = (): Given[] => [registered(), assessed('2023-10-01'), recognised('poor', '2023-12-20')];
