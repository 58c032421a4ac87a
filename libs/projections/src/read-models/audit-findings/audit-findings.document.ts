import { AuditRuleId, ExplanationBasis, FindingSeverity, HouseholdStatus, RecordedException, SupportFund, SupportKindId } from '@pl/domain';
import { Document } from '@pl/read-store';

/** One stored event a finding points at, enough to read it back from the log. */
export interface Evidence {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
}

/** Where an auditor's review of a finding stands. */
export type FindingStatus = 'open' | 'acknowledged' | 'explained';

/** Who recorded a review step, when, and at which log position. */
export interface ReviewMark {
  readonly by: string;
  readonly at: string;
  readonly position: number;
}

/** What a rule finds: everything of a finding but its review and its life in the log. */
export interface FindingDraft {
  readonly ruleId: AuditRuleId;
  /** Tells apart the findings of one rule on one subject: a grant id, a loan id, an event's revision. */
  readonly evidenceKey: string;
  readonly message: string;
  readonly evidence: readonly Evidence[];
  /** As recorded on the day; null when the subject's events do not carry it (the reader fills it in). */
  readonly communeCode: string | null;
  readonly provinceCode: string | null;
  readonly householdId?: string;
  readonly directiveId?: string;
  readonly fund?: SupportFund;
}

/**
 * Something that went wrong, with its rule and evidence. A finding whose evidence no longer
 * holds (a correction restored eligibility) is kept with `resolvedByPosition`, never deleted:
 * an auditor's note on it must stay readable, and a finding may come back.
 */
export interface AuditFinding extends Omit<FindingDraft, 'evidenceKey'> {
  readonly id: string;
  readonly severity: FindingSeverity;
  readonly status: FindingStatus;
  readonly detectedAtPosition: number;
  readonly resolvedByPosition?: number;
  readonly acknowledgement?: ReviewMark & { readonly note: string };
  readonly explanation?: ReviewMark & { readonly explanation: string; readonly legalBasis?: ExplanationBasis };
}

/** From `since` (a decision date) on, the household had `status`; the recognition that said so. */
export interface StatusPeriodRecord {
  readonly since: string;
  readonly status: HouseholdStatus;
  readonly decisionNumber: string;
  readonly evidence: Evidence;
}

/** A grant, a loan or a prior programme's support, as the rules re-read it after every correction. */
export interface SupportRecord {
  readonly ref: string;
  readonly what: 'grant' | 'loan' | 'prior';
  readonly kind: SupportKindId;
  readonly on: string;
  readonly communeCode: string;
  readonly provinceCode: string | null;
  readonly evidence: Evidence;
  readonly fund?: SupportFund;
  readonly amount?: number;
  readonly exception?: RecordedException;
  readonly loan?: { readonly termMonths: number; readonly annualRatePercent: number };
}

interface SubjectDoc extends Document {
  readonly findings: readonly AuditFinding[];
  /** Findings ever raised, resolved included: zero means the subject has nothing to show. */
  readonly findingCount: number;
  readonly ruleIds: readonly AuditRuleId[];
}

/** A household as the audit rules need it: its dated status history, what it received, its stand-alone findings. */
export interface HouseholdSubjectDoc extends SubjectDoc {
  readonly subject: 'household';
  readonly householdId: string;
  readonly communeCode: string;
  readonly provinceCode: string | null;
  readonly periods: readonly StatusPeriodRecord[];
  readonly supports: readonly SupportRecord[];
  readonly dissolution: { readonly on: string; readonly evidence: Evidence } | null;
  /** Findings about one event alone (an assessment, a recognition): no later event changes them. */
  readonly standalone: readonly FindingDraft[];
}

/** A decision that cites a directive: a grant, a loan or a recognition. */
export interface Citation {
  readonly householdId: string;
  readonly ref: string;
  readonly what: 'grant' | 'loan' | 'recognition';
  readonly decisionDate: string;
  readonly decisionNumber: string;
  readonly communeCode: string | null;
  readonly evidence: Evidence;
  readonly fund?: SupportFund;
}

/** A directive as the audit rules need it: its revocation and every decision that cites it. */
export interface DirectiveSubjectDoc extends SubjectDoc {
  readonly subject: 'directive';
  readonly directiveId: string;
  readonly number: string | null;
  readonly revocation: { readonly revokedOn: string; readonly byDocument: string; readonly evidence: Evidence } | null;
  readonly citations: readonly Citation[];
}

/** A document of the audit findings read model: one per household or directive, its findings inside. */
export type AuditSubjectDoc = HouseholdSubjectDoc | DirectiveSubjectDoc;

/** `finding:<ruleId>:<subject>:<evidenceKey>`; the subject is the id of the document that holds it. */
export const findingIdOf = (ruleId: AuditRuleId, subjectId: string, evidenceKey: string): string => `finding:${ruleId}:${subjectId}:${evidenceKey}`;

/** The document holding a finding, or undefined for an id of another shape. Rule ids and subjects hold no ':'. */
export function subjectOfFinding(findingId: string): string | undefined {
  const [prefix, ruleId, subject, ...key] = findingId.split(':');
  return prefix === 'finding' && ruleId && subject && key.length > 0 ? subject : undefined;
}

export const householdSubjectId = (householdId: string): string => `household-${householdId}`;
export const directiveSubjectId = (directiveId: string): string => `directive-${directiveId}`;
