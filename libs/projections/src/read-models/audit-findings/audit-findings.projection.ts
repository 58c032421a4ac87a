import { AuditFindingEventType, DirectiveEventType, HouseholdEventType, SupportEventType } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { Draft, Projection } from '../../projection';
import { AuditSubjectDoc, directiveSubjectId, householdSubjectId, subjectOfFinding } from './audit-findings.document';
import { citedDirective, evolveDirectiveSubject } from './directive-subject';
import { ASSESSMENT_TYPES, evolveHouseholdSubject, ProvinceLookup } from './household-subject';
import { evolveReview } from './review';

/** Name and version of the audit findings read model; its live collection is `collectionOf(auditFindings)`. */
export const auditFindings = { name: 'audit-findings', version: 1 } as const;

const REVIEWS: readonly string[] = Object.values(AuditFindingEventType);
const DIRECTIVE_EVENTS: readonly string[] = [DirectiveEventType.Issued, DirectiveEventType.Revoked];

function keys(event: RecordedEvent): readonly string[] {
  if (REVIEWS.includes(event.type)) {
    const findingId = (event.data as { findingId: string }).findingId;
    const subject = subjectOfFinding(findingId);
    if (!subject) throw new Error(`${event.type} at position ${event.position} names "${findingId}", not a finding id`);
    return [subject];
  }
  if (DIRECTIVE_EVENTS.includes(event.type)) return [directiveSubjectId((event.data as { directiveId: string }).directiveId)];
  const household = householdSubjectId((event.data as { householdId: string }).householdId);
  const cited = citedDirective(event);
  return cited ? [household, directiveSubjectId(cited)] : [household];
}

/**
 * Findings that point at what went wrong, kept inside one document per household and per
 * directive. The log cannot name in advance every finding a late event changes (a backdated
 * recognition re-reads all earlier grants of its household; a revocation re-reads every decision
 * citing the directive), so each subject holds its state and its findings together and
 * re-reads them after each of its events.
 */
export function auditFindingsProjection(units: ProvinceLookup): Projection<AuditSubjectDoc> {
  function evolve(doc: AuditSubjectDoc | null, event: RecordedEvent, id: string): Draft<AuditSubjectDoc> {
    if (REVIEWS.includes(event.type)) return evolveReview(doc, event);
    if (id.startsWith('directive-')) return evolveDirectiveSubject(doc?.subject === 'directive' ? doc : null, event, id);
    return evolveHouseholdSubject(doc?.subject === 'household' ? doc : null, event, id, units);
  }
  return {
    ...auditFindings,
    handles: new Set<string>([...Object.values(HouseholdEventType), ...ASSESSMENT_TYPES, ...Object.values(SupportEventType), ...DIRECTIVE_EVENTS, ...REVIEWS]),
    indexes: [{ fields: ['findingCount'] }, { fields: ['ruleIds'] }],
    keys,
    evolve,
  };
}
