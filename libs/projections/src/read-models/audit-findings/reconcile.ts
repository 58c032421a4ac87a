import { AUDIT_RULES, AuditRuleId } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { AuditFinding, Evidence, FindingDraft, findingIdOf } from './audit-findings.document';

/** The evidence entry of a recorded event. */
export const evidenceOf = (event: RecordedEvent): Evidence => ({
  position: event.position, streamId: event.streamId, revision: event.revision, eventId: event.eventId, type: event.type,
});

/**
 * Merges what the rules find now with what was found before: a new finding is detected at
 * `position`; one still found keeps its detection and review and takes the current evidence;
 * one no longer found is kept, marked resolved; one found again is open to view again.
 */
export function reconcile(previous: readonly AuditFinding[], drafts: readonly FindingDraft[], subjectId: string, position: number): AuditFinding[] {
  const now = new Map(drafts.map((d) => [findingIdOf(d.ruleId, subjectId, d.evidenceKey), d]));
  const kept = previous.map((finding): AuditFinding => {
    const draft = now.get(finding.id);
    if (!draft) return finding.resolvedByPosition !== undefined ? finding : { ...finding, resolvedByPosition: position };
    now.delete(finding.id);
    const { resolvedByPosition: _resolved, ...rest } = finding;
    return { ...rest, ...withoutKey(draft) };
  });
  const added = [...now].map(([id, draft]): AuditFinding => ({
    id, severity: AUDIT_RULES[draft.ruleId], status: 'open', detectedAtPosition: position, ...withoutKey(draft),
  }));
  return [...kept, ...added];
}

function withoutKey({ evidenceKey: _key, ...rest }: FindingDraft): Omit<FindingDraft, 'evidenceKey'> {
  return rest;
}

/** The listing fields every subject document carries beside its findings. */
export const findingFields = (findings: readonly AuditFinding[]) => ({
  findings,
  findingCount: findings.length,
  ruleIds: [...new Set(findings.map((f) => f.ruleId))].sort() as AuditRuleId[],
});
